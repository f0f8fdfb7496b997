import DistrictModel

/// What an analysis assumed rather than measured, counted so that the first lines of every summary
/// can say it (issue 9, "honest summaries"): a table of levels resting on class-default traffic
/// and default heights reads differently from one resting on counts and surveyed buildings.
public struct AnalysisAssumptions: Sendable, Equatable {
    /// The propagation model that ran (`NoiseOptions.modelName`), nil without a noise analysis.
    public var noiseModel: String?
    /// Centreline length of streets carrying motor traffic (any traffic source but none), m.
    public var trafficStreetLength: Double
    /// Of it, the length whose traffic is a class default (no traffic data), m.
    public var defaultTrafficStreetLength: Double
    public var buildings: Int
    /// Buildings with neither a usable `height` nor `building:levels` (`BuildingHeight`).
    public var buildingsWithDefaultHeight: Int
    /// The height the noise model gave them (nil when no model used heights).
    public var defaultBuildingHeight: Double?
    public var residents: Double
    /// Residents estimated from dwellings or floor area, without census polygons.
    public var residentsWithoutCensus: Double
    /// Residents shared out from census polygons.
    public var residentsFromCensus: Double
    /// Residents given per building (`population`).
    public var residentsGiven: Double

    public init(district: District, space: SpaceAllocation, population: [BuildingPopulation], noise: NoiseAnalysis?) {
        noiseModel = noise?.model
        defaultBuildingHeight = noise?.defaultBuildingHeight
        var traffic = 0.0, defaulted = 0.0
        if let noise {
            for (street, allocation) in zip(noise.streets, space.streets) where street.traffic.source != .none {
                traffic += allocation.length
                if street.traffic.source == .classDefault { defaulted += allocation.length }
            }
        }
        trafficStreetLength = traffic
        defaultTrafficStreetLength = defaulted
        buildings = district.buildings.count
        buildingsWithDefaultHeight = district.buildingsWithDefaultHeight
        func residents(_ methods: Set<PopulationMethod>) -> Double {
            population.reduce(0) { $0 + (methods.contains($1.method) ? $1.population : 0) }
        }
        self.residents = population.reduce(0) { $0 + $1.population }
        residentsWithoutCensus = residents([.dwellings, .floorArea])
        residentsFromCensus = residents([.census])
        residentsGiven = residents([.given])
    }

    /// Percent of the street length with motor traffic whose traffic is a class default.
    public var defaultTrafficLengthPercent: Double? {
        trafficStreetLength > 0 ? 100 * defaultTrafficStreetLength / trafficStreetLength : nil
    }

    public var defaultHeightPercent: Double? {
        buildings > 0 ? 100 * Double(buildingsWithDefaultHeight) / Double(buildings) : nil
    }

    public var residentsWithoutCensusPercent: Double? {
        residents > 0 ? 100 * residentsWithoutCensus / residents : nil
    }
}
