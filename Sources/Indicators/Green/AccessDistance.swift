import GeometryEngine

/// Distance from a building to the nearest of a set of green parts: straight from the green
/// boundary, or along the walking network when one is given.
struct AccessDistance {
    let network: WalkingNetwork?
    let context: GeometryContext
    /// Network searches stop here (the largest distance any indicator asks about).
    let limit: Double
    init(network: WalkingNetwork?, context: GeometryContext, limit: Double) throws(GeometryError) {
        self.network = network
        self.context = context
        self.limit = limit
    }

    func distance(from building: Geometry, to targets: IndexedParts) throws(GeometryError) -> Double? {
        guard !targets.parts.isEmpty else { return nil }
        guard let network else { return try targets.nearestDistance(to: building) }
        let nodeDistances = try targets.networkDistances(on: network, limit: limit, context: context)
        let walked = try network.distance(from: building, nodeDistances: nodeDistances)
        return walked.isFinite ? walked : nil
    }
}
