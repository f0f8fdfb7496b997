/// Fastest paths from one node to every other (Dijkstra's algorithm with a binary heap), reused
/// from source to source: one search's arrays are the only memory, linear in the graph.
///
/// Access-only edges (`RoadAccess`) are handled by searching three copies of each node, the
/// phases of a trip: 0, still on the access-only streets it started on (only when the origin
/// touches no open edge); 1, on the open network; 2, on the access-only streets of its
/// destination. Edges lead from phase 0 to 0 (access only) or 1 (open), from 1 to 1 (open) or
/// 2 (access only), from 2 to 2 (access only): an access-only street is never crossed between
/// two open ones. A graph without access-only edges is searched in one phase.
///
/// The cost is travel time; the distance is the length of the fastest path (ties broken by the
/// heap's order, the same on every run).
public struct ShortestPaths {
    public let graph: RoadGraph
    let phases: Int
    /// The search's memory (raw buffers owned by a class, so the inner loop runs without
    /// bounds checks, reference counting or exclusivity checks).
    private let work: Workspace
    public private(set) var origin = -1

    public init(graph: RoadGraph) {
        self.graph = graph
        phases = graph.hasAccessOnlyEdges ? 3 : 1
        work = Workspace(graph: graph, phases: phases)
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
        let edge = work.viaEdge[Int(state)]
        return edge < 0 ? -1 : Int(graph.edgeSource[Int(edge)])
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
            let edge = work.viaEdge[s]
            guard edge >= 0, load[s] > 0 else { continue }
            flow[Int(edge)] += load[s]
            load[Int(work.fromState[s])] += load[s]
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
            let from = work.fromState[s]
            let parent: UInt64 = from < 0 ? 0x9E37_79B9_7F4A_7C15 : signature[Int(from)]
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
    let accessOnly: UnsafeMutablePointer<Bool>
    /// Per state (node x phases + phase): seconds, metres, the edge it was reached by (-1 for the
    /// origin and unreached states) and the state that edge came from.
    let time: UnsafeMutablePointer<Double>
    let distance: UnsafeMutablePointer<Double>
    let viaEdge: UnsafeMutablePointer<Int32>
    let fromState: UnsafeMutablePointer<Int32>
    /// States in the order they were settled (non-decreasing time).
    let settled: UnsafeMutablePointer<Int32>
    var settledCount = 0
    /// Per node: its best state after a search, -1 when unreached.
    let bestState: UnsafeMutablePointer<Int32>
    /// A binary heap of (time, state), with lazy deletion: a state whose time improves is pushed
    /// again and its stale entries skipped when popped. At most one push per edge relaxed, plus one.
    let heapKey: UnsafeMutablePointer<Double>
    let heapValue: UnsafeMutablePointer<Int32>
    let heapCapacity: Int
    /// Per state, for assignment and path signatures.
    let scratch: UnsafeMutablePointer<Double>
    let signature: UnsafeMutablePointer<UInt64>
    let nodeSignature: UnsafeMutablePointer<UInt64>

    init(graph: RoadGraph, phases: Int) {
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
        first = copy(graph.firstEdge)
        target = copy(graph.edgeTarget)
        edgeTime = copy(graph.edgeTime)
        edgeLength = copy(graph.edgeLength)
        accessOnly = copy(graph.edgeAccessOnly)
        time = filled(Double.infinity, states)
        distance = filled(Double.infinity, states)
        viaEdge = filled(Int32(-1), states)
        fromState = filled(Int32(-1), states)
        settled = filled(Int32(0), states)
        bestState = filled(Int32(-1), nodes)
        heapCapacity = edges * phases + 2
        heapKey = filled(0.0, heapCapacity)
        heapValue = filled(Int32(0), heapCapacity)
        scratch = filled(0.0, states)
        signature = filled(UInt64(0), states)
        nodeSignature = filled(UInt64(0), nodes)
    }

    deinit {
        for pointer in [UnsafeMutableRawPointer(first), UnsafeMutableRawPointer(target), UnsafeMutableRawPointer(edgeTime),
                        UnsafeMutableRawPointer(edgeLength), UnsafeMutableRawPointer(accessOnly), UnsafeMutableRawPointer(time),
                        UnsafeMutableRawPointer(distance), UnsafeMutableRawPointer(viaEdge), UnsafeMutableRawPointer(fromState),
                        UnsafeMutableRawPointer(settled), UnsafeMutableRawPointer(bestState), UnsafeMutableRawPointer(heapKey),
                        UnsafeMutableRawPointer(heapValue), UnsafeMutableRawPointer(scratch), UnsafeMutableRawPointer(signature),
                        UnsafeMutableRawPointer(nodeSignature)] {
            pointer.deallocate()
        }
    }

    func search(from start: Int) {
        // Every state reached is settled (the search runs until the heap is empty): resetting
        // the settled ones resets all.
        for index in 0..<settledCount {
            let s = Int(settled[index])
            time[s] = .infinity
            distance[s] = .infinity
            viaEdge[s] = -1
            fromState[s] = -1
            bestState[s / phases] = -1
        }
        settledCount = 0
        var heapCount = 0
        time[start] = 0
        distance[start] = 0
        heapKey[0] = 0
        heapValue[0] = Int32(start)
        heapCount = 1
        let phases = self.phases
        while heapCount > 0 {
            // Pop the smallest.
            let key = heapKey[0], state = heapValue[0]
            heapCount -= 1
            if heapCount > 0 {
                let lastKey = heapKey[heapCount], lastValue = heapValue[heapCount]
                var parent = 0
                while true {
                    let left = 2 * parent + 1
                    if left >= heapCount { break }
                    let right = left + 1
                    let child = right < heapCount && heapKey[right] < heapKey[left] ? right : left
                    if !(heapKey[child] < lastKey) { break }
                    heapKey[parent] = heapKey[child]
                    heapValue[parent] = heapValue[child]
                    parent = child
                }
                heapKey[parent] = lastKey
                heapValue[parent] = lastValue
            }
            let s = Int(state)
            // A stale entry (the state was reached faster since), or a state settled already at
            // this time (pushed twice with equal keys cannot happen: pushes need a strict gain).
            if key > time[s] { continue }
            settled[settledCount] = state
            settledCount += 1
            let node = s / phases, phase = s - node * phases
            let reached = distance[s]
            for edge in Int(first[node])..<Int(first[node + 1]) {
                var next = 0
                if phases == 3 {
                    if accessOnly[edge] {
                        next = phase == 1 ? 2 : phase
                    } else {
                        if phase == 2 { continue }
                        next = 1
                    }
                }
                let to = Int(target[edge]) * phases + next
                let candidate = key + edgeTime[edge]
                if candidate < time[to] {
                    time[to] = candidate
                    distance[to] = reached + edgeLength[edge]
                    viaEdge[to] = Int32(edge)
                    fromState[to] = state
                    // Push.
                    var child = heapCount
                    heapCount += 1
                    while child > 0 {
                        let parent = (child - 1) / 2
                        if !(candidate < heapKey[parent]) { break }
                        heapKey[child] = heapKey[parent]
                        heapValue[child] = heapValue[parent]
                        child = parent
                    }
                    heapKey[child] = candidate
                    heapValue[child] = Int32(to)
                }
            }
        }
        for index in 0..<settledCount {
            let s = Int(settled[index])
            let node = s / phases
            let best = bestState[node]
            if best < 0 || time[s] < time[Int(best)] { bestState[node] = Int32(s) }
        }
    }
}
