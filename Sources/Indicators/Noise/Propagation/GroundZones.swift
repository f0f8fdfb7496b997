/// The ground factor G under a sound path (Annex II 2.5.6): G = 1 on green areas (or their own `g`),
/// a district-wide default elsewhere (`--ground-g`, 0: urban ground is hard), 0 on the road the
/// source stands on (Annex II 2.5.6: "G_s = 0 for road platforms") and, in the evaluator, on roofs.
final class GroundZones: Sendable {
    let grid: EdgeGrid
    /// Each zone's rings (closed, flat x, y) and G.
    let rings: [[[Double]]]
    let g: [Double]
    let defaultG: Double
    private let boxes: [(minX: Double, minY: Double, maxX: Double, maxY: Double)]

    init(zones: [(rings: [[Double]], g: Double)], defaultG: Double) {
        var edges: [EdgeGrid.Edge] = []
        for (owner, zone) in zones.enumerated() {
            for ring in zone.rings {
                var i = 0
                while i + 3 < ring.count {
                    edges.append(EdgeGrid.Edge(ax: ring[i], ay: ring[i + 1], bx: ring[i + 2], by: ring[i + 3], owner: Int32(owner)))
                    i += 2
                }
            }
        }
        grid = EdgeGrid(edges: edges, cellSize: 50)
        rings = zones.map(\.rings)
        boxes = zones.map { zone in
            var box = (minX: Double.infinity, minY: Double.infinity, maxX: -Double.infinity, maxY: -Double.infinity)
            for ring in zone.rings {
                var i = 0
                while i + 1 < ring.count {
                    box = (min(box.minX, ring[i]), min(box.minY, ring[i + 1]), max(box.maxX, ring[i]), max(box.maxY, ring[i + 1]))
                    i += 2
                }
            }
            return box
        }
        g = zones.map(\.g)
        self.defaultG = defaultG
    }

    var isEmpty: Bool { g.isEmpty }

    /// The zones that contain (x, y). A scan with a bounding-box test first: once per receiver.
    func zones(containingX x: Double, y: Double) -> [Int32] {
        var result: [Int32] = []
        for (zone, box) in boxes.enumerated() where x >= box.minX && x <= box.maxX && y >= box.minY && y <= box.maxY {
            if contains(zone, x: x, y: y) { result.append(Int32(zone)) }
        }
        return result
    }

    /// Even-odd point in polygon over every ring of the zone (holes included).
    private func contains(_ zone: Int, x: Double, y: Double) -> Bool {
        var inside = false
        for ring in rings[zone] {
            var i = 0
            while i + 3 < ring.count {
                let ax = ring[i], ay = ring[i + 1], bx = ring[i + 2], by = ring[i + 3]
                if (ay > y) != (by > y), x < ax + (y - ay) * (bx - ax) / (by - ay) { inside.toggle() }
                i += 2
            }
        }
        return inside
    }
}
