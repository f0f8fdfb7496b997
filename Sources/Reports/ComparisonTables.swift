import DistrictModel
import Foundation
import Indicators

/// The files and the terminal summary of `superblock compare` (names documented in the README).
///
/// `compare.csv` is long: `level,id,indicator,unit,before,after,change`, one row per indicator of
/// the district (the names of `district.csv`), of each cell (the quantities of `cells.csv`) and of
/// each street (the numeric columns of `streets.csv`), so a reader filters rather than parses
/// columns. A street found on one side only has an empty `before` or `after` (and `change`).
public struct ComparisonTables: Sendable {
    public var comparison: LayoutComparison
    /// Traffic and travel (`TrafficComparisonTables`): rows of `compare.csv`, `streets.csv`, summary lines.
    public var traffic: TrafficComparisonTables?

    public init(_ comparison: LayoutComparison) {
        self.comparison = comparison
    }

    static let header = ["level", "id", "indicator", "unit", "before", "after", "change"]

    static func row(_ level: String, _ id: String, _ indicator: String, _ unit: String, _ before: Double?, _ after: Double?, digits: Int) -> [String] {
        let change = before.flatMap { x in after.map { $0 - x } }
        return [level, id, indicator, unit] + [before, after, change].map { value in value.map { NumberFormat.fixed($0, digits) } ?? "" }
    }

    /// Street-space quantities of a cell, as in `cells.csv`.
    static let cellIndicators: [(name: String, unit: String, value: @Sendable (CellAllocation) -> Double?)] = [
        ("cell_area_m2", "m2", { $0.cellArea }), ("street_area_m2", "m2", { $0.areas.total }),
        ("pedestrian_m2", "m2", { $0.areas[.pedestrian] }), ("shared_m2", "m2", { $0.areas[.shared] }),
        ("cycle_m2", "m2", { $0.areas[.cycle] }), ("green_m2", "m2", { $0.areas[.green] }),
        ("parking_m2", "m2", { $0.areas[.parking] }), ("traffic_m2", "m2", { $0.areas[.traffic] }),
        ("pedestrian_share_pct", "%", { $0.areas.pedestrianSharePercent }),
    ]

    /// Numeric columns of `streets.csv`: name, unit, digits, value.
    static let streetIndicators: [(name: String, unit: String, digits: Int, value: @Sendable (StreetAllocation, StreetNoise) -> Double?)] = [
        ("length_m", "m", 2, { s, _ in s.length }),
        ("pedestrian_m2", "m2", 2, { s, _ in s.areas[.pedestrian] }), ("shared_m2", "m2", 2, { s, _ in s.areas[.shared] }),
        ("cycle_m2", "m2", 2, { s, _ in s.areas[.cycle] }), ("green_m2", "m2", 2, { s, _ in s.areas[.green] }),
        ("parking_m2", "m2", 2, { s, _ in s.areas[.parking] }), ("traffic_m2", "m2", 2, { s, _ in s.areas[.traffic] }),
        ("street_area_m2", "m2", 2, { s, _ in s.areas.total }), ("pedestrian_share_pct", "%", 2, { s, _ in s.areas.pedestrianSharePercent }),
        ("width_m", "m", 2, { s, _ in s.section?.totalWidth }), ("carriageway_width_m", "m", 2, { s, _ in s.section?.carriageway }),
        ("lw_day_dba_per_m", "dB(A)/m", 2, { _, n in n.lwA(.day) }), ("lw_evening_dba_per_m", "dB(A)/m", 2, { _, n in n.lwA(.evening) }),
        ("lw_night_dba_per_m", "dB(A)/m", 2, { _, n in n.lwA(.night) }),
        ("vehicles_day_per_h", "veh/h", 1, { _, n in n.traffic.vehiclesPerHour(.day) }),
    ]

    static func districtRows(_ layout: LayoutAnalysis) -> IndicatorRows {
        AnalysisReport(district: layout.district, space: layout.space, population: layout.population, noise: layout.noise,
                       health: layout.health, green: layout.green).districtRows
    }

    /// The id a street goes by in `compare.csv`: its id, or `before->after` when it was paired by
    /// geometry under a different id.
    func streetID(_ match: StreetMatch) -> String {
        let before = match.before.map { comparison.before.district.streets[$0].id }
        let after = match.after.map { comparison.after.district.streets[$0].id }
        if let before, let after, before != after { return "\(before)->\(after)" }
        return before ?? after ?? ""
    }

    /// `compare.csv`.
    public var long: CSVTable {
        var table = CSVTable(header: Self.header)
        let before = comparison.before, after = comparison.after
        let districtBefore = Self.districtRows(before), districtAfter = Self.districtRows(after)
        for row in districtAfter.rows {
            let old = districtBefore.rows.first { $0.indicator == row.indicator }
            table.rows.append(Self.row("district", "district", row.indicator, row.unit, old?.value, row.value, digits: row.digits))
        }
        table.rows += traffic?.travelRows ?? []
        for cell in after.space.cells {
            let old = before.space.cells.first { $0.id == cell.id }
            for indicator in Self.cellIndicators {
                table.rows.append(Self.row("cell", cell.id, indicator.name, indicator.unit, old.flatMap(indicator.value), indicator.value(cell), digits: 2))
            }
        }
        for match in comparison.matches {
            let id = streetID(match)
            let old = match.before.map { (before.space.streets[$0], before.noise.streets[$0]) }
            let new = match.after.map { (after.space.streets[$0], after.noise.streets[$0]) }
            for indicator in Self.streetIndicators {
                table.rows.append(Self.row("street", id, indicator.name, indicator.unit, old.flatMap { indicator.value($0.0, $0.1) },
                                           new.flatMap { indicator.value($0.0, $0.1) }, digits: indicator.digits))
            }
        }
        return table
    }

    /// `summary.csv`: the headline figures.
    public var summary: CSVTable {
        var table = CSVTable(header: ["indicator", "unit", "before", "after", "change"])
        for row in comparison.summary.rows {
            table.rows.append([row.indicator, row.unit] + [row.before, row.after, row.change].map { $0.map { NumberFormat.fixed($0, row.digits) } ?? "" })
        }
        return table
    }

    /// `matches.csv`: how every street was paired.
    public var matches: CSVTable {
        var table = CSVTable(header: ["before_id", "after_id", "method", "distance_m"])
        for match in comparison.matches {
            table.rows.append([match.before.map { comparison.before.district.streets[$0].id } ?? "",
                               match.after.map { comparison.after.district.streets[$0].id } ?? "",
                               match.method.rawValue, match.distance.map { NumberFormat.fixed($0, 3) } ?? ""])
        }
        return table
    }

    /// `transfers.csv`: street space that changed category, for the district and each cell.
    public var transfers: CSVTable {
        var table = CSVTable(header: ["level", "id", "from", "to", "area_m2"])
        func add(_ level: String, _ id: String, _ transfers: SpaceTransfers) {
            for from in SpaceCategory.allCases {
                for to in SpaceCategory.allCases where from != to && transfers[from, to] > 0.005 {
                    table.rows.append([level, id, from.rawValue, to.rawValue, NumberFormat.fixed(transfers[from, to], 2)])
                }
            }
        }
        add("district", "district", comparison.transfers)
        for cell in comparison.after.space.cells { add("cell", cell.id, comparison.cellTransfers[cell.id] ?? SpaceTransfers()) }
        return table
    }

    /// The summary's cell table (terminal and HTML report): pedestrian share before and after and
    /// the street space that moved, per cell of the after layout.
    static let cellHeader = ["cell", "pedestrian share before", "after", "vehicles -> people m2", "vehicles -> green m2"]

    var cellRows: [[String]] {
        comparison.after.space.cells.map { cell in
            let old = comparison.before.space.cells.first { $0.id == cell.id }
            let moved = comparison.cellTransfers[cell.id] ?? SpaceTransfers()
            return [cell.id, old?.areas.pedestrianSharePercent.map { NumberFormat.fixed($0, 1) + " %" } ?? "-",
                    cell.areas.pedestrianSharePercent.map { NumberFormat.fixed($0, 1) + " %" } ?? "-",
                    NumberFormat.grouped(moved.total(from: SpaceTransfers.vehicle, to: SpaceTransfers.people)),
                    NumberFormat.grouped(moved.total(from: SpaceTransfers.vehicle, to: [.green]))]
        }
    }

    /// Writes `compare.csv`, `summary.csv`, `matches.csv`, `transfers.csv`, `compare.gpkg` and `report.html`; returns their paths.
    @discardableResult
    public func write(to directory: OutputDirectory, warnings: inout [String]) throws(OutputError) -> [String] {
        let files = [("compare.csv", long), ("summary.csv", summary), ("matches.csv", matches), ("transfers.csv", transfers)]
            + (traffic.map { [("streets.csv", $0.streets)] } ?? [])
        let maps = [try ComparisonGeoPackage(comparison, traffic: traffic?.traffic).file(), ComparisonHTMLReport(comparison, traffic: traffic?.traffic).outputFile]
        return try directory.replaceFiles(files.map { OutputFile.table($0.0, $0.1) } + maps, warnings: &warnings)
    }

    /// The terminal summary.
    public var text: String {
        let summary = comparison.summary
        var table = TextTable(header: ["", "before", "after", "change"], rightAligned: [1, 2, 3])
        func format(_ value: Double?, _ digits: Int, unit: String) -> String {
            guard let value else { return "" }
            let text = digits == 0 ? NumberFormat.grouped(value) : NumberFormat.fixed(value, digits)
            return unit == "%" ? text + " %" : unit == "m2" ? text + " m2" : text
        }
        for row in summary.rows {
            if row.before == nil, row.after == nil, row.change == nil {
                table.rows.append([row.label, "not assessed", "not assessed", ""])
                continue
            }
            var change = format(row.change, row.digits, unit: row.unit == "%" ? "points" : row.unit)
            if row.unit == "%", let value = row.change { change = NumberFormat.fixed(value, row.digits) + " points" }
            if let value = row.change, (value * pow(10, Double(row.digits))).rounded() > 0, row.before != nil { change = "+" + change }
            table.rows.append([row.label, format(row.before, row.digits, unit: row.unit), format(row.after, row.digits, unit: row.unit), change])
        }
        var lines = assumptionLines + ["", table.rendered, ""]
        let matches = comparison.matches
        lines.append("Streets: \(matches.filter { $0.method == .id }.count) paired by id, \(summary.geometryMatches.count) by geometry "
            + "(listed in matches.csv), \(summary.onlyBefore.count) only before, \(summary.onlyAfter.count) only after")
        for (label, ids) in [("Only before", summary.onlyBefore), ("Only after", summary.onlyAfter)] where !ids.isEmpty {
            let shown = ids.prefix(20).joined(separator: ", ")
            lines.append("  \(label): \(shown)" + (ids.count > 20 ? " ... and \(ids.count - 20) more (matches.csv)" : ""))
        }
        if !comparison.after.space.cells.isEmpty {
            lines.append("")
            var cells = TextTable(header: Self.cellHeader, rightAligned: [1, 2, 3, 4])
            cells.rows = cellRows
            lines.append(cells.rendered)
        }
        if let traffic { lines += [""] + traffic.lines }
        let warnings = Array(Set(GreenTables(comparison.before.green).warnings + GreenTables(comparison.after.green).warnings)).sorted()
        lines += [""] + comparison.after.noise.notes.map { "note: \($0)" } + warnings
        return lines.joined(separator: "\n")
    }

    /// The first lines of the summary: the noise model and what each layout assumed.
    public var assumptionLines: [String] {
        func assumptions(_ layout: LayoutAnalysis) -> AnalysisAssumptions {
            AnalysisAssumptions(district: layout.district, space: layout.space, population: layout.population, noise: layout.noise)
        }
        let before = AssumptionLines(assumptions(comparison.before)).lines, after = AssumptionLines(assumptions(comparison.after)).lines
        // The same settings apply to both: a line the layouts share is said once.
        var lines: [String] = []
        for (old, new) in zip(before, after) {
            if old == new {
                lines.append(old)
            } else {
                lines.append("Before - " + old)
                lines.append("After  - " + new)
            }
        }
        return lines
    }
}
