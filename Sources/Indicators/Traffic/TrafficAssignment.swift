import Foundation

/// All-or-nothing assignment of a `TravelDemand` to a road graph: every trip takes the fastest
/// path (by `ShortestPaths`, so access-only streets carry only trips that start or end on them).
///
/// From each zone i, trips go to every other reachable zone j by a singly constrained gravity
/// model (Wilson 1970; Ortúzar and Willumsen, *Modelling Transport*, 4th ed., section 5.3):
/// T_ij = P_i A_j exp(-beta t_ij) / sum_k A_k exp(-beta t_ik), with P = A = the zone's trips a
/// day (boundary crossings included, so part of the district's trips leave it). Through trips
/// between boundary crossings a and b: w_a w_b / sum of w_c over the crossings c reachable from a
/// (a one-way street entering the district is not a destination, one leaving it not an origin).
/// The result is vehicles a day per edge.
public struct TrafficAssignment: Sendable {
    public var demand: TravelDemand
    public var options: TravelDemandOptions

    public init(demand: TravelDemand, options: TravelDemandOptions = TravelDemandOptions()) {
        self.demand = demand
        self.options = options
    }

    /// Vehicles a day per edge of `graph`, and the zones' trips that found no destination.
    public func assign(on graph: RoadGraph) -> (edgeFlow: [Double], unassignedTrips: Double) {
        let indexed = graph.indexed()
        let nearest = NearestNode(graph: graph)
        // Zones sit on nodes of the graph they were estimated on; on another layout, at the same
        // point or else the nearest node.
        var zoneNode: [Int] = []
        for zone in demand.zones { zoneNode.append(indexed.node(atX: zone.x, y: zone.y) ?? nearest.node(x: zone.x, y: zone.y) ?? 0) }
        let zones = demand.zones, nodes = zoneNode
        let beta = options.decayPerMinute / 60
        let origins = Array(zones.indices)
        var total = [Double](repeating: 0, count: graph.edgeCount)
        var unassigned = 0.0
        // Batches bound the memory (one flow array per chunk); the order of sums is fixed.
        let batch = 64 * SourceChunks.chunkSize
        for start in stride(from: 0, to: origins.count, by: batch) {
            let slice = Array(origins[start..<min(start + batch, origins.count)])
            let partials = SourceChunks.map(slice, makeWorker: { ShortestPaths(graph: graph) }) { paths, chunk -> ([Double], Double) in
                var flow = [Double](repeating: 0, count: graph.edgeCount)
                var lost = 0.0
                var demandAt = [Double](repeating: 0, count: graph.nodeCount)
                for origin in chunk {
                    let zone = zones[origin]
                    paths.search(from: nodes[origin])
                    var denominator = 0.0, reachableBoundary = 0.0
                    for (other, target) in zones.enumerated() where other != origin {
                        let time = paths.time(to: nodes[other])
                        guard time.isFinite else { continue }
                        denominator += target.trips * Self.exp(-beta * time)
                        if target.isBoundary { reachableBoundary += target.trips }
                    }
                    // A crossing that reaches nothing is an exit (a one-way street leaving the
                    // district): it only attracts. Through trips go to the crossings reachable.
                    if zone.isBoundary && denominator == 0 { continue }
                    var placed = 0.0
                    for (other, target) in zones.enumerated() where other != origin {
                        let time = paths.time(to: nodes[other])
                        guard time.isFinite else { continue }
                        var trips = denominator > 0 ? zone.trips * target.trips * Self.exp(-beta * time) / denominator : 0
                        if zone.isBoundary, target.isBoundary, reachableBoundary > 0 {
                            trips += zone.trips * target.trips / reachableBoundary
                        }
                        demandAt[nodes[other]] += trips
                        placed += trips
                    }
                    if !zone.isBoundary { lost += max(0, zone.trips - placed) }
                    paths.assign(demand: { demandAt[$0] }, to: &flow)
                    for other in zones.indices { demandAt[nodes[other]] = 0 }
                }
                return (flow, lost)
            }
            for (flow, lost) in partials {
                for edge in total.indices { total[edge] += flow[edge] }
                unassigned += lost
            }
        }
        return (total, unassigned)
    }

    static func exp(_ value: Double) -> Double { Foundation.exp(value) }
}
