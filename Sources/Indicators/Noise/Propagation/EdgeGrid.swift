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

    init(edges: [Edge], cellSize: Double) {
        self.edges = edges
        self.cellSize = cellSize
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        for e in edges {
            minX = min(minX, e.ax, e.bx); maxX = max(maxX, e.ax, e.bx)
            minY = min(minY, e.ay, e.by); maxY = max(maxY, e.ay, e.by)
        }
        if !minX.isFinite { (minX, minY, maxX, maxY) = (0, 0, 0, 0) }
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

    /// Calls `body` once with each edge whose cell the segment passes near (a superset of the
    /// edges it crosses).
    func forEachCandidate(ax: Double, ay: Double, bx: Double, by: Double, scratch: inout QueryScratch, _ body: (Int) -> Void) {
        guard !edges.isEmpty else { return }
        scratch.next(count: edges.count)
        let dx = bx - ax, dy = by - ay
        let length = (dx * dx + dy * dy).squareRoot()
        let steps = max(1, min(100_000, Int((length / (cellSize * 0.5)).rounded(.up))))
        var lastCell = -1
        // Samples every half cell; the 3x3 neighbourhood of each covers the cells a segment only
        // grazes at a corner.
        for k in 0 ... steps {
            let t = Double(k) / Double(steps)
            let (c, r) = Self.cell(ax + t * dx, ay + t * dy, grid)
            let key = r * columns + c
            if key == lastCell { continue }
            lastCell = key
            for rr in max(0, r - 1) ... min(rows - 1, r + 1) {
                for cc in max(0, c - 1) ... min(columns - 1, c + 1) {
                    for edge in cells[rr * columns + cc] where scratch.mark(Int(edge)) { body(Int(edge)) }
                }
            }
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
