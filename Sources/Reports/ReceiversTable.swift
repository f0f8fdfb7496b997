import DistrictModel
import Indicators

/// `receivers.csv`: the levels at the points given with `analyze --receivers`, for sensor sites and
/// noise maps. x and y are in the district's metric CRS.
public struct ReceiversTable: Sendable {
    public static let header = ["id", "x", "y", "height_m", "ld_dba", "le_dba", "ln_dba", "lden_dba", "lnight_dba"]

    public var points: [ReceiverPoint]
    public var levels: [FacadeLevels]

    public init(points: [ReceiverPoint], levels: [FacadeLevels]) {
        self.points = points
        self.levels = levels
    }

    /// A level that could not be computed (no street within the search radius) is empty.
    public var csv: CSVTable {
        var table = CSVTable(header: Self.header)
        for (point, levels) in zip(points, self.levels) {
            let cells = [levels.day, levels.evening, levels.night, levels.lden, levels.lnight].map { $0.isFinite ? NumberFormat.fixed($0, 1) : "" }
            table.rows.append([point.id, NumberFormat.fixed(point.x, 2), NumberFormat.fixed(point.y, 2), NumberFormat.fixed(point.height, 2)] + cells)
        }
        return table
    }
}
