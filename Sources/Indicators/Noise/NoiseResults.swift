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
}

/// Levels at a building's most exposed facade.
public struct FacadeLevels: Sendable, Equatable {
    public var day: Double
    public var evening: Double
    public var night: Double

    public init(day: Double, evening: Double, night: Double) {
        self.day = day
        self.evening = evening
        self.night = night
    }

    public var lden: Double { Lden.level(day: day, evening: evening, night: night) }
    /// END's Lnight is the night-period level.
    public var lnight: Double { night }

    public subscript(period: Period) -> Double {
        switch period {
        case .day: day
        case .evening: evening
        case .night: night
        }
    }
}

/// Noise at one building, with its residents.
public struct BuildingNoise: Sendable, Equatable {
    public var id: String
    public var population: Double
    /// nil when the building has no free facade (every receiver fell inside a neighbour).
    public var levels: FacadeLevels?

    public init(id: String, population: Double, levels: FacadeLevels?) {
        self.id = id
        self.population = population
        self.levels = levels
    }
}

/// Everything the noise model computed for a district.
public struct NoiseAnalysis: Sendable {
    public var streets: [StreetNoise]
    public var buildings: [BuildingNoise]
    public var exposure: NoiseExposure
    public var notes: [String]
}
