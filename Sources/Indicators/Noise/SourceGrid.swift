/// A uniform grid over line sources' bounding boxes: finds the sources within a search radius of a
/// receiver without GEOS, so the propagation loop is plain Swift over Sendable values and can run
/// on every core.
struct SourceGrid: Sendable {
    private let cellSize: Double
    private let originX: Double
    private let originY: Double
    private let columns: Int
    private let rows: Int
    private var cells: [[Int32]]
    private let boxes: [(minX: Double, minY: Double, maxX: Double, maxY: Double)]

    init(polylines: [[Double]], cellSize: Double = 100) {
        var boxes: [(Double, Double, Double, Double)] = []
        for line in polylines {
            var box = (Double.infinity, Double.infinity, -Double.infinity, -Double.infinity)
            var i = 0
            while i + 1 < line.count {
                box = (min(box.0, line[i]), min(box.1, line[i + 1]), max(box.2, line[i]), max(box.3, line[i + 1]))
                i += 2
            }
            boxes.append(box)
        }
        let valid = boxes.filter { $0.0.isFinite }
        originX = valid.map(\.0).min() ?? 0
        originY = valid.map(\.1).min() ?? 0
        let maxX = valid.map(\.2).max() ?? 0, maxY = valid.map(\.3).max() ?? 0
        // The grid never holds more than `maximumCells` cells, whatever the extent: a larger extent
        // gets larger cells (slower queries, bounded memory) rather than a runaway allocation.
        let spanX = maxX - originX, spanY = maxY - originY
        let needed = (spanX / cellSize + 1) * (spanY / cellSize + 1)
        let size = needed.isFinite && needed <= Self.maximumCells ? cellSize
            : Swift.max(cellSize, ((spanX + cellSize) * (spanY + cellSize) / Self.maximumCells).squareRoot(), spanX / Double(Self.maximumSide - 1), spanY / Double(Self.maximumSide - 1))
        self.cellSize = size.isFinite && size > 0 ? size : cellSize
        columns = Self.index(spanX / self.cellSize, limit: Self.maximumSide - 1) + 1
        rows = Self.index(spanY / self.cellSize, limit: Self.maximumSide - 1) + 1
        cells = Array(repeating: [], count: columns * rows)
        self.boxes = boxes.map { (minX: $0.0, minY: $0.1, maxX: $0.2, maxY: $0.3) }
        for (index, box) in self.boxes.enumerated() where box.minX.isFinite {
            let (c0, r0) = cell(box.minX, box.minY), (c1, r1) = cell(box.maxX, box.maxY)
            for r in r0...r1 { for c in c0...c1 { cells[r * columns + c].append(Int32(index)) } }
        }
    }

    var cellCount: Int { cells.count }

    /// At most 4 million cells (about 100 MB of empty arrays), at most 2,000 a side.
    static let maximumCells = 4_000_000.0
    static let maximumSide = 2000

    /// `value` rounded down and clamped to 0...limit, without trapping on NaN, infinity or values
    /// beyond `Int` (a search radius of 1e300 used to trap here).
    static func index(_ value: Double, limit: Int) -> Int {
        guard value.isFinite else { return value == .infinity ? limit : 0 }
        return Int(Swift.min(Swift.max(value.rounded(.down), 0), Double(limit)))
    }

    private func cell(_ x: Double, _ y: Double) -> (Int, Int) {
        (Self.index((x - originX) / cellSize, limit: columns - 1), Self.index((y - originY) / cellSize, limit: rows - 1))
    }

    /// Sources whose bounding box comes within `radius` of (x, y), each once, ascending.
    func sources(nearX x: Double, y: Double, radius: Double) -> [Int] {
        let (c0, r0) = cell(x - radius, y - radius), (c1, r1) = cell(x + radius, y + radius)
        var found = Set<Int32>()
        for r in r0...r1 {
            for c in c0...c1 {
                for index in cells[r * columns + c] {
                    let box = boxes[Int(index)]
                    let dx = max(box.minX - x, 0, x - box.maxX), dy = max(box.minY - y, 0, y - box.maxY)
                    if dx * dx + dy * dy <= radius * radius { found.insert(index) }
                }
            }
        }
        return found.map(Int.init).sorted()
    }
}
