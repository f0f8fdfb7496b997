import Foundation
import DistrictModel

/// Car travel between pairs of graph nodes on one network.
///
/// Definitions follow superblockify (Büth, Nogal, Szell et al. 2023, "superblockify: A Python
/// package for automated generation, visualization, and analysis of potential superblocks in
/// cities", JOSS; `superblockify/metrics/measures.py`), over ordered pairs (i, j), i != j, that
/// are reachable and not at the same place:
/// - directness D = < d_E(i, j) / d_S(i, j) >, the mean ratio of the straight-line distance to the
///   network distance (superblockify's `calculate_directness(dm, "E", "S")`);
/// - global efficiency E_glob = sum 1 / d_S(i, j) / sum 1 / d_E(i, j) (its
///   `calculate_global_efficiency(dm, "S", "E")`: Latora and Marchiori's efficiency, normalised
///   by that of straight lines).
/// Here d_S is the length of the fastest car path (superblockify routes by distance on an
/// undirected-where-two-way graph; this graph is directed and routes by time, as drivers do).
public struct TravelMetrics: Sendable, Equatable {
    /// Ordered pairs counted.
    public var pairs: Int
    /// Mean length (m) and time (s) of the fastest path.
    public var meanDistance: Double
    public var meanTime: Double
    public var directness: Double
    public var globalEfficiency: Double
}

/// Travel before and after a change of the network, for the district and per cell.
public struct TravelImpact: Sendable {
    public struct Scope: Sendable {
        /// "district" or a cell id.
        public var id: String
        public var before: TravelMetrics
        public var after: TravelMetrics
        /// Pairs (among those counted) whose fastest route changed, percent: another route that
        /// takes longer (a different route exactly as fast is a tie, not counted).
        public var reroutedPercent: Double
        /// Pairs reachable before and not after.
        public var unreachablePairs: Int
    }

    public var district: Scope
    /// One per cell given: pairs whose origin is one of the cell's nodes.
    public var cells: [Scope]
    public var nodes: Int
    /// Origins searched (all nodes, or the seeded sample); every node is a destination.
    public var sources: Int
    public var sampled: Bool
    /// The sample's seed (when sampled).
    public var seed: UInt64
    /// Half-width of the 95 % confidence interval of the after-minus-before mean distance (m) and
    /// time (s) when sampled (the sample's origins as clusters: 1.96 x the standard error of the
    /// per-origin mean changes); 0 with all pairs.
    public var distanceChangeMargin: Double
    public var timeChangeMargin: Double
    /// Pairs left out because they were unreachable before already (one-way dead ends at the
    /// edge of an extract).
    public var pairsUnreachableBefore: Int
    /// The streets that cut pairs off: the ones made access only along the before routes of up
    /// to 10 pairs unreachable after (else the streets at those pairs' destinations).
    public var disconnectingStreets: [String]

    /// A plan that leaves some pair of nodes without a path.
    public struct Disconnected: Error, CustomStringConvertible {
        public var pairs: Int
        public var streets: [String]
        public var description: String {
            "the plan disconnects the road network: \(pairs) pairs of nodes reachable before are not after; "
                + "closing these streets to through traffic cuts their routes: \(streets.joined(separator: ", "))"
        }
    }

    /// Throws when any pair reachable before is unreachable after.
    public func checkConnected() throws(Disconnected) {
        if district.unreachablePairs > 0 { throw Disconnected(pairs: district.unreachablePairs, streets: disconnectingStreets) }
    }
}

/// Computes `TravelImpact`: one fastest-path search per origin on each network, accumulated on
/// the fly (no distance matrix: memory linear in the nodes), the origins in fixed chunks over all
/// cores (the same sums whatever the number of threads).
public struct TravelImpactAnalysis: Sendable {
    /// Search every node as an origin up to this many nodes; above, a seeded sample of this many.
    public var maximumSources: Int
    public var seed: UInt64
    /// Repair the before paths rather than search the after network again, where that gives the
    /// same result (`ShortestPathRepair`); false searches every origin on both networks.
    public var repairs: Bool

    public init(maximumSources: Int = 10_000, seed: UInt64 = 13, repairs: Bool = true) {
        self.maximumSources = maximumSources
        self.seed = seed
        self.repairs = repairs
    }

    /// - Parameters:
    ///   - before, after: the two networks; nodes pair by position (to the centimetre), and only
    ///     nodes found in both count.
    ///   - cells: for each cell id, its nodes in `before`.
    public func measure(before: RoadGraph, after: RoadGraph, cells: [(id: String, nodes: [Int])] = []) -> TravelImpact {
        let afterIndexed = after.indexed()
        let toAfter: [Int] = (0..<before.nodeCount).map { afterIndexed.node(atX: before.nodeX[$0], y: before.nodeY[$0]) ?? -1 }
        let common = (0..<before.nodeCount).filter { toAfter[$0] >= 0 }
        var afterToBefore = [Int](repeating: -1, count: after.nodeCount)
        for node in common { afterToBefore[toAfter[node]] = node }
        let fromAfter = afterToBefore
        var sources = common
        let sampled = common.count > maximumSources
        if sampled {
            var generator = SeededGenerator(seed: seed)
            sources.shuffle(using: &generator)
            sources = Array(sources.prefix(maximumSources)).sorted()
        }
        var cellOf = [[Int]](repeating: [], count: before.nodeCount)
        for (position, cell) in cells.enumerated() { for node in cell.nodes { cellOf[node].append(position) } }
        let cellOfNode = cellOf

        // When the after network is the before one with some access restricted and some edges
        // slowed (a plan), most origins' fastest paths survive unchanged: their after search is
        // skipped (`ShortestPaths.pathsHold`), which gives the same results.
        let sameNetwork = before.nodeCount == after.nodeCount && before.edgeSource == after.edgeSource && before.edgeTarget == after.edgeTarget
            && before.nodeX == after.nodeX && before.nodeY == after.nodeY && !before.hasAccessOnlyEdges
            && (0..<before.edgeCount).allSatisfy { after.edgeTime[$0] >= before.edgeTime[$0] && before.edgeLength[$0] == after.edgeLength[$0] }
        let sameTime = sameNetwork ? (0..<before.edgeCount).map { after.edgeTime[$0] == before.edgeTime[$0] } : []
        struct Worker {
            var before: ShortestPaths
            var after: ShortestPaths
            var repair: ShortestPathRepair?
        }
        let repairs = self.repairs && sameNetwork
        let partials = SourceChunks.map(sources, makeWorker: {
            let paths = ShortestPaths(graph: before)
            return Worker(before: paths, after: sameNetwork ? ShortestPaths(graph: after, sharingTopologyWith: paths) : ShortestPaths(graph: after),
                          repair: repairs ? ShortestPathRepair(before: before, after: after) : nil)
        }) { worker, chunk in
            var district = Accumulator()
            var perCell = [Accumulator](repeating: Accumulator(), count: cells.count)
            var perSource: [(distance: Double, time: Double)] = []
            var missing: [(Int, Int)] = []
            for source in chunk {
                worker.before.search(from: source)
                let repair = worker.repair.flatMap { $0.applies(from: source) ? $0 : nil }
                var unchanged = false
                // Unchanged paths need no signatures: no route changed.
                var signatureBefore = UnsafeBufferPointer<UInt64>(start: nil, count: 0), signatureAfter = signatureBefore
                if let repair {
                    repair.repair(worker.before)
                } else {
                    unchanged = sameNetwork && worker.before.pathsHold(in: after, sameTime: sameTime)
                    if !unchanged {
                        worker.after.search(from: toAfter[source])
                        signatureBefore = worker.before.pathSignatures { $0 }
                        signatureAfter = worker.after.pathSignatures { fromAfter[$0] }
                    }
                }
                let afterPaths = unchanged ? worker.before : worker.after
                var own = Accumulator()
                for target in common where target != source {
                    let t = toAfter[target]
                    let dB = worker.before.distance(to: target)
                    guard dB.isFinite else { own.unreachableBefore += 1; continue }
                    let dA = repair?.afterDistance(target) ?? afterPaths.distance(to: t)
                    guard dA.isFinite else {
                        own.unreachable += 1
                        if missing.count < 10 { missing.append((source, target)) }
                        continue
                    }
                    let dx = before.nodeX[target] - before.nodeX[source], dy = before.nodeY[target] - before.nodeY[source]
                    let straight = (dx * dx + dy * dy).squareRoot()
                    let tB = worker.before.time(to: target), tA = repair?.afterTime(target) ?? afterPaths.time(to: t)
                    // A route changed when it is another one and slower: another route as fast as
                    // the old one is a tie the search broke differently, not a detour.
                    let slower = tA > tB * (1 + 1e-12) + 1e-9
                    let rerouted = if let repair { slower && !repair.routeKept(target) } else { !unchanged && slower && signatureBefore[target] != signatureAfter[t] }
                    own.add(straight: straight, before: (dB, tB), after: (dA, tA), rerouted: rerouted)
                }
                district.merge(own)
                for cell in cellOfNode[source] { perCell[cell].merge(own) }
                if own.pairs > 0 {
                    perSource.append(((own.distanceAfter - own.distanceBefore) / Double(own.pairs), (own.timeAfter - own.timeBefore) / Double(own.pairs)))
                }
            }
            return Partial(district: district, cells: perCell, perSource: perSource, missing: missing)
        }

        var district = Accumulator()
        var perCell = [Accumulator](repeating: Accumulator(), count: cells.count)
        var changes: [(distance: Double, time: Double)] = []
        var missing: [(Int, Int)] = []
        for partial in partials {
            district.merge(partial.district)
            for index in perCell.indices { perCell[index].merge(partial.cells[index]) }
            changes += partial.perSource
            missing += partial.missing
        }
        func margin(_ values: [Double]) -> Double {
            guard sampled, values.count > 1 else { return 0 }
            let mean = values.reduce(0, +) / Double(values.count)
            let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
            return 1.96 * (variance / Double(values.count)).squareRoot()
        }
        let restricted = Set((0..<after.edgeCount).filter { after.edgeAccessOnly[$0] }.map { after.streetIDs[Int(after.edgeStreet[$0])] })
        var streets: Set<String> = []
        var paths = ShortestPaths(graph: before)
        for (source, target) in missing.prefix(10) {
            paths.search(from: source)
            var node = target, cut: Set<String> = []
            while true {
                let edge = paths.previousEdge(of: node)
                guard edge >= 0 else { break }
                let id = before.streetIDs[Int(before.edgeStreet[edge])]
                if restricted.contains(id) { cut.insert(id) }
                node = Int(before.edgeSource[edge])
            }
            if cut.isEmpty {
                let edges = Int(before.firstEdge[target])..<Int(before.firstEdge[target + 1])
                cut = Set(edges.map { before.streetIDs[Int(before.edgeStreet[$0])] })
            }
            streets.formUnion(cut)
        }
        return TravelImpact(
            district: district.scope("district"),
            cells: cells.indices.map { perCell[$0].scope(cells[$0].id) },
            nodes: common.count, sources: sources.count, sampled: sampled, seed: seed,
            distanceChangeMargin: margin(changes.map(\.distance)), timeChangeMargin: margin(changes.map(\.time)),
            pairsUnreachableBefore: district.unreachableBefore, disconnectingStreets: streets.sorted())
    }

    struct Partial: Sendable {
        var district: Accumulator
        var cells: [Accumulator]
        var perSource: [(distance: Double, time: Double)]
        var missing: [(Int, Int)]
    }

    /// Sums over pairs.
    struct Accumulator: Sendable {
        var pairs = 0, rerouted = 0, unreachable = 0, unreachableBefore = 0
        var distanceBefore = 0.0, distanceAfter = 0.0, timeBefore = 0.0, timeAfter = 0.0
        var directnessPairsBefore = 0, directnessPairsAfter = 0
        var directnessBefore = 0.0, directnessAfter = 0.0
        var inverseBefore = 0.0, inverseAfter = 0.0, inverseStraight = 0.0

        mutating func add(straight: Double, before: (distance: Double, time: Double), after: (distance: Double, time: Double), rerouted isRerouted: Bool) {
            pairs += 1
            if isRerouted { rerouted += 1 }
            distanceBefore += before.distance
            distanceAfter += after.distance
            timeBefore += before.time
            timeAfter += after.time
            // superblockify leaves out pairs with a zero distance on either measure.
            if straight > 0, before.distance > 0, after.distance > 0 {
                directnessPairsBefore += 1
                directnessPairsAfter += 1
                directnessBefore += straight / before.distance
                directnessAfter += straight / after.distance
                inverseBefore += 1 / before.distance
                inverseAfter += 1 / after.distance
                inverseStraight += 1 / straight
            }
        }

        mutating func merge(_ other: Accumulator) {
            pairs += other.pairs
            rerouted += other.rerouted
            unreachable += other.unreachable
            unreachableBefore += other.unreachableBefore
            distanceBefore += other.distanceBefore
            distanceAfter += other.distanceAfter
            timeBefore += other.timeBefore
            timeAfter += other.timeAfter
            directnessPairsBefore += other.directnessPairsBefore
            directnessPairsAfter += other.directnessPairsAfter
            directnessBefore += other.directnessBefore
            directnessAfter += other.directnessAfter
            inverseBefore += other.inverseBefore
            inverseAfter += other.inverseAfter
            inverseStraight += other.inverseStraight
        }

        func scope(_ id: String) -> TravelImpact.Scope {
            let n = Double(max(pairs, 1))
            func metrics(distance: Double, time: Double, directness: Double, directnessPairs: Int, inverse: Double) -> TravelMetrics {
                TravelMetrics(pairs: pairs, meanDistance: pairs > 0 ? distance / n : 0, meanTime: pairs > 0 ? time / n : 0,
                              directness: directnessPairs > 0 ? directness / Double(directnessPairs) : 0,
                              globalEfficiency: inverseStraight > 0 ? inverse / inverseStraight : 0)
            }
            return TravelImpact.Scope(
                id: id,
                before: metrics(distance: distanceBefore, time: timeBefore, directness: directnessBefore, directnessPairs: directnessPairsBefore, inverse: inverseBefore),
                after: metrics(distance: distanceAfter, time: timeAfter, directness: directnessAfter, directnessPairs: directnessPairsAfter, inverse: inverseAfter),
                reroutedPercent: pairs > 0 ? 100 * Double(rerouted) / n : 0, unreachablePairs: unreachable)
        }
    }
}

/// SplitMix64: a small seeded generator, so a sample is the same on every machine.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return ShortestPaths.mix(state &- 0x9E37_79B9_7F4A_7C15)
    }
}

extension TravelImpactAnalysis {
    /// Travel before and after making the cells' interior streets access only (`RoadAccess`), on
    /// the graph of `streets` (the cells' street indices refer to them).
    public func measure(streets: [DistrictFeature], cells: [SuperblockCell], options: RoadGraph.Options = RoadGraph.Options()) -> TravelImpact {
        let before = RoadGraph(streets: streets, options: options)
        var closed: [Int: RoadAccess] = [:]
        for cell in cells { for street in cell.interiorStreets { closed[street] = .accessOnly } }
        let after = RoadGraph(streets: streets, options: options, access: closed)
        let nodes = before.nodes(ofStreetGroups: cells.map(\.interiorStreets))
        return measure(before: before, after: after, cells: cells.indices.map { (id: cells[$0].id, nodes: nodes[$0]) })
    }
}
