/// The directed street graph of one cell's interior, built from plain coordinates (see
/// `InteriorCheck` for the rules): small, so Dijkstra runs on arrays without a heap.
struct InteriorGraph {
    struct Node { var x: Double; var y: Double }
    struct Edge {
        var from: Int
        var to: Int
        var length: Double
        var owner: Int
        /// The edge's polyline from `from` to `to`.
        var xy: [Double]
    }

    private(set) var nodes: [Node] = []
    private(set) var edges: [Edge] = []
    /// Outgoing edges per node.
    private(set) var outgoing: [[Int]] = []

    init(pieces: [InteriorCheck.Piece], directions: [InteriorCheck.Direction], snap: Double) {
        // 1. Street ends that touch another street between its vertices become vertices there.
        var lines = pieces.map(\.xy)
        for (p, piece) in pieces.enumerated() {
            for end in [0, piece.xy.count - 2] {
                let x = piece.xy[end], y = piece.xy[end + 1]
                for q in lines.indices where q != p {
                    lines[q] = Self.inserting(x, y, into: lines[q], within: snap)
                }
            }
        }

        // 2. Nodes: every end, and every vertex met more than once; joined within `snap`.
        var clusters = PointClusters(tolerance: snap)
        var seen: [Key: Int] = [:]
        for line in lines {
            var index = 0
            while index + 1 < line.count {
                seen[Key(line[index], line[index + 1], snap), default: 0] += 1
                index += 2
            }
        }
        func isNode(_ line: [Double], _ index: Int) -> Bool {
            index == 0 || index == line.count - 2 || (seen[Key(line[index], line[index + 1], snap)] ?? 0) > 1
        }

        // 3. Edges between consecutive nodes along each line.
        for (p, line) in lines.enumerated() {
            var start = 0
            var polyline: [Double] = [line[0], line[1]]
            var length = 0.0
            var index = 2
            while index + 1 < line.count {
                let dx = line[index] - line[index - 2], dy = line[index + 1] - line[index - 1]
                length += (dx * dx + dy * dy).squareRoot()
                polyline += [line[index], line[index + 1]]
                if isNode(line, index) {
                    let a = clusters.node(line[start], line[start + 1]), b = clusters.node(line[index], line[index + 1])
                    if a != b || length > snap {
                        add(from: a, to: b, length: length, owner: pieces[p].owner, xy: polyline, direction: directions[pieces[p].owner])
                    }
                    start = index
                    polyline = [line[index], line[index + 1]]
                    length = 0
                }
                index += 2
            }
        }
        nodes = clusters.points.map { Node(x: $0.x, y: $0.y) }
        outgoing = nodes.indices.map { _ in [] }
        for (index, edge) in edges.enumerated() { outgoing[edge.from].append(index) }
    }

    private mutating func add(from a: Int, to b: Int, length: Double, owner: Int, xy: [Double], direction: InteriorCheck.Direction) {
        if direction != .backward { edges.append(Edge(from: a, to: b, length: length, owner: owner, xy: xy)) }
        if direction != .forward { edges.append(Edge(from: b, to: a, length: length, owner: owner, xy: InteriorCheck.reversed(xy))) }
    }

    /// Shortest distances from `source` to every node, and the edge each node is reached by.
    func shortestPaths(from source: Int) -> (distance: [Double], previous: [Int?]) {
        var distance = [Double](repeating: .infinity, count: nodes.count)
        var previous = [Int?](repeating: nil, count: nodes.count)
        var done = [Bool](repeating: false, count: nodes.count)
        distance[source] = 0
        while true {
            var current = -1
            for node in nodes.indices where !done[node] && distance[node].isFinite && (current < 0 || distance[node] < distance[current]) {
                current = node
            }
            guard current >= 0 else { break }
            done[current] = true
            for edgeIndex in outgoing[current] {
                let edge = edges[edgeIndex]
                let candidate = distance[current] + edge.length
                if candidate < distance[edge.to] {
                    distance[edge.to] = candidate
                    previous[edge.to] = edgeIndex
                }
            }
        }
        return (distance, previous)
    }

    /// `line` with (x, y) inserted as a vertex where it lies within `tolerance` of a segment's
    /// inside (not near its vertices, which already connect).
    static func inserting(_ x: Double, _ y: Double, into line: [Double], within tolerance: Double) -> [Double] {
        var index = 0
        while index + 3 < line.count {
            let ax = line[index], ay = line[index + 1], bx = line[index + 2], by = line[index + 3]
            let dx = bx - ax, dy = by - ay
            let squared = dx * dx + dy * dy
            if squared > 0 {
                let t = ((x - ax) * dx + (y - ay) * dy) / squared
                let length = squared.squareRoot()
                if t * length > tolerance, (1 - t) * length > tolerance {
                    let px = ax + t * dx, py = ay + t * dy
                    if ((x - px) * (x - px) + (y - py) * (y - py)).squareRoot() <= tolerance {
                        var copy = line
                        copy.insert(contentsOf: [x, y], at: index + 2)
                        return copy
                    }
                }
            }
            index += 2
        }
        return line
    }

    /// A vertex position rounded to the snap grid, to count shared vertices.
    struct Key: Hashable {
        var x: Int64
        var y: Int64
        init(_ x: Double, _ y: Double, _ snap: Double) {
            let cell = max(snap / 10, 0.001)
            self.x = Int64((x / cell).rounded())
            self.y = Int64((y / cell).rounded())
        }
    }
}

/// Points joined when closer than a tolerance; each cluster keeps its first point.
struct PointClusters {
    let tolerance: Double
    private(set) var points: [(x: Double, y: Double)] = []
    private var grid: [InteriorGraph.Key: [Int]] = [:]

    init(tolerance: Double) {
        self.tolerance = max(tolerance, 1e-9)
    }

    mutating func node(_ x: Double, _ y: Double) -> Int {
        let gx = Int64((x / tolerance).rounded(.down)), gy = Int64((y / tolerance).rounded(.down))
        for cx in (gx - 1)...(gx + 1) {
            for cy in (gy - 1)...(gy + 1) {
                for index in grid[InteriorGraph.Key(raw: cx, cy)] ?? [] {
                    let p = points[index]
                    if ((p.x - x) * (p.x - x) + (p.y - y) * (p.y - y)).squareRoot() <= tolerance { return index }
                }
            }
        }
        points.append((x, y))
        grid[InteriorGraph.Key(raw: gx, gy), default: []].append(points.count - 1)
        return points.count - 1
    }
}

extension InteriorGraph.Key {
    init(raw x: Int64, _ y: Int64) {
        self.x = x
        self.y = y
    }
}

/// Distances to, and positions along, a closed ring given as a flat `x, y` buffer.
struct RingMeasure {
    let ring: [Double]
    /// Cumulative length at each vertex.
    let cumulative: [Double]

    init(_ ring: [Double]) {
        self.ring = ring
        var cumulative = [0.0]
        var index = 2
        while index + 1 < ring.count {
            let dx = ring[index] - ring[index - 2], dy = ring[index + 1] - ring[index - 1]
            cumulative.append(cumulative.last! + (dx * dx + dy * dy).squareRoot())
            index += 2
        }
        self.cumulative = cumulative
    }

    var length: Double { cumulative.last ?? 0 }

    /// The nearest point of the ring: its distance and its position along the ring.
    private func nearest(_ x: Double, _ y: Double) -> (distance: Double, position: Double) {
        var best = (distance: Double.infinity, position: 0.0)
        var segment = 0
        while 2 * segment + 3 < ring.count {
            let ax = ring[2 * segment], ay = ring[2 * segment + 1], bx = ring[2 * segment + 2], by = ring[2 * segment + 3]
            let dx = bx - ax, dy = by - ay
            let squared = dx * dx + dy * dy
            let t = squared > 0 ? min(max(((x - ax) * dx + (y - ay) * dy) / squared, 0), 1) : 0
            let px = ax + t * dx, py = ay + t * dy
            let distance = ((x - px) * (x - px) + (y - py) * (y - py)).squareRoot()
            if distance < best.distance { best = (distance, cumulative[segment] + t * squared.squareRoot()) }
            segment += 1
        }
        return best
    }

    func distance(_ x: Double, _ y: Double) -> Double { nearest(x, y).distance }
    func position(_ x: Double, _ y: Double) -> Double { nearest(x, y).position }
}
