import DistrictModel
import GeoJSON
import GeometryEngine

/// `plan --reroute`: the demand re-assigned on the after network.
///
/// The traffic model (`TrafficModel`) runs on the before layout; then the cells' interior streets
/// become access only (`RoadAccess`: a trip may use them only to start or end inside) and the same
/// demand, with the same class factors, is assigned again. Every street of the road graph gets its
/// after flow: `traffic:modelled` (vehicles a day), and where it carries figures of its own
/// (counts, NoiseModelling's fields, `traffic:aadt`) those scaled to the model's change by the
/// pivot-point rule (`pivot`).
/// The interior cut is thus the model's, street by street, and the traffic it removes shows up on
/// the streets drivers take instead. Travel before and after is measured over all pairs of graph
/// nodes (`TravelImpact`); a plan that leaves a pair without a path is refused by the command.
struct PlanRerouting {
    var plan: SuperblockPlan

    struct Result {
        /// Changes per street index (traffic keys only).
        var changes: [Int: [String: PropertyValue]]
        var before: ModelledTraffic
        var after: ModelledTraffic
        var travel: TravelImpact
    }

    func reroute(_ district: District, cells: [SuperblockCell], interior: Set<Int>) throws(GeometryError) -> Result {
        let population = try PopulationEstimator().estimateWithCensus(district).buildings
        let model = TrafficModel(defaults: plan.traffic.defaults, graphOptions: RoadGraph.Options(respectsOneway: plan.options.respectsOneway, defaults: plan.traffic.defaults))
        let streets = district.streets
        let before = model.run(district, population: population)
        let access = Dictionary(uniqueKeysWithValues: interior.map { ($0, RoadAccess.accessOnly) })
        // The after network as the after file will read: interiors at the plan's speed.
        var afterStreets = streets
        for index in interior { afterStreets[index].attributes.values["maxspeed"] = SuperblockPlan.tag(plan.options.speed) }
        let after = model.rerun(before, streets: afterStreets, access: access)
        var changes: [Int: [String: PropertyValue]] = [:]
        for index in streets.indices {
            guard let flowBefore = before.dailyFlow[index], let flowAfter = after.dailyFlow[index] else { continue }
            var street: [String: PropertyValue] = [modelledFlowKey: .number(SuperblockPlan.round(flowAfter))]
            if let counted = model.countedFlow(streets[index]), counted > 0, flowBefore > 0,
               let scaled = SuperblockPlan.scaledFlows(streets[index].attributes, by: Self.pivot(counted: counted, before: flowBefore, after: flowAfter) / counted) {
                street.merge(scaled) { modelled, _ in modelled }
            }
            changes[index] = street
        }
        let nodes = before.graph.nodes(ofStreetGroups: cells.map(\.interiorStreets))
        let cellNodes = cells.indices.map { (id: cells[$0].id, nodes: nodes[$0]) }
        let travel = TravelImpactAnalysis().measure(before: before.graph, after: after.graph, cells: cellNodes)
        return Result(changes: changes, before: before, after: after, travel: travel)
    }

    /// A counted street's after flow from the model's change (the pivot-point rule of incremental
    /// models): a decrease in proportion (count x after / before), an increase added (count +
    /// after - before), so that a street the model barely used does not multiply its count.
    static func pivot(counted: Double, before: Double, after: Double) -> Double {
        after <= before ? counted * after / before : counted + after - before
    }
}
