/// Fastest paths on a restricted network from those on the unrestricted one, repairing only the
/// part of the tree a plan cuts (the classic update of shortest paths after edges are removed or
/// slowed; Ramalingam and Reps 1996): nodes whose before path stays open and as fast keep it,
/// and a Dijkstra search over the others alone, started from their untouched neighbours, finds
/// their new paths.
///
/// It applies when the after graph has the before graph's nodes and edges, only some access
/// only and some slower, and the origin touches an open street. Such a trip reaches every node
/// touching an open street on the open network and every other node on the access-only streets of
/// its destination (see `ShortestPaths`), so an access-only edge is usable exactly when it leads
/// into a node that touches no open street: the after network is then a plain graph, the
/// before graph less the unusable edges.
final class ShortestPathRepair {
    let before: RoadGraph
    let after: RoadGraph
    /// Per edge: usable after, and as fast as before.
    let usable: [Bool]
    let unchanged: [Bool]
    /// Incoming edges of node n: `incoming[firstIncoming[n] ..< firstIncoming[n + 1]]`.
    let firstIncoming: [Int]
    let incoming: [Int]

    /// Per node, after `repair`: seconds and metres after (the before values for nodes not
    /// affected), and whether the route is the before one.
    private(set) var time: [Double]
    private(set) var distance: [Double]
    private(set) var sameRoute: [Bool]
    private var affected: [Bool]
    private var viaEdge: [Int]
    private var touched: [Int] = []
    private var heap = BinaryHeap()
    /// The before search being repaired (one phase: a state is a node).
    private var work: Workspace?

    init(before: RoadGraph, after: RoadGraph) {
        self.before = before
        self.after = after
        let edges = before.edgeCount
        usable = (0..<edges).map { !after.edgeAccessOnly[$0] || !after.nodeIsOpen[Int(after.edgeTarget[$0])] }
        unchanged = (0..<edges).map { after.edgeTime[$0] == before.edgeTime[$0] }
        var counts = [Int](repeating: 0, count: before.nodeCount + 1)
        for edge in 0..<edges { counts[Int(before.edgeTarget[edge]) + 1] += 1 }
        for node in 0..<before.nodeCount { counts[node + 1] += counts[node] }
        firstIncoming = counts
        var slot = counts
        var incoming = [Int](repeating: 0, count: edges)
        for edge in 0..<edges {
            let target = Int(before.edgeTarget[edge])
            incoming[slot[target]] = edge
            slot[target] += 1
        }
        self.incoming = incoming
        let n = before.nodeCount
        time = [Double](repeating: .infinity, count: n)
        distance = time
        sameRoute = [Bool](repeating: true, count: n)
        affected = [Bool](repeating: false, count: n)
        viaEdge = [Int](repeating: -1, count: n)
    }

    /// Whether `repair` applies to trips from `origin`.
    func applies(from origin: Int) -> Bool { after.nodeIsOpen[origin] && !before.hasAccessOnlyEdges }

    /// Repairs `paths` (a finished search on `before` from an open origin) for `after`.
    func repair(_ paths: ShortestPaths) {
        let work = paths.work
        self.work = work
        for node in touched {
            affected[node] = false
            sameRoute[node] = true
            viaEdge[node] = -1
        }
        touched.removeAll(keepingCapacity: true)
        // Nodes whose before path uses an edge that is closed or slower after: the subtrees below
        // such edges, found in settled order (a node after its parent).
        for index in 0..<work.settledCount {
            let node = Int(truncatingIfNeeded: work.settled[index])
            let edge = work.viaEdge(node)
            guard edge >= 0 else { continue }
            if !(usable[edge] && unchanged[edge]) || affected[Int(before.edgeSource[edge])] {
                affected[node] = true
                touched.append(node)
            }
        }
        guard !touched.isEmpty else { return }
        heap.removeAll()
        // Start each affected node from its untouched neighbours.
        for node in touched {
            var best = Double.infinity, bestEdge = -1
            for position in firstIncoming[node]..<firstIncoming[node + 1] {
                let edge = incoming[position], from = Int(before.edgeSource[edge])
                guard usable[edge], !affected[from] else { continue }
                let fromTime = work.time[from]
                guard fromTime.isFinite else { continue }
                let candidate = fromTime + after.edgeTime[edge]
                if candidate < best { (best, bestEdge) = (candidate, edge) }
            }
            time[node] = best
            viaEdge[node] = bestEdge
            if bestEdge >= 0 { heap.push(best, node) }
        }
        // Dijkstra over the affected nodes only.
        var settled: [Int] = []
        while let (key, node) = heap.pop() {
            if key > time[node] { continue }
            settled.append(node)
            for edge in Int(before.firstEdge[node])..<Int(before.firstEdge[node + 1]) where usable[edge] {
                let target = Int(before.edgeTarget[edge])
                guard affected[target] else { continue }
                let candidate = key + after.edgeTime[edge]
                if candidate < time[target] {
                    time[target] = candidate
                    viaEdge[target] = edge
                    heap.push(candidate, target)
                }
            }
        }
        for node in touched where viaEdge[node] < 0 { time[node] = .infinity; distance[node] = .infinity }
        for node in settled {
            let edge = viaEdge[node], from = Int(before.edgeSource[edge])
            distance[node] = (affected[from] ? distance[from] : work.distance[from]) + before.edgeLength[edge]
            sameRoute[node] = edge == work.viaEdge(node) && (!affected[from] || sameRoute[from])
        }
    }

    /// After values for `node` (a node not affected keeps its before path).
    func afterTime(_ node: Int) -> Double { affected[node] ? time[node] : work!.time[node] }
    func afterDistance(_ node: Int) -> Double { affected[node] ? distance[node] : work!.distance[node] }
    func routeKept(_ node: Int) -> Bool { !affected[node] || sameRoute[node] }
}

/// A plain binary min-heap of (key, node) with lazy deletion.
struct BinaryHeap {
    private var keys: [Double] = []
    private var nodes: [Int] = []

    mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        nodes.removeAll(keepingCapacity: true)
    }

    mutating func push(_ key: Double, _ node: Int) {
        keys.append(key)
        nodes.append(node)
        var child = keys.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard keys[child] < keys[parent] else { break }
            keys.swapAt(child, parent)
            nodes.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> (Double, Int)? {
        guard !keys.isEmpty else { return nil }
        let top = (keys[0], nodes[0])
        let lastKey = keys.removeLast(), lastNode = nodes.removeLast()
        guard !keys.isEmpty else { return top }
        var parent = 0
        while true {
            let left = 2 * parent + 1
            guard left < keys.count else { break }
            let right = left + 1
            let child = right < keys.count && keys[right] < keys[left] ? right : left
            guard keys[child] < lastKey else { break }
            keys[parent] = keys[child]
            nodes[parent] = nodes[child]
            parent = child
        }
        keys[parent] = lastKey
        nodes[parent] = lastNode
        return top
    }
}
