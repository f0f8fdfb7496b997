import DistrictModel
import Indicators

/// `buildings.csv`: one row per building with its residents, noise levels and green access.
public struct BuildingsTable: Sendable {
    public var district: District
    public var population: [BuildingPopulation]
    public var noise: NoiseAnalysis?
    public var green: GreenAnalysis?

    public init(district: District, population: [BuildingPopulation], noise: NoiseAnalysis?, green: GreenAnalysis?) {
        self.district = district
        self.population = population
        self.noise = noise
        self.green = green
    }

    public static let header = ["id", "population", "ld_dba", "le_dba", "ln_dba", "lden_dba", "lnight_dba", "population_method",
                                "green_300m", "trees_15m", "green_300m_1ha", "nearest_green_m", "green_classes", "meets_3_30_300"]

    public var csv: CSVTable {
        var table = CSVTable(header: Self.header)
        let noiseTables = noise.map(NoiseTables.init)
        for (index, building) in district.buildings.enumerated() {
            var row = [building.id, index < population.count ? NumberFormat.fixed(population[index].population, 1) : ""]
            row += noiseTables?.buildingCells(index) ?? ["", "", "", "", ""]
            row.append(index < population.count ? population[index].method.rawValue : "")
            if let green, index < green.buildings.count {
                let entry = green.buildings[index]
                row += [entry.green300m ? "1" : "0", String(entry.treesNear), entry.green300m1ha ? "1" : "0",
                        entry.nearestGreen.map { NumberFormat.fixed($0, 1) } ?? "", String(entry.proximityClasses), entry.meets33300 ? "1" : "0"]
            } else {
                row += ["", "", "", "", "", ""]
            }
            table.rows.append(row)
        }
        return table
    }
}
