import CNOSSOS
import DistrictModel

/// How modelled flows are brought to the level of the documented defaults, or of counts.
///
/// Per road class (`highway`, links with their road): a factor times the assigned flow. Where
/// streets of the class carry counts (`traffic:<period>:<category>`, NoiseModelling's fields,
/// `traffic:aadt`), the factor is the least-squares fit through the origin to them,
/// sum(count x assigned) / sum(assigned^2); otherwise it makes the class's length-weighted mean
/// equal to its class default (`TrafficDefaults`), so the class means stay anchored and the
/// variation between streets comes from the network alone.
public struct TrafficScaling: Sendable, Equatable {
    public var factorByClass: [String: Double]
    /// Classes whose factor was fitted to counts.
    public var countedClasses: Set<String>

    /// The class key of a street: its `highway` without `_link`.
    public static func classKey(_ street: DistrictFeature) -> String {
        (street.highway ?? "road").replacingOccurrences(of: "_link", with: "")
    }
}

/// The fit of the model to the counted streets (in-sample: the same counts set the factors).
public struct TrafficCalibration: Sendable, Equatable {
    public var streets: Int
    /// Coefficient of determination of the modelled against the counted daily flows.
    public var rSquared: Double
    /// Mean of modelled - counted (vehicles a day), and of |modelled - counted| / counted (%).
    public var meanError: Double
    public var meanAbsolutePercentError: Double
}

/// Modelled daily flows for the streets of a district.
public struct ModelledTraffic: Sendable {
    /// Vehicles a day per street (index into `district.streets`), nil for streets outside the graph.
    public var dailyFlow: [Double?]
    /// The assigned flow before scaling (vehicles a day).
    public var assignedFlow: [Double]
    public var scaling: TrafficScaling
    public var calibration: TrafficCalibration?
    public var demand: TravelDemand
    /// Trips that found no path (origins cut off by one-way streets at the extract's edge).
    public var unassignedTrips: Double
    public var graph: RoadGraph
}

/// The traffic model of issue 13: trips from the residents and floor area (`TravelDemand`),
/// assigned to the road graph by fastest paths (`TrafficAssignment`), scaled per class
/// (`TrafficScaling`). Streets the model does not reach (no path uses them) get a floor of
/// `minimumShare` of their class default, so that a street never goes silent for want of a trip.
public struct TrafficModel: Sendable {
    public var demandOptions: TravelDemandOptions
    public var defaults: TrafficDefaults
    public var graphOptions: RoadGraph.Options
    public var minimumShare: Double

    public init(demandOptions: TravelDemandOptions = TravelDemandOptions(), defaults: TrafficDefaults = TrafficDefaults(),
                graphOptions: RoadGraph.Options = RoadGraph.Options(), minimumShare: Double = 0.05) {
        self.demandOptions = demandOptions
        self.defaults = defaults
        self.graphOptions = graphOptions
        self.minimumShare = minimumShare
    }

    /// Models the district's flows; `population` is one per building (`PopulationEstimator`).
    public func run(_ district: District, population: [BuildingPopulation]) -> ModelledTraffic {
        let streets = district.streets
        let graph = RoadGraph(streets: streets, options: graphOptions)
        let demand = TravelDemand.estimate(district: district, graph: graph, population: population, options: demandOptions, defaults: defaults)
        let (edgeFlow, unassigned) = TrafficAssignment(demand: demand, options: demandOptions).assign(on: graph)
        let assigned = graph.streetFlows(edgeFlow)
        let counts = streets.map(countedFlow)
        let scaling = scaling(streets: streets, graph: graph, assigned: assigned, counts: counts)
        let flows = scaled(assigned, streets: streets, graph: graph, scaling: scaling)
        return ModelledTraffic(dailyFlow: flows, assignedFlow: assigned, scaling: scaling,
                               calibration: Self.calibration(flows: flows, counts: counts),
                               demand: demand, unassignedTrips: unassigned, graph: graph)
    }

    /// The same demand and class factors on another layout of the streets (a plan's after
    /// network): only the paths change. `access` overrides street access by index.
    public func rerun(_ before: ModelledTraffic, streets: [DistrictFeature], access: [Int: RoadAccess] = [:]) -> ModelledTraffic {
        let graph = RoadGraph(streets: streets, options: graphOptions, access: access)
        let (edgeFlow, unassigned) = TrafficAssignment(demand: before.demand, options: demandOptions).assign(on: graph)
        let assigned = graph.streetFlows(edgeFlow)
        var scaling = before.scaling
        // A class new in the after layout (a street turned living street) is anchored on its own.
        let fresh = self.scaling(streets: streets, graph: graph, assigned: assigned, counts: streets.map { _ in nil })
        for (key, factor) in fresh.factorByClass where scaling.factorByClass[key] == nil { scaling.factorByClass[key] = factor }
        let flows = scaled(assigned, streets: streets, graph: graph, scaling: scaling)
        return ModelledTraffic(dailyFlow: flows, assignedFlow: assigned, scaling: scaling, calibration: before.calibration,
                               demand: before.demand, unassignedTrips: unassigned, graph: graph)
    }

    /// Vehicles a day from the street's own figures (counts, NoiseModelling, `traffic:aadt`), nil without.
    func countedFlow(_ street: DistrictFeature) -> Double? {
        let traffic = TrafficInference(defaults: defaults).traffic(of: street)
        guard [.counts, .noiseModelling, .aadt].contains(traffic.source) else { return nil }
        return traffic.vehiclesPerDay
    }

    func scaling(streets: [DistrictFeature], graph: RoadGraph, assigned: [Double], counts: [Double?]) -> TrafficScaling {
        var fit: [String: (cross: Double, square: Double)] = [:]
        var mean: [String: (vehicleMetres: Double, metres: Double)] = [:]
        for (index, street) in streets.enumerated() where graph.includesStreet[index] {
            let key = TrafficScaling.classKey(street)
            if let count = counts[index] {
                fit[key, default: (0, 0)].cross += count * assigned[index]
                fit[key, default: (0, 0)].square += assigned[index] * assigned[index]
            } else {
                mean[key, default: (0, 0)].vehicleMetres += assigned[index] * graph.streetLength[index]
                mean[key, default: (0, 0)].metres += graph.streetLength[index]
            }
        }
        var factors: [String: Double] = [:]
        var counted: Set<String> = []
        for (key, sums) in fit where sums.square > 0 {
            factors[key] = sums.cross / sums.square
            counted.insert(key)
        }
        for (key, sums) in mean where factors[key] == nil {
            let target = defaults.dailyFlow(for: key) ?? 0
            let modelled = sums.metres > 0 ? sums.vehicleMetres / sums.metres : 0
            factors[key] = modelled > 0 ? target / modelled : 0
        }
        return TrafficScaling(factorByClass: factors, countedClasses: counted)
    }

    func scaled(_ assigned: [Double], streets: [DistrictFeature], graph: RoadGraph, scaling: TrafficScaling) -> [Double?] {
        streets.indices.map { index -> Double? in
            guard graph.includesStreet[index] else { return nil }
            let key = TrafficScaling.classKey(streets[index])
            let floor = minimumShare * (defaults.dailyFlow(for: key) ?? 0)
            return max(floor, assigned[index] * (scaling.factorByClass[key] ?? 0))
        }
    }

    static func calibration(flows: [Double?], counts: [Double?]) -> TrafficCalibration? {
        let pairs = flows.indices.compactMap { index -> (Double, Double)? in
            guard let modelled = flows[index], let count = counts[index] else { return nil }
            return (modelled, count)
        }
        guard !pairs.isEmpty else { return nil }
        let mean = pairs.reduce(0) { $0 + $1.1 } / Double(pairs.count)
        let residual = pairs.reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        let total = pairs.reduce(0) { $0 + ($1.1 - mean) * ($1.1 - mean) }
        let positive = pairs.filter { $0.1 > 0 }
        return TrafficCalibration(
            streets: pairs.count, rSquared: total > 0 ? 1 - residual / total : 0,
            meanError: pairs.reduce(0) { $0 + $1.0 - $1.1 } / Double(pairs.count),
            meanAbsolutePercentError: positive.isEmpty ? 0 : 100 * positive.reduce(0) { $0 + abs($1.0 - $1.1) / $1.1 } / Double(positive.count))
    }
}
