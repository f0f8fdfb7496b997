/// Every facade of every building as a wall with the building's height, for the path finder:
/// walls a ray crosses (diffraction over roofs) and walls that reflect.
final class WallIndex: Sendable {
    let grid: EdgeGrid
    /// Outward unit normal of each wall (same order as `grid.edges`): reflections happen on that side.
    let normals: [(x: Double, y: Double)]
    /// Height above the ground of each building (m).
    let heights: [Double]
    /// Each building's walls, as a range of `grid.edges` (they are added building by building).
    let buildingRanges: [Range<Int>]

    /// - Parameters: rings per building (each ring closed, flat x, y; the first is the exterior), and
    ///   each building's height.
    init(buildingRings: [[[Double]]], heights: [Double]) {
        var edges: [EdgeGrid.Edge] = []
        var normals: [(x: Double, y: Double)] = []
        var ranges: [Range<Int>] = []
        for (building, rings) in buildingRings.enumerated() {
            let first = edges.count
            defer { ranges.append(first ..< edges.count) }
            for (ringIndex, ring) in rings.enumerated() {
                let count = ring.count / 2
                guard count >= 4 else { continue }
                var twiceArea = 0.0
                for i in 0 ..< count - 1 { twiceArea += ring[2 * i] * ring[2 * i + 3] - ring[2 * i + 2] * ring[2 * i + 1] }
                // A counter-clockwise exterior ring has the outside on the right of each edge; a hole
                // the other way round.
                let outward: Double = ((twiceArea >= 0) == (ringIndex == 0)) ? 1 : -1
                for i in 0 ..< count - 1 {
                    let ax = ring[2 * i], ay = ring[2 * i + 1], bx = ring[2 * i + 2], by = ring[2 * i + 3]
                    let length = ((bx - ax) * (bx - ax) + (by - ay) * (by - ay)).squareRoot()
                    guard length > 1e-9 else { continue }
                    edges.append(EdgeGrid.Edge(ax: ax, ay: ay, bx: bx, by: by, owner: Int32(building)))
                    normals.append((outward * (by - ay) / length, -outward * (bx - ax) / length))
                }
            }
        }
        grid = EdgeGrid(edges: edges, cellSize: 15)
        self.normals = normals
        self.heights = heights
        self.buildingRanges = ranges
    }
}
