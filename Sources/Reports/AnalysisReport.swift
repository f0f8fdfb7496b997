import DistrictModel
import Foundation
import Indicators

/// Everything `superblock analyze` computed, and the files it writes.
public struct AnalysisReport: Sendable {
    public var district: District
    public var space: SpaceAllocation
    public var population: [BuildingPopulation]
    public var noise: NoiseAnalysis?

    public init(district: District, space: SpaceAllocation, population: [BuildingPopulation] = [], noise: NoiseAnalysis? = nil) {
        self.district = district
        self.space = space
        self.population = population
        self.noise = noise
    }

    var noiseTables: NoiseTables? { noise.map { NoiseTables($0, population: population) } }

    /// `streets.csv`: the street-space columns, then the noise columns when noise was computed.
    public var streetsTable: CSVTable {
        var table = SpaceAllocationTables(space).streets
        guard let noiseTables else { return table }
        table.header += NoiseTables.streetColumns
        for index in table.rows.indices { table.rows[index] += noiseTables.streetCells(index) }
        return table
    }

    public var districtRows: IndicatorRows {
        var rows = IndicatorRows()
        SpaceAllocationTables(space).addDistrictRows(to: &rows)
        rows.add("residents", population.reduce(0) { $0 + $1.population }, unit: "residents", digits: 0)
        noiseTables?.addDistrictRows(to: &rows)
        rows.add("load_problems", Double(district.problems.count), unit: "count", digits: 0)
        rows.add("attribute_warnings", Double(space.warnings.count), unit: "count", digits: 0)
        return rows
    }

    /// Writes `streets.csv`, `district.csv` and, when cells are given, `cells.csv`; returns the paths.
    @discardableResult
    public func write(to directory: OutputDirectory) throws(OutputError) -> [String] {
        let tables = SpaceAllocationTables(space)
        var files: [(String, CSVTable)] = [("streets.csv", streetsTable), ("district.csv", districtRows.csv)]
        if !space.cells.isEmpty { files.append(("cells.csv", tables.cells)) }
        if let noiseTables { files.append(("buildings.csv", noiseTables.buildings)) }
        for (name, table) in files { try table.write(to: directory.file(name)) }
        return files.map { directory.file($0.0).path }
    }

    public var text: String {
        var lines = [SpaceAllocationTables(space).summary]
        if let noiseTables { lines += ["", noiseTables.summary] }
        let problems = district.problems.count + space.warnings.count
        if problems > 0 {
            lines.append("")
            lines.append("Problems: \(district.problems.count) while loading, \(space.warnings.count) attribute warnings (first ones below)")
            for problem in (district.problems + space.warnings).prefix(10) { lines.append("  \(problem)") }
        }
        return lines.joined(separator: "\n")
    }

    public var json: String {
        var indicators: [String: Any] = [:]
        for row in districtRows.rows { indicators[row.indicator] = row.value ?? NSNull() }
        let cells = space.cells.map { cell -> [String: Any] in
            var entry: [String: Any] = ["id": cell.id, "street_area_m2": cell.areas.total,
                                        "pedestrian_share_pct": cell.areas.pedestrianSharePercent ?? NSNull(),
                                        "rating": cell.rating?.rawValue ?? NSNull()]
            if let name = cell.name { entry["name"] = name }
            return entry
        }
        let object: [String: Any] = ["crs": district.crs, "district": indicators, "cells": cells,
                                     "notes": noise?.notes ?? [],
                                     "warnings": (district.problems + space.warnings).map(\.description)]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
