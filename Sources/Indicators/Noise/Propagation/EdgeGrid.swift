/// Line segments (polygon edges) in a uniform grid, so the edges a sound ray crosses are found by
/// walking the cells along the ray. Plain Sendable arrays (no GEOS): the path finder runs for every
/// receiver and source piece on every core.
struct EdgeGrid: Sendable {
    struct Edge: Sendable {
        var ax: Double, ay: Double, bx: Double, by: Double
        /// The polygon (building, ground zone) the edge belongs to.
        var owner: Int32
    }

    let edges: [Edge]
    private let cellSize: Double
    private let originX: Double, originY: Double
    private let columns: Int, rows: Int
    private let cells: [[Int32]]

    /// Grids have at most about this many cells: a district of scattered features far apart (the
    /// loader allows 100 km) gets larger cells rather than a huge grid.
    static let maximumCells = 1_000_000.0

    init(edges: [Edge], cellSize requested: Double) {
        self.edges = edges
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        for e in edges {
            minX = min(minX, e.ax, e.bx); maxX = max(maxX, e.ax, e.bx)
            minY = min(minY, e.ay, e.by); maxY = max(maxY, e.ay, e.by)
        }
        if !minX.isFinite { (minX, minY, maxX, maxY) = (0, 0, 0, 0) }
        let cellSize = max(requested, ((maxX - minX + 2 * requested) * (maxY - minY + 2 * requested) / Self.maximumCells).squareRoot())
        self.cellSize = cellSize
        originX = minX - cellSize
        originY = minY - cellSize
        // The loader bounds a district's extent; the cap keeps a bad one from sizing a huge grid.
        columns = max(1, min(4_000, Int(((maxX + cellSize - originX) / cellSize).rounded(.up)) + 1))
        rows = max(1, min(4_000, Int(((maxY + cellSize - originY) / cellSize).rounded(.up)) + 1))
        var cells = [[Int32]](repeating: [], count: columns * rows)
        let grid = (originX, originY, cellSize, columns, rows)
        for (index, e) in edges.enumerated() {
            let (c0, r0) = Self.cell(min(e.ax, e.bx), min(e.ay, e.by), grid)
            let (c1, r1) = Self.cell(max(e.ax, e.bx), max(e.ay, e.by), grid)
            for r in r0 ... r1 { for c in c0 ... c1 { cells[r * columns + c].append(Int32(index)) } }
        }
        self.cells = cells
    }

    private static func cell(_ x: Double, _ y: Double,
                             _ grid: (ox: Double, oy: Double, size: Double, columns: Int, rows: Int)) -> (Int, Int) {
        let c = ((x - grid.ox) / grid.size).rounded(.down), r = ((y - grid.oy) / grid.size).rounded(.down)
        let column = c.isFinite ? Int(min(max(c, 0), Double(grid.columns - 1))) : 0
        let row = r.isFinite ? Int(min(max(r, 0), Double(grid.rows - 1))) : 0
        return (column, row)
    }

    private var grid: (ox: Double, oy: Double, size: Double, columns: Int, rows: Int) {
        (originX, originY, cellSize, columns, rows)
    }

    /// Calls `body` once with each edge registered in a cell the segment passes through (a
    /// superset of the edges it crosses): a grid walk (Amanatides and Woo 1987) visiting each cell
    /// on the segment once, from a to b. The walk stops after a cell where `stop` holds.
    func forEachCandidate(ax: Double, ay: Double, bx: Double, by: Double, scratch: inout QueryScratch,
                          stopAfterCell stop: () -> Bool = { false }, _ body: (Int) -> Void) {
        guard !edges.isEmpty else { return }
        scratch.next(count: edges.count)
        let fx = (ax - originX) / cellSize, fy = (ay - originY) / cellSize
        let gx = (bx - originX) / cellSize, gy = (by - originY) / cellSize
        guard fx.isFinite, fy.isFinite, gx.isFinite, gy.isFinite else { return }
        var column = Int(min(max(fx.rounded(.down), 0), Double(columns - 1)))
        var row = Int(min(max(fy.rounded(.down), 0), Double(rows - 1)))
        let lastColumn = Int(min(max(gx.rounded(.down), 0), Double(columns - 1)))
        let lastRow = Int(min(max(gy.rounded(.down), 0), Double(rows - 1)))
        let dx = gx - fx, dy = gy - fy
        let stepX = dx > 0 ? 1 : -1, stepY = dy > 0 ? 1 : -1
        // Parameter t (0 at a, 1 at b) at which the walk crosses the next vertical / horizontal grid line.
        let deltaX = dx != 0 ? abs(1 / dx) : Double.infinity
        let deltaY = dy != 0 ? abs(1 / dy) : Double.infinity
        var nextX = dx != 0 ? ((dx > 0 ? Double(column + 1) : Double(column)) - fx) / dx : Double.infinity
        var nextY = dy != 0 ? ((dy > 0 ? Double(row + 1) : Double(row)) - fy) / dy : Double.infinity
        var remaining = abs(lastColumn - column) + abs(lastRow - row) + 1
        while remaining > 0 {
            for edge in cells[row * columns + column] where scratch.mark(Int(edge)) { body(Int(edge)) }
            remaining -= 1
            guard remaining > 0, !stop() else { break }
            if nextX < nextY {
                column += stepX
                nextX += deltaX
            } else {
                row += stepY
                nextY += deltaY
            }
            guard column >= 0, column < columns, row >= 0, row < rows else { break }
        }
    }

    /// Calls `body` once with each edge in a cell within `radius` of (x, y).
    func forEachNear(x: Double, y: Double, radius: Double, scratch: inout QueryScratch, _ body: (Int) -> Void) {
        guard !edges.isEmpty else { return }
        scratch.next(count: edges.count)
        let (c0, r0) = Self.cell(x - radius, y - radius, grid)
        let (c1, r1) = Self.cell(x + radius, y + radius, grid)
        for r in r0 ... r1 {
            for c in c0 ... c1 {
                for edge in cells[r * columns + c] where scratch.mark(Int(edge)) { body(Int(edge)) }
            }
        }
    }

    /// Where segment p-q crosses edge `index`: (t along p-q, s along the edge), nil if it does not.
    func crossing(_ index: Int, px: Double, py: Double, qx: Double, qy: Double) -> (t: Double, s: Double)? {
        let e = edges[index]
        let rx = qx - px, ry = qy - py, ex = e.bx - e.ax, ey = e.by - e.ay
        let denominator = rx * ey - ry * ex
        guard abs(denominator) > 1e-12 else { return nil }
        let wx = e.ax - px, wy = e.ay - py
        let t = (wx * ey - wy * ex) / denominator
        let s = (wx * ry - wy * rx) / denominator
        guard t > 1e-9, t < 1 - 1e-9, s >= 0, s <= 1 else { return nil }
        return (t, s)
    }
}

/// Per-task scratch for spatial queries: a generation stamp per item, so "seen in this query" is
/// one comparison and nothing is cleared between queries.
struct QueryScratch {
    private var stamps: [UInt32] = []
    private var generation: UInt32 = 0
    /// The task's count of paths deferred to a `PathBudget` and evaluated after all, for the notes.
    var paths = PathTally()

    mutating func next(count: Int) {
        if stamps.count < count { stamps = [UInt32](repeating: 0, count: count); generation = 0 }
        generation &+= 1
        if generation == 0 {
            for i in stamps.indices { stamps[i] = 0 }
            generation = 1
        }
    }

    /// True the first time `index` is marked in this query.
    mutating func mark(_ index: Int) -> Bool {
        guard stamps[index] != generation else { return false }
        stamps[index] = generation
        return true
    }
}
