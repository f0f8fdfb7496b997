import CNOSSOS

extension UrbanPathFinder {
    /// Lateral paths (Annex II 2.5.6, diffraction round vertical edges): the sound that goes round
    /// the buildings a blocked direct path crosses, on the left and on the right. Each is the convex
    /// hull in plan of the source, the receiver and those buildings' corners (1 cm outside them), on
    /// its side of the source-receiver line, as NoiseModelling builds them; the ray height at each
    /// edge is interpolated along the path. A path that would run through another building is left
    /// out. Empty when the direct path crosses no building.
    /// `crossed`: the buildings the direct path crosses (`directProfile` finds them).
    func lateralProfiles(sx: Double, sy: Double, rx: Double, ry: Double, crossed: Set<Int32>, receiverZones: [Int32],
                         scratch: inout QueryScratch) -> [CutProfile] {
        guard !crossed.isEmpty else { return [] }
        // The corners of the crossed buildings, in the frame where S-R runs along u.
        let length = ((rx - sx) * (rx - sx) + (ry - sy) * (ry - sy)).squareRoot()
        guard length > 0 else { return [] }
        let ux = (rx - sx) / length, uy = (ry - sy) / length
        var corners: [(u: Double, v: Double)] = []
        for building in crossed {
            let edges = walls.edges(of: building)
            guard !edges.isEmpty else { continue }
            let cx = edges.reduce(0) { $0 + $1.ax } / Double(edges.count), cy = edges.reduce(0) { $0 + $1.ay } / Double(edges.count)
            for edge in edges {
                // 1 cm out from the building's middle, so the path passes the corner, not through it.
                let dx = edge.ax - cx, dy = edge.ay - cy
                let norm = (dx * dx + dy * dy).squareRoot()
                let x = edge.ax + (norm > 0 ? 0.01 * dx / norm : 0), y = edge.ay + (norm > 0 ? 0.01 * dy / norm : 0)
                corners.append(((x - sx) * ux + (y - sy) * uy, -(x - sx) * uy + (y - sy) * ux))
            }
        }
        var profiles: [CutProfile] = []
        for side in [1.0, -1.0] {
            // Corners between the source and the receiver along the line, on this side.
            let onSide = corners.filter { $0.v * side > 1e-9 && $0.u > 0 && $0.u < length }.map { ($0.u, $0.v * side) }
            let chain = Self.hullChain(onSide, length: length)
            guard !chain.isEmpty else { continue }
            let vertices = [(sx, sy)] + chain.map { (sx + $0.u * ux - $0.v * side * uy, sy + $0.u * uy + $0.v * side * ux) } + [(rx, ry)]
            // A path round these buildings that runs through others is blocked there: the lateral
            // profile's hull ignores buildings (as NoiseModelling's does, for the ISO cases), which
            // in a city of blocks would let it pass through the next block unattenuated.
            var blocked = false
            for (a, b) in zip(vertices, vertices.dropFirst()) where !blocked {
                blocked = isBlocked(ax: a.0, ay: a.1, bx: b.0, by: b.1, scratch: &scratch)
            }
            guard !blocked, let points = lateralPoints(vertices, receiverZones: receiverZones, scratch: &scratch) else { continue }
            profiles.append(CutProfile(path: side > 0 ? .left : .right, points: points, sourceGroundFactor: 0))
        }
        return profiles
    }

    /// The upper convex hull from (0, 0) to (length, 0) over points of positive v: the taut string
    /// round the corners on one side, without its two ends.
    static func hullChain(_ points: [(u: Double, v: Double)], length: Double) -> [(u: Double, v: Double)] {
        guard !points.isEmpty else { return [] }
        let sorted = [(u: 0.0, v: 0.0)] + points.sorted { $0.u < $1.u } + [(u: length, v: 0.0)]
        var hull: [(u: Double, v: Double)] = []
        for p in sorted {
            while hull.count >= 2 {
                let o = hull[hull.count - 2], a = hull[hull.count - 1]
                let cross = (a.u - o.u) * (p.v - o.v) - (a.v - o.v) * (p.u - o.u)
                if cross >= 0 { hull.removeLast() } else { break }
            }
            hull.append(p)
        }
        return Array(hull.dropFirst().dropLast())
    }

    /// The profile points along source, vertical edges, receiver.
    private func lateralPoints(_ vertices: [(Double, Double)], receiverZones: [Int32], scratch: inout QueryScratch) -> [ProfilePoint]? {
        var along = [0.0]
        for (a, b) in zip(vertices, vertices.dropFirst()) {
            along.append(along[along.count - 1] + ((b.0 - a.0) * (b.0 - a.0) + (b.1 - a.1) * (b.1 - a.1)).squareRoot())
        }
        let total = along[along.count - 1]
        guard total > 0 else { return nil }
        var legs: [(points: [ProfilePoint], startZones: [Int32], firstG: Double, lastG: Double, crossed: [Int32])] = []
        var zones = receiverZones
        for index in stride(from: vertices.count - 2, through: 0, by: -1) {
            let leg = self.leg(from: vertices[index], to: vertices[index + 1], endZones: zones, excluding: [], scratch: &scratch)
            legs.insert(leg, at: 0)
            zones = leg.startZones
        }
        var points = [ProfilePoint(kind: .source, x: vertices[0].0, y: vertices[0].1, z: sourceHeight, zGround: 0, g: legs[0].firstG)]
        for index in 1 ..< vertices.count - 1 {
            points += legs[index - 1].points
            let height = sourceHeight + (receiverHeight - sourceHeight) * along[index] / total
            points.append(ProfilePoint(kind: .verticalEdge, x: vertices[index].0, y: vertices[index].1, z: height, zGround: 0,
                                       g: legs[index].firstG))
        }
        points += legs[legs.count - 1].points
        let last = vertices[vertices.count - 1]
        points.append(ProfilePoint(kind: .receiver, x: last.0, y: last.1, z: receiverHeight, zGround: 0, g: legs[legs.count - 1].lastG))
        return points
    }
}

extension WallIndex {
    /// The walls of one building, from a per-building table built once.
    func edges(of building: Int32) -> ArraySlice<EdgeGrid.Edge> {
        let range = buildingRanges[Int(building)]
        return grid.edges[range]
    }
}
