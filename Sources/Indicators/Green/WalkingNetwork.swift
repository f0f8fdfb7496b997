import DistrictModel
import GeometryEngine

/// Distances along the street network, for the walking variant of green access.
///
/// The graph is every street, footway and path (motorways and trunk roads excepted), noded by GEOS
/// so crossings become junctions. A green space is reached at any network node within
/// `entryDistance` of it (entrances are not mapped); a building joins the network at its nearby nodes.
struct WalkingNetwork {
    static let excluded: Set<String> = ["motorway", "motorway_link", "trunk", "trunk_link"]
    /// Longest stretch of street without a node (m).
    static let nodeSpacing = 10.0
    /// How far from a network node a park or a building may lie and still be reached from it (m).
    let entryDistance: Double
    let nodes: [Double]  // flat x, y
    private let adjacency: [[(node: Int, length: Double)]]
    private let grid: SourceGrid

    init(streets: [DistrictFeature], context: GeometryContext, entryDistance: Double = 30) throws(GeometryError) {
        self.entryDistance = entryDistance
        var lines: [Geometry] = []
        for street in streets where street.geometry.family == .line && !Self.excluded.contains(street.highway ?? "") {
            lines.append(try context.geometry(of: street))
        }
        var keys: [Int64: Int] = [:]
        var nodes: [Double] = []
        var adjacency: [[(node: Int, length: Double)]] = []
        func node(_ x: Double, _ y: Double) -> Int {
            // Vertices within a centimetre are one junction.
            let key = (Int64((x * 100).rounded()) << 32) ^ Int64((y * 100).rounded())
            if let existing = keys[key] { return existing }
            keys[key] = nodes.count / 2
            nodes += [x, y]
            adjacency.append([])
            return nodes.count / 2 - 1
        }
        if !lines.isEmpty {
            // Noded so crossings are junctions, densified so a building or park meets the network
            // near the point of the street in front of it, not only at the next junction.
            let noded = try Geometry.collection(lines, as: .multiLineString, in: context).noded().densified(maxSegmentLength: Self.nodeSpacing)
            for part in noded.kind == .lineString ? [noded] : noded.parts {
                let xy = part.coordinates
                var i = 0
                while i + 3 < xy.count {
                    let a = node(xy[i], xy[i + 1]), b = node(xy[i + 2], xy[i + 3])
                    let dx = xy[i + 2] - xy[i], dy = xy[i + 3] - xy[i + 1]
                    let length = (dx * dx + dy * dy).squareRoot()
                    if a != b {
                        adjacency[a].append((b, length))
                        adjacency[b].append((a, length))
                    }
                    i += 2
                }
            }
        }
        var points: [[Double]] = []
        points.reserveCapacity(nodes.count / 2)
        var i = 0
        while i + 1 < nodes.count {
            points.append([nodes[i], nodes[i + 1], nodes[i], nodes[i + 1]])
            i += 2
        }
        grid = SourceGrid(polylines: points, cellSize: 50)
        self.nodes = nodes
        self.adjacency = adjacency
    }

    var nodeCount: Int { nodes.count / 2 }

    /// Network distance from every node to the nearest of `targets` (parks), up to `limit`;
    /// infinity beyond.
    func distances(to targets: IndexedParts, limit: Double, context: GeometryContext) throws(GeometryError) -> [Double] {
        var distance = [Double](repeating: .infinity, count: nodeCount)
        var heap = MinHeap()
        for (k, part) in targets.parts.enumerated() {
            guard let box = part.envelope else { continue }
            let (cx, cy) = box.center
            let reach = ((box.width * box.width + box.height * box.height).squareRoot() / 2) + entryDistance
            for candidate in grid.sources(nearX: cx, y: cy, radius: reach) {
                let point = try Geometry.point(x: nodes[2 * candidate], y: nodes[2 * candidate + 1], in: context)
                let gap = try targets.prepared[k].distance(to: point)
                if gap <= entryDistance, gap < distance[candidate] {
                    distance[candidate] = gap
                    heap.push(gap, candidate)
                }
            }
        }
        while let (d, node) = heap.pop() {
            guard d <= distance[node], d <= limit else { continue }
            for (next, length) in adjacency[node] where d + length < distance[next] {
                distance[next] = d + length
                heap.push(d + length, next)
            }
        }
        return distance
    }

    /// The shortest way from `building` into the network and on to a park, given the node distances.
    func distance(from building: Geometry, nodeDistances: [Double]) throws(GeometryError) -> Double {
        guard let box = building.envelope else { return .infinity }
        let (cx, cy) = box.center
        let reach = (box.width * box.width + box.height * box.height).squareRoot() / 2 + entryDistance
        var best = Double.infinity
        for candidate in grid.sources(nearX: cx, y: cy, radius: reach) where nodeDistances[candidate].isFinite {
            let point = try Geometry.point(x: nodes[2 * candidate], y: nodes[2 * candidate + 1], in: building.context)
            let gap = try building.distance(to: point)
            if gap <= entryDistance { best = min(best, gap + nodeDistances[candidate]) }
        }
        return best
    }
}
