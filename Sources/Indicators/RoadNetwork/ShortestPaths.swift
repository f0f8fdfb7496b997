/// Fastest paths from one node to every other (Dijkstra's algorithm with a binary heap), reused
/// from source to source: one search's arrays are the only memory, linear in the graph.
///
/// Access-only edges (`RoadAccess`) are handled by searching three copies of each node, the
/// phases of a trip: 0, still on the access-only streets it started on (only when the origin
/// touches no open edge); 1, on the open network; 2, on the access-only streets of its
/// destination. An access-only edge leads from phase 0 to 0, except from a node that touches the
/// open network (a gate: the trip has left its own streets), and from phases 0 and 1 to 2; an open
/// edge leads from phases 0 and 1 to 1. Phase 2 ends where it meets the open network again: such
/// a node is neither reached nor left in phase 2. So an access-only street is never crossed
/// between two open ones, nor are two cells' interiors chained through the gate they share. A
/// graph without access-only edges is searched in one phase.
///
/// The cost is travel time; the distance is the length of the fastest path (ties broken by the
/// heap's order, the same on every run).
public struct ShortestPaths {
    public let graph: RoadGraph
    let phases: Int
    /// The search's memory (raw buffers owned by a class, so the inner loop runs without
    /// bounds checks, reference counting or exclusivity checks).
    let work: Workspace
    public private(set) var origin = -1

    public init(graph: RoadGraph) {
        self.graph = graph
        phases = graph.hasAccessOnlyEdges ? 3 : 1
        work = Workspace(graph: graph, phases: phases, topology: nil)
    }

    /// A search on `graph` that reads the nodes and edges of `other`'s copy (`graph` has the same
    /// ones, only other times or access): less memory, so two searches fit the cache together.
    public init(graph: RoadGraph, sharingTopologyWith other: ShortestPaths) {
        precondition(graph.edgeCount == other.graph.edgeCount && graph.nodeCount == other.graph.nodeCount)
        self.graph = graph
        phases = graph.hasAccessOnlyEdges ? 3 : 1
        work = Workspace(graph: graph, phases: phases, topology: other.work)
    }

    /// Searches from `origin`; afterwards `time(to:)`, `distance(to:)` and `previousNode(of:)` answer.
    public mutating func search(from origin: Int) {
        self.origin = origin
        let start = origin * phases + (phases == 3 && !graph.nodeIsOpen[origin] ? 0 : (phases == 3 ? 1 : 0))
        work.search(from: start)
    }

    /// Seconds to `node` (infinity when unreachable).
    public func time(to node: Int) -> Double {
        let state = work.bestState[node]
        return state < 0 ? .infinity : work.time[Int(state)]
    }

    /// Metres along the fastest path to `node` (infinity when unreachable).
    public func distance(to node: Int) -> Double {
        let state = work.bestState[node]
        return state < 0 ? .infinity : work.distance[Int(state)]
    }

    /// The node before `node` on its fastest path, -1 for the origin and unreached nodes.
    public func previousNode(of node: Int) -> Int {
        let state = work.bestState[node]
        guard state >= 0 else { return -1 }
        let edge = work.viaEdge(Int(state))
        return edge < 0 ? -1 : Int(graph.edgeSource[edge])
    }

    /// After a search on a graph without access-only edges: whether every fastest path found is
    /// also a path of `other` (the same nodes and edges in the same order, `other`'s access rules
    /// applied) taking the same time on every edge (`sameTime`). If `other` only restricts
    /// access and slows edges, every path of `other` is at least as slow, so its fastest paths
    /// from this origin are then these, and a search on `other` can be skipped.
    public func pathsHold(in other: RoadGraph, sameTime: [Bool]) -> Bool {
        guard phases == 1 else { return false }
        let phase = work.phaseScratch
        let threePhases = other.hasAccessOnlyEdges
        for index in 0..<work.settledCount {
            let node = Int(truncatingIfNeeded: work.settled[index])
            let edge = work.viaEdge(node)
            if edge < 0 {
                phase[node] = threePhases && !other.nodeIsOpen[node] ? 0 : 1
                continue
            }
            guard sameTime[edge] else { return false }
            let from = Int(truncatingIfNeeded: graph.edgeSource[edge])
            let previous = phase[from]
            if previous == 2 && other.nodeIsOpen[from] { return false }
            if other.edgeAccessOnly[edge] {
                phase[node] = previous == 1 || other.nodeIsOpen[from] ? 2 : previous
            } else {
                if previous == 2 { return false }
                phase[node] = 1
            }
            if phase[node] == 2 && other.nodeIsOpen[node] { return false }
        }
        return true
    }

    /// The nodes in the order the last search settled them (a node after the one before it on its
    /// path); for a graph searched in one phase.
    public func settledNodes() -> [Int] {
        (0..<work.settledCount).map { Int(truncatingIfNeeded: work.settled[$0]) / phases }
    }

    /// The edge by which the fastest path reaches `node`, -1 for the origin and unreached nodes.
    public func previousEdge(of node: Int) -> Int {
        let state = work.bestState[node]
        return state < 0 ? -1 : work.viaEdge(Int(state))
    }

    /// Spreads `demand(node)` trips to each node back along the fastest paths from the origin and
    /// adds them to `flow` per edge (all-or-nothing assignment from this origin).
    public func assign(demand: (Int) -> Double, to flow: inout [Double]) {
        let load = work.scratch
        for index in 0..<work.settledCount { load[Int(work.settled[index])] = 0 }
        for node in 0..<graph.nodeCount {
            let state = work.bestState[node]
            if state >= 0, node != origin { load[Int(state)] += demand(node) }
        }
        for index in stride(from: work.settledCount - 1, through: 0, by: -1) {
            let s = Int(work.settled[index])
            let edge = work.viaEdge(s)
            guard edge >= 0, load[s] > 0 else { continue }
            flow[edge] += load[s]
            load[work.fromState(s)] += load[s]
        }
    }

    /// Per node, a 64-bit signature of the node sequence of its fastest path (0 when unreached),
    /// with nodes named by `name` so that paths in two graphs of the same streets compare: equal
    /// signatures mean the same route (up to a hash collision, about 1 in 2^64 per pair).
    /// Valid until the next search.
    public func pathSignatures(naming name: (Int) -> Int) -> UnsafeBufferPointer<UInt64> {
        let signature = work.signature
        for index in 0..<work.settledCount {
            let s = Int(work.settled[index])
            let from = work.fromState(s)
            let parent: UInt64 = from < 0 ? 0x9E37_79B9_7F4A_7C15 : signature[from]
            signature[s] = Self.mix(parent &+ UInt64(bitPattern: Int64(name(s / phases))))
        }
        let result = work.nodeSignature
        for node in 0..<graph.nodeCount {
            let state = work.bestState[node]
            result[node] = state < 0 ? 0 : signature[Int(state)]
        }
        return UnsafeBufferPointer(start: result, count: graph.nodeCount)
    }

    /// SplitMix64's finaliser.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// One search's buffers, and a copy of the graph's arrays the loop reads.
final class Workspace {
    let nodes: Int, states: Int, phases: Int
    let first: UnsafeMutablePointer<Int32>
    let target: UnsafeMutablePointer<Int32>
    let edgeTime: UnsafeMutablePointer<Double>
    let edgeLength: UnsafeMutablePointer<Double>
    let edgeSource: UnsafeMutablePointer<Int32>
    let accessOnly: UnsafeMutablePointer<Bool>
    let nodeIsOpen: UnsafeMutablePointer<Bool>
    /// Per state (node x phases + phase): seconds and metres.
    let time: UnsafeMutablePointer<Double>
    let distance: UnsafeMutablePointer<Double>
    /// How a state was reached, edge x 4 + the phase it came from (-1: not reached, or the
    /// origin): one write per improvement; `distance` is filled from it once the search ends.
    let reachedBy: UnsafeMutablePointer<Int32>
    /// States in the order they were settled (non-decreasing time).
    let settled: UnsafeMutablePointer<Int32>
    var settledCount = 0
    /// Per node: its best state after a search, -1 when unreached.
    let bestState: UnsafeMutablePointer<Int32>
    /// A binary heap of (time, state), with lazy deletion: a state whose time improves is pushed
    /// again and its stale entries skipped when popped. At most one push per edge relaxed, plus one.
    struct Entry { var key: Double; var state: Int32 }
    let heap: UnsafeMutablePointer<Entry>
    let heapCapacity: Int
    /// Per state, for assignment and path signatures.
    let scratch: UnsafeMutablePointer<Double>
    let signature: UnsafeMutablePointer<UInt64>
    let nodeSignature: UnsafeMutablePointer<UInt64>
    let phaseScratch: UnsafeMutablePointer<UInt8>

    /// The workspace whose copy of the nodes and edges this one reads (nil: its own copy).
    let topologyOwner: Workspace?

    init(graph: RoadGraph, phases: Int, topology: Workspace?) {
        topologyOwner = topology
        nodes = graph.nodeCount
        self.phases = phases
        states = nodes * phases
        let edges = graph.edgeCount
        func copy<T>(_ array: [T]) -> UnsafeMutablePointer<T> {
            let pointer = UnsafeMutablePointer<T>.allocate(capacity: max(array.count, 1))
            _ = UnsafeMutableBufferPointer(start: pointer, count: array.count).initialize(from: array)
            return pointer
        }
        func filled<T>(_ value: T, _ count: Int) -> UnsafeMutablePointer<T> {
            let pointer = UnsafeMutablePointer<T>.allocate(capacity: max(count, 1))
            pointer.initialize(repeating: value, count: max(count, 1))
            return pointer
        }
        if let topology {
            (first, target, edgeLength, edgeSource) = (topology.first, topology.target, topology.edgeLength, topology.edgeSource)
        } else {
            (first, target, edgeLength, edgeSource) = (copy(graph.firstEdge), copy(graph.edgeTarget), copy(graph.edgeLength), copy(graph.edgeSource))
        }
        edgeTime = copy(graph.edgeTime)
        accessOnly = copy(graph.edgeAccessOnly)
        nodeIsOpen = copy(graph.nodeIsOpen)
        time = filled(Double.infinity, states)
        distance = filled(Double.infinity, states)
        reachedBy = filled(Int32(-1), states)
        settled = filled(Int32(0), states)
        bestState = filled(Int32(-1), nodes)
        heapCapacity = edges * phases + 2
        heap = filled(Entry(key: 0, state: 0), heapCapacity)
        scratch = filled(0.0, states)
        signature = filled(UInt64(0), states)
        nodeSignature = filled(UInt64(0), nodes)
        phaseScratch = filled(UInt8(0), nodes)
    }

    deinit {
        if topologyOwner == nil { first.deallocate(); target.deallocate(); edgeLength.deallocate(); edgeSource.deallocate() }
        edgeTime.deallocate()
        accessOnly.deallocate(); nodeIsOpen.deallocate(); time.deallocate(); distance.deallocate()
        reachedBy.deallocate(); settled.deallocate(); bestState.deallocate(); heap.deallocate(); scratch.deallocate()
        signature.deallocate(); nodeSignature.deallocate(); phaseScratch.deallocate()
    }

    /// The edge a settled state was reached by, -1 for the origin.
    @inline(__always)
    func viaEdge(_ state: Int) -> Int {
        let by = reachedBy[state]
        return by < 0 ? -1 : Int(truncatingIfNeeded: by >> 2)
    }

    /// The state a settled state was reached from, -1 for the origin.
    @inline(__always)
    func fromState(_ state: Int) -> Int {
        let by = reachedBy[state]
        return by < 0 ? -1 : Int(truncatingIfNeeded: edgeSource[Int(truncatingIfNeeded: by >> 2)]) &* phases &+ Int(truncatingIfNeeded: by & 3)
    }

    func search(from start: Int) {
        // Every state reached is settled (the search runs until the heap is empty): resetting
        // the settled ones resets all.
        for index in 0..<settledCount {
            let s = Int(truncatingIfNeeded: settled[index])
            time[s] = .infinity
            reachedBy[s] = -1
            bestState[s / phases] = -1
        }
        settledCount = 0
        time[start] = 0
        heap[0] = Entry(key: 0, state: Int32(truncatingIfNeeded: start))
        if phases == 1 { searchOnePhase() } else { searchThreePhases() }
        // Paths, distances and each node's best state, in settled order (a state after the one
        // it was reached from).
        for index in 0..<settledCount {
            let s = Int(truncatingIfNeeded: settled[index])
            let by = reachedBy[s]
            if by < 0 {
                distance[s] = 0
            } else {
                let edge = Int(truncatingIfNeeded: by >> 2)
                let from = Int(truncatingIfNeeded: edgeSource[edge]) &* phases &+ Int(truncatingIfNeeded: by & 3)
                distance[s] = distance[from] + edgeLength[edge]
            }
            if phases == 1 {
                bestState[s] = Int32(truncatingIfNeeded: s)
                continue
            }
            let node = s / phases
            // An open node reached on a destination's access-only streets is not arrived at:
            // that would be a way through them.
            if phases == 3 && s - node * 3 == 2 && nodeIsOpen[node] { continue }
            let best = bestState[node]
            if best < 0 || time[s] < time[Int(truncatingIfNeeded: best)] { bestState[node] = Int32(truncatingIfNeeded: s) }
        }
    }

    /// Removes and returns the heap's smallest entry; `count` is the heap's size before.
    @inline(__always)
    private func pop(_ count: inout Int) -> Entry {
        let top = heap[0]
        count &-= 1
        if count > 0 {
            let last = heap[count]
            var parent = 0
            while true {
                let left = parent &* 2 &+ 1
                if left >= count { break }
                let right = left &+ 1
                let child = right < count && heap[right].key < heap[left].key ? right : left
                if !(heap[child].key < last.key) { break }
                heap[parent] = heap[child]
                parent = child
            }
            heap[parent] = last
        }
        return top
    }

    @inline(__always)
    private func push(_ entry: Entry, _ count: inout Int) {
        var child = count
        count &+= 1
        while child > 0 {
            let parent = (child &- 1) >> 1
            if !(entry.key < heap[parent].key) { break }
            heap[child] = heap[parent]
            child = parent
        }
        heap[child] = entry
    }

    /// The plain search: a state is a node.
    private func searchOnePhase() {
        var heapCount = 1
        while heapCount > 0 {
            let top = pop(&heapCount)
            let key = top.key, node = Int(truncatingIfNeeded: top.state)
            // A stale entry: the node was reached faster since. (A node is never pushed twice
            // with the same key: a push needs a strict gain.)
            if key > time[node] { continue }
            settled[settledCount] = top.state
            settledCount &+= 1
            var edge = Int(truncatingIfNeeded: first[node])
            let end = Int(truncatingIfNeeded: first[node &+ 1])
            while edge < end {
                let to = Int(truncatingIfNeeded: target[edge])
                let candidate = key + edgeTime[edge]
                if candidate < time[to] {
                    time[to] = candidate
                    reachedBy[to] = Int32(truncatingIfNeeded: edge) << 2
                    push(Entry(key: candidate, state: Int32(truncatingIfNeeded: to)), &heapCount)
                }
                edge &+= 1
            }
        }
    }

    /// The search over the three phases of a trip (see `ShortestPaths`).
    private func searchThreePhases() {
        var heapCount = 1
        while heapCount > 0 {
            let top = pop(&heapCount)
            let key = top.key, s = Int(truncatingIfNeeded: top.state)
            if key > time[s] { continue }
            settled[settledCount] = top.state
            settledCount &+= 1
            let node = s / 3, phase = s &- node &* 3
            let open = nodeIsOpen[node]
            // A destination's access-only streets end where they meet the open network again.
            if phase == 2 && open { continue }
            var edge = Int(truncatingIfNeeded: first[node])
            let end = Int(truncatingIfNeeded: first[node &+ 1])
            while edge < end {
                defer { edge &+= 1 }
                let next: Int
                if accessOnly[edge] {
                    next = phase == 1 || open ? 2 : phase
                } else {
                    if phase == 2 { continue }
                    next = 1
                }
                let to = Int(truncatingIfNeeded: target[edge]) &* 3 &+ next
                let candidate = key + edgeTime[edge]
                if candidate < time[to] {
                    time[to] = candidate
                    reachedBy[to] = Int32(truncatingIfNeeded: edge) << 2 | Int32(truncatingIfNeeded: phase)
                    push(Entry(key: candidate, state: Int32(truncatingIfNeeded: to)), &heapCount)
                }
            }
        }
    }
}
