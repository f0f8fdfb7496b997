import DistrictModel
import Indicators

/// `buildings.csv`: one row per building with its residents, noise levels, green access, health
/// outcomes and height. Green cells whose input layer is absent are empty (not assessed), not 0.
public struct BuildingsTable: Sendable {
    public var district: District
    public var population: [BuildingPopulation]
    public var noise: NoiseAnalysis?
    public var green: GreenAnalysis?
    public var health: HealthImpact?

    public init(district: District, population: [BuildingPopulation], noise: NoiseAnalysis?, green: GreenAnalysis?, health: HealthImpact? = nil) {
        self.district = district
        self.population = population
        self.noise = noise
        self.green = green
        self.health = health
    }

    /// Existing columns first, in their order; later columns are only ever appended.
    public static let header = ["id", "population", "ld_dba", "le_dba", "ln_dba", "lden_dba", "lnight_dba", "population_method",
                                "green_300m", "trees_15m", "green_300m_1ha", "nearest_green_m", "green_classes", "meets_3_30_300"]
        + HealthTables.buildingColumns + ["height_m", "height_source"]

    public var csv: CSVTable {
        var table = CSVTable(header: Self.header)
        let noiseTables = noise.map(NoiseTables.init)
        let healthTables = health.map(HealthTables.init)
        let inputs = green?.summary.inputs
        for (index, building) in district.buildings.enumerated() {
            var row = [building.id, index < population.count ? NumberFormat.fixed(population[index].population, 1) : ""]
            row += noiseTables?.buildingCells(index) ?? ["", "", "", "", ""]
            row.append(index < population.count ? population[index].method.rawValue : "")
            if let green, let inputs, index < green.buildings.count {
                let entry = green.buildings[index]
                let access = { (text: String) in inputs.assessed(text, needs: GreenInputs.greenAccess) ?? "" }
                let trees = { (text: String) in inputs.assessed(text, needs: GreenInputs.treeCriteria) ?? "" }
                row += [access(entry.green300m ? "1" : "0"), trees(String(entry.treesNear)), access(entry.green300m1ha ? "1" : "0"),
                        access(entry.nearestGreen.map { NumberFormat.fixed($0, 1) } ?? ""), access(String(entry.proximityClasses)),
                        inputs.assessed(entry.meets33300 ? "1" : "0", needs: GreenInputs.rule33300) ?? ""]
            } else {
                row += ["", "", "", "", "", ""]
            }
            row += healthTables?.buildingCells(index) ?? ["", ""]
            // A defaulted height is the one the noise model used (the district's median), if it used one.
            let height = building.buildingHeight
            let metres = height.isDefaulted ? (noise?.defaultBuildingHeight ?? height.metres) : height.metres
            row += [NumberFormat.fixed(metres, 1), height.source.rawValue]
            table.rows.append(row)
        }
        return table
    }
}
