import CNOSSOS
import DistrictModel

/// A street's traffic and emission.
public struct StreetNoise: Sendable, Equatable {
    public var id: String
    public var traffic: StreetTraffic
    /// L'W per band and period (dB per metre); nil where the period has no traffic.
    public var emission: PerPeriod<BandLevels?>

    /// A-weighted L'W per metre in a period, dB(A).
    public func lwA(_ period: Period) -> Double? { emission[period]?.totalA }

    /// Vehicles a day from the traffic the model used; nil for streets without motor traffic.
    public var vehiclesPerDay: Double? { traffic.source == .none ? nil : traffic.vehiclesPerDay }
}

/// A-weighted levels per period at a receiver (its day, evening and night levels).
public typealias FacadeLevels = PerPeriod<Double>

extension PerPeriod where Value == Double {
    public var lden: Double { Lden.level(day: day, evening: evening, night: night) }
    /// END's Lnight is the night-period level.
    public var lnight: Double { night }
}

/// A receiver position in the district's metric CRS.
public struct ReceiverLocation: Sendable, Equatable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// Noise at one building, with its residents.
public struct BuildingNoise: Sendable, Equatable {
    public var id: String
    public var population: Double
    /// nil when the building has no free facade (every receiver fell inside a neighbour).
    public var levels: FacadeLevels?
    /// The facade receiver whose levels these are (the most exposed one), for maps.
    public var receiver: ReceiverLocation?

    public init(id: String, population: Double, levels: FacadeLevels?, receiver: ReceiverLocation? = nil) {
        self.id = id
        self.population = population
        self.levels = levels
        self.receiver = receiver
    }
}

/// Everything the noise model computed for a district.
public struct NoiseAnalysis: Sendable {
    public var streets: [StreetNoise]
    public var buildings: [BuildingNoise]
    public var exposure: NoiseExposure
    public var notes: [String]
    /// The propagation model that ran (`NoiseOptions.modelName`).
    public var model: String
    /// The height the CNOSSOS path finder gave buildings without `height` or `building:levels`
    /// (nil for the free-field model, which does not use heights).
    public var defaultBuildingHeight: Double?

    public init(streets: [StreetNoise], buildings: [BuildingNoise], exposure: NoiseExposure, notes: [String],
                model: String, defaultBuildingHeight: Double? = nil) {
        self.streets = streets
        self.buildings = buildings
        self.exposure = exposure
        self.notes = notes
        self.model = model
        self.defaultBuildingHeight = defaultBuildingHeight
    }
}
