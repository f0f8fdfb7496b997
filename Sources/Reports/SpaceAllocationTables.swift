import DistrictModel
import Indicators

/// The street-space tables of `superblock analyze`. Column and indicator names are a contract
/// documented in the README: add to them, never rename.
public struct SpaceAllocationTables: Sendable {
    public var allocation: SpaceAllocation

    public init(_ allocation: SpaceAllocation) {
        self.allocation = allocation
    }

    /// Categories in the column order of the CSVs.
    static let columns: [(category: SpaceCategory, name: String)] = [
        (.pedestrian, "pedestrian"), (.shared, "shared"), (.cycle, "cycle"), (.green, "green"),
        (.parking, "parking"), (.traffic, "traffic"),
    ]

    /// `streets.csv`: one row per street.
    public var streets: CSVTable {
        var table = CSVTable(header: ["id", "name", "highway", "length_m"] + Self.columns.map { "\($0.name)_m2" }
            + ["defaulted", "street_area_m2", "pedestrian_share_pct", "width_m", "carriageway_width_m", "source"])
        for street in allocation.streets {
            var row = [street.id, street.name ?? "", street.highway ?? "", NumberFormat.fixed(street.length, 2)]
            row += Self.columns.map { NumberFormat.fixed(street.areas[$0.category], 2) }
            row.append(street.defaulted.joined(separator: ";"))
            row.append(NumberFormat.fixed(street.areas.total, 2))
            row.append(street.areas.pedestrianSharePercent.map { NumberFormat.fixed($0, 2) } ?? "")
            row.append(street.section.map { NumberFormat.fixed($0.totalWidth, 2) } ?? "")
            row.append(street.section.map { NumberFormat.fixed($0.carriageway, 2) } ?? "")
            row.append("\(street.origin.file)#\(street.origin.index)")
            table.rows.append(row)
        }
        return table
    }

    /// Columns appended at the end of `streets.csv` (after the noise columns, so existing column
    /// positions stay): what the street holds itself, and for a separate sidewalk the roads whose
    /// rows also count it.
    /// and the pedestrian share of the street's own section (tags and defaults, its separate
    /// sidewalks included), to read beside `pedestrian_share_pct`.
    public static let sidewalkColumns = ["own_street_area_m2", "alongside_roads", "section_pedestrian_share_pct"]

    public func sidewalkCells(_ index: Int) -> [String] {
        let street = allocation.streets[index]
        return [NumberFormat.fixed(street.ownAreas.total, 2), street.alongsideRoads.joined(separator: ";"),
                street.sectionPedestrianSharePercent.map { NumberFormat.fixed($0, 2) } ?? ""]
    }

    /// `junctions.csv`: one row per junction, the streets meeting there (ids joined by `;`) and its
    /// square metres per category; then the node's coordinates.
    public var junctions: CSVTable {
        var table = CSVTable(header: ["id", "streets"] + Self.columns.map { "\($0.name)_m2" } + ["junction_area_m2", "x", "y"])
        for junction in allocation.junctions {
            var row = [junction.id, junction.streets.joined(separator: ";")]
            row += Self.columns.map { NumberFormat.fixed(junction.areas[$0.category], 2) }
            row += [NumberFormat.fixed(junction.areas.total, 2), NumberFormat.fixed(junction.x, 2), NumberFormat.fixed(junction.y, 2)]
            table.rows.append(row)
        }
        return table
    }

    /// `cells.csv`: the same quantities per superblock cell.
    public var cells: CSVTable {
        var table = CSVTable(header: ["id", "name", "cell_area_m2", "street_area_m2"] + Self.columns.map { "\($0.name)_m2" }
            + ["pedestrian_share_pct", "pedestrian_share_rating"])
        for cell in allocation.cells {
            var row = [cell.id, cell.name ?? "", NumberFormat.fixed(cell.cellArea, 2), NumberFormat.fixed(cell.areas.total, 2)]
            row += Self.columns.map { NumberFormat.fixed(cell.areas[$0.category], 2) }
            row.append(cell.areas.pedestrianSharePercent.map { NumberFormat.fixed($0, 2) } ?? "")
            row.append(cell.rating?.rawValue ?? "")
            table.rows.append(row)
        }
        return table
    }

    /// The street-space rows of `district.csv`.
    public func addDistrictRows(to rows: inout IndicatorRows) {
        let areas = allocation.district
        rows.add("street_area_m2", areas.total, unit: "m2")
        rows.add("pedestrian_area_m2", areas[.pedestrian], unit: "m2")
        rows.add("shared_area_m2", areas[.shared], unit: "m2")
        rows.add("cycle_area_m2", areas[.cycle], unit: "m2")
        rows.add("green_strip_area_m2", areas[.green], unit: "m2")
        rows.add("parking_area_m2", areas[.parking], unit: "m2")
        rows.add("traffic_area_m2", areas[.traffic], unit: "m2")
        rows.add("vehicle_area_m2", areas.vehicle, unit: "m2")
        rows.add("pedestrian_share_pct", areas.pedestrianSharePercent, unit: "%")
        rows.add("pedestrian_share_minimum_pct", allocation.thresholds.minimumPercent, unit: "%")
        rows.add("pedestrian_share_desirable_pct", allocation.thresholds.desirablePercent, unit: "%")
        for (category, name) in Self.columns {
            rows.add("\(name)_area_share_pct", areas.percent(category), unit: "%")
        }
        for (category, name) in Self.columns {
            rows.add("street_length_\(name)_m", allocation.lengthByCategory[category] ?? 0, unit: "m")
        }
        rows.add("streets_with_defaults", Double(allocation.streets.filter { !$0.defaulted.isEmpty }.count), unit: "count", digits: 0)
        let junctionArea = allocation.junctions.reduce(SpaceAreas()) { $0 + $1.areas }
        rows.add("junctions", Double(allocation.junctions.count), unit: "count", digits: 0)
        rows.add("junction_area_m2", junctionArea.total, unit: "m2")
    }

    /// The terminal summary.
    /// m2 and share per category, and the total.
    public var categoryTable: TextTable {
        let areas = allocation.district
        var table = TextTable(header: ["street space", "m2", "share"], rightAligned: [1, 2])
        for (category, name) in Self.columns {
            table.rows.append([name, NumberFormat.grouped(areas[category]), areas.percent(category).map { NumberFormat.fixed($0, 1) + " %" } ?? "-"])
        }
        table.rows.append(["total", NumberFormat.grouped(areas.total), "100.0 %"])
        return table
    }

    /// The district's pedestrian share against the thresholds in force; nil without street space.
    public var shareLine: String? {
        let thresholds = allocation.thresholds
        return allocation.district.pedestrianSharePercent.map { share in
            "Pedestrian share (pedestrian + shared): \(NumberFormat.fixed(share, 1)) % - "
                + "\(thresholds.rating(ofPercent: share).rawValue) (minimum \(NumberFormat.fixed(thresholds.minimumPercent, 0)) %, "
                + "desirable \(NumberFormat.fixed(thresholds.desirablePercent, 0)) %, BCNecologia)"
        }
    }

    /// The cells with their street space, pedestrian share and rating.
    public var cellsTable: TextTable {
        var cells = TextTable(header: ["cell", "street m2", "pedestrian share", "rating"], rightAligned: [1, 2])
        for cell in allocation.cells {
            cells.rows.append([cell.id, NumberFormat.grouped(cell.areas.total),
                               cell.areas.pedestrianSharePercent.map { NumberFormat.fixed($0, 1) + " %" } ?? "-",
                               cell.rating?.rawValue ?? "-"])
        }
        return cells
    }

    public var summary: String {
        var lines = [categoryTable.rendered, ""]
        if let shareLine { lines.append(shareLine) }
        let defaulted = allocation.streets.filter { !$0.defaulted.isEmpty }.count
        lines.append("Streets using defaults for some widths: \(defaulted) of \(allocation.streets.count)")
        if !allocation.junctions.isEmpty {
            let junctionArea = allocation.junctions.reduce(0) { $0 + $1.areas.total }
            lines.append("Junctions: \(allocation.junctions.count), \(NumberFormat.grouped(junctionArea)) m2 "
                + "(\(allocation.district.total > 0 ? NumberFormat.fixed(100 * junctionArea / allocation.district.total, 1) : "-") % of street space; counted once, in no street's row)")
        }
        if !allocation.cells.isEmpty {
            lines.append("")
            lines.append(cellsTable.rendered)
        }
        return lines.joined(separator: "\n")
    }
}
