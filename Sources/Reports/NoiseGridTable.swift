import Indicators

/// `noise_grid.csv` (`analyze --noise-grid M`): the levels at every grid point, x and y in the
/// district's metric CRS.
public struct NoiseGridTable: Sendable {
    public static let header = ["x", "y", "ld_dba", "le_dba", "ln_dba", "lden_dba", "lnight_dba"]

    public var grid: NoiseGrid

    public init(_ grid: NoiseGrid) {
        self.grid = grid
    }

    public var csv: CSVTable {
        CSVTable(header: Self.header, rows: grid.points.map { point in
            [NumberFormat.fixed(point.x, 2), NumberFormat.fixed(point.y, 2)]
                + [point.levels.day, point.levels.evening, point.levels.night, point.levels.lden, point.levels.lnight].map { NumberFormat.fixed($0, 1) }
        })
    }
}
