import DistrictModel
import Foundation
import Indicators

/// Everything `superblock analyze` computed, and the files it writes.
public struct AnalysisReport: Sendable {
    public var district: District
    public var space: SpaceAllocation
    public var population: [BuildingPopulation]
    public var noise: NoiseAnalysis?
    /// Health outcomes of the noise levels (Annex III); computed with the default incidence when
    /// not given.
    public var health: HealthImpact?
    public var green: GreenAnalysis?
    /// The green analysis with every vacant lot turned green (`--green-lots`).
    public var greenIfLotsGreen: GreenAnalysis?
    public var lots: [LotIndicators]
    /// Census polygons whose residents found no residential building (reported, never dropped).
    public var censusUnallocated: [(id: String, population: Double)] = []
    /// Levels at the points of `analyze --receivers`, written as `receivers.csv`.
    public var receivers: ReceiversTable?
    /// The indicator families asked for (`analyze --only`): only their tables and summaries are
    /// written.
    public var stages: Set<AnalysisStage> = Set(AnalysisStage.allCases)
    /// The noise map of `analyze --noise-grid`: `noise_grid.csv` and the `noise_bands` layer.
    public var noiseGrid: NoiseGrid?
    /// Features of the context margin left out of every table (`withoutContext()`).
    public var contextFeatureCount = 0

    public init(district: District, space: SpaceAllocation, population: [BuildingPopulation] = [], noise: NoiseAnalysis? = nil,
                health: HealthImpact? = nil, green: GreenAnalysis? = nil, greenIfLotsGreen: GreenAnalysis? = nil, lots: [LotIndicators] = []) {
        self.district = district
        self.space = space
        self.population = population
        self.noise = noise
        self.health = health ?? noise.map { HealthImpact(buildings: $0.buildings) }
        self.green = green
        self.greenIfLotsGreen = greenIfLotsGreen
        self.lots = lots
    }

    var noiseTables: NoiseTables? { noise.map(NoiseTables.init) }

    /// What was assumed rather than measured: the first lines of the summary.
    public var assumptions: AnalysisAssumptions {
        AnalysisAssumptions(district: district, space: space, population: population, noise: noise)
    }

    /// `streets.csv`: the street-space columns, then the noise columns when noise was computed.
    public var streetsTable: CSVTable {
        var table = stages.contains(.space) ? SpaceAllocationTables(space).streets : Self.streetIdentity(district)
        if let noiseTables {
            table.header += NoiseTables.streetColumns
            for index in table.rows.indices { table.rows[index] += noiseTables.streetCells(index) }
        }
        if stages.contains(.space), space.streets.count == table.rows.count {
            let tables = SpaceAllocationTables(space)
            table.header += SpaceAllocationTables.sidewalkColumns
            for index in table.rows.indices { table.rows[index] += tables.sidewalkCells(index) }
        }
        TrafficModelColumns.append(to: &table, streets: district.streets)
        return table
    }

    /// `streets.csv` without the street-space columns (`--only noise`): who each row is.
    static func streetIdentity(_ district: District) -> CSVTable {
        CSVTable(header: ["id", "name", "highway"], rows: district.streets.map { [$0.id, $0.attributes.string("name") ?? "", $0.highway ?? ""] })
    }

    public var districtRows: IndicatorRows {
        var rows = IndicatorRows()
        if stages.contains(.space) { SpaceAllocationTables(space).addDistrictRows(to: &rows) }
        if !population.isEmpty { rows.add("residents", population.reduce(0) { $0 + $1.population }, unit: "residents", digits: 0) }
        if !district.censusAreas.isEmpty {
            rows.add("census_residents", district.censusAreas.reduce(0) { $0 + ($1.attributes.number("population") ?? 0) }, unit: "residents", digits: 0)
            rows.add("census_residents_unallocated", censusUnallocated.reduce(0) { $0 + $1.population }, unit: "residents", digits: 0)
        }
        AssumptionLines(assumptions).addDistrictRows(to: &rows)
        noiseTables?.addDistrictRows(to: &rows)
        if let health { HealthTables(health).addDistrictRows(to: &rows) }
        if let green { GreenTables(green).addDistrictRows(to: &rows) }
        if let greenIfLotsGreen { GreenTables(greenIfLotsGreen).addDistrictRows(to: &rows, suffix: "_if_lots_green") }
        rows.add("vacant_lots", Double(district.vacantLots.count), unit: "count", digits: 0)
        if contextFeatureCount > 0 { rows.add("context_features", Double(contextFeatureCount), unit: "count", digits: 0) }
        rows.add("load_problems", Double(district.problems.count), unit: "count", digits: 0)
        rows.add("attribute_warnings", Double(space.warnings.count), unit: "count", digits: 0)
        return rows
    }

    /// Writes the tables and returns their paths: `streets.csv`, `district.csv`, `buildings.csv`,
    /// and `cells.csv` / `lots.csv` when there are cells / vacant lots; `district.gpkg` and `report.html`.
    @discardableResult
    public func write(to directory: OutputDirectory) throws(OutputError) -> [String] {
        var warnings: [String] = []
        return try write(to: directory, warnings: &warnings)
    }

    /// The tables replace the directory's as a set (`OutputDirectory.replaceTables`); cells that
    /// could not be computed are written empty and named in `warnings`.
    @discardableResult
    public func write(to directory: OutputDirectory, warnings: inout [String]) throws(OutputError) -> [String] {
        var files: [(String, CSVTable)] = []
        if stages.contains(.space) || stages.contains(.noise) { files.append(("streets.csv", streetsTable)) }
        files.append(("district.csv", districtRows.csv))
        if stages.contains(.space) {
            if !space.junctions.isEmpty { files.append(("junctions.csv", SpaceAllocationTables(space).junctions)) }
            if !space.cells.isEmpty { files.append(("cells.csv", SpaceAllocationTables(space).cells)) }
        }
        if !stages.isDisjoint(with: [.population, .noise, .green]) {
            files.append(("buildings.csv", BuildingsTable(district: district, population: population, noise: noise, green: green, health: health).csv))
        }
        if !lots.isEmpty { files.append(("lots.csv", LotsTable(lots).csv)) }
        if let receivers { files.append(("receivers.csv", receivers.csv)) }
        if let noiseGrid { files.append(("noise_grid.csv", NoiseGridTable(noiseGrid).csv)) }
        // Without a grid (no --noise-grid) the Lden map colours the buildings: an empty band list
        // would draw a grid map with nothing on it.
        let bands = noiseGrid.map { grid in grid.bands.map { NoiseBandPolygon(lower: $0.lower ?? 50, wkb: $0.wkb) } }
        let maps = [try DistrictGeoPackage(self).file(), AnalysisHTMLReport(self, noiseGrid: bands).outputFile]
        return try directory.replaceFiles(files.map { OutputFile.table($0.0, $0.1) } + maps, warnings: &warnings)
    }

    public var text: String {
        var lines = AssumptionLines(assumptions).lines + district.inputNotes.map { "note: \($0)" }
        if stages.contains(.space) { lines += ["", SpaceAllocationTables(space).summary] }
        if let noiseTables { lines += ["", noiseTables.summary] }
        if let health { lines += ["", HealthTables(health).summary] }
        if let green { lines += ["", GreenTables(green).summary] }
        if let green, let greenIfLotsGreen, green.summary.inputs.hasGreenLayer {
            lines += ["", Self.whatIf(green.summary, greenIfLotsGreen.summary)]
        }
        if !lots.isEmpty {
            var table = TextTable(header: ["vacant lot", "m2", "residents 300 m", "newly served", "score", "rank"], rightAligned: [1, 2, 3, 4, 5])
            for lot in lots.sorted(by: { $0.priorityRank < $1.priorityRank }).prefix(10) {
                table.rows.append([lot.id, NumberFormat.grouped(lot.area), NumberFormat.grouped(lot.residents300m),
                                   NumberFormat.grouped(lot.newlyServedResidents), NumberFormat.fixed(lot.priorityScore, 1), String(lot.priorityRank)])
            }
            lines += ["", table.rendered]
        }
        for (id, residents) in censusUnallocated {
            lines.append("warning: census area \(id): \(NumberFormat.grouped(residents)) residents and no residential building to place them in")
        }
        let problems = district.problems.count + space.warnings.count
        if problems > 0 {
            lines.append("")
            lines.append("Problems: \(district.problems.count) while loading, \(space.warnings.count) attribute warnings (first ones below)")
            for problem in (district.problems + space.warnings).prefix(10) { lines.append("  \(problem)") }
        }
        return lines.joined(separator: "\n")
    }

    /// The `--green-lots` what-if: green indicators today and with every vacant lot green.
    static func whatIf(_ today: GreenSummary, _ withLots: GreenSummary) -> String {
        var table = TextTable(header: ["if every vacant lot became green", "today", "with lots", "change"], rightAligned: [1, 2, 3])
        let rows: [(String, Double?, Double?, Int)] = [
            ("green area (m2)", today.greenArea, withLots.greenArea, 0),
            ("green per resident (m2)", today.greenPerResident, withLots.greenPerResident, 1),
            ("residents within 300 m of >= 0.5 ha (%)", today.percent(today.residentsGreen300m), withLots.percent(withLots.residentsGreen300m), 1),
            ("residents within 300 m of >= 1 ha (%)", today.percent(today.residentsGreen300m1ha), withLots.percent(withLots.residentsGreen300m1ha), 1),
            ("residents meeting 3-30-300 (%)", today.inputs.assessed(today.percent(today.residents33300), needs: GreenInputs.rule33300),
             withLots.inputs.assessed(withLots.percent(withLots.residents33300), needs: GreenInputs.rule33300), 1),
        ]
        for (label, a, b, digits) in rows {
            let change = a.flatMap { a in b.map { $0 - a } }
            table.rows.append([label, a.map { NumberFormat.fixed($0, digits) } ?? "-", b.map { NumberFormat.fixed($0, digits) } ?? "-",
                               change.map { ($0 > 0 ? "+" : "") + NumberFormat.fixed($0, digits) } ?? "-"])
        }
        return table.rendered
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
                                     "notes": district.inputNotes + (noise?.notes ?? []),
                                     "assumptions": AssumptionLines(assumptions).lines,
                                     "not_assessed": green.map { GreenTables($0).warnings } ?? [],
                                     "warnings": (district.problems + space.warnings).map(\.description)]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
