import CNOSSOS
import DistrictModel

/// Where a street's traffic figures came from, shown in every output row.
public enum TrafficSource: String, Sendable {
    /// Hourly flows per period and category (`traffic:day:light`, ...).
    case counts
    /// NoiseModelling's road-table fields (`TV_D`, `HV_D`, `LV_SPD_D`, ...).
    case noiseModelling = "noisemodelling"
    /// A daily flow (`traffic:aadt`) split by the period profile.
    case aadt
    /// The network model's daily flow (`traffic:modelled`, `--traffic model`).
    case modelled
    /// The class default: no traffic information at all.
    case classDefault = "default"
    /// No motor traffic (footways, pedestrian streets).
    case none
}

/// Hourly flows per period and vehicle category for one street, and the surface it runs on.
public struct StreetTraffic: Sendable, Equatable {
    public var flows: PerPeriod<[VehicleCategory: TrafficFlow]>
    public var source: TrafficSource
    public var surface: RoadSurface
    /// True when the surface came from the data (`surface`, `cnossos:surface`, `PVMT`).
    public var surfaceMeasured: Bool

    public init(flows: PerPeriod<[VehicleCategory: TrafficFlow]>, source: TrafficSource, surface: RoadSurface = .reference, surfaceMeasured: Bool = false) {
        self.flows = flows
        self.source = source
        self.surface = surface
        self.surfaceMeasured = surfaceMeasured
    }

    /// Vehicles per hour of all categories in a period.
    public func vehiclesPerHour(_ period: Period) -> Double {
        flows[period].values.reduce(0) { $0 + $1.vehiclesPerHour }
    }

    /// Vehicles of all categories in a whole day: the hourly flows times each period's hours.
    public var vehiclesPerDay: Double {
        Period.allCases.reduce(0) { $0 + vehiclesPerHour($1) * $1.hours }
    }

    /// The same street with every flow multiplied by `factor` (a superblock's traffic cut).
    public func scaled(by factor: Double) -> StreetTraffic {
        var copy = self
        copy.flows = flows.map { $0.mapValues { TrafficFlow(vehiclesPerHour: $0.vehiclesPerHour * factor, speedKmh: $0.speedKmh) } }
        return copy
    }
}

/// Reads a street's traffic from its attributes, in DESIGN.md section 4.2's order of preference.
public struct TrafficInference: Sendable {
    public var defaults: TrafficDefaults

    public init(defaults: TrafficDefaults = TrafficDefaults()) {
        self.defaults = defaults
    }

    static let categoryKeys: [(VehicleCategory, String)] = [
        (.light, "light"), (.medium, "medium"), (.heavy, "heavy"), (.moped, "moped"), (.motorcycle, "motorcycle"),
    ]
    static let periodSuffix: [Period: String] = [.day: "D", .evening: "E", .night: "N"]

    public func traffic(of street: DistrictFeature) -> StreetTraffic {
        let attributes = street.attributes
        let highway = street.highway ?? "road"
        let (surface, surfaceMeasured) = Self.surface(attributes)
        // Superblock interiors run at 10 km/h (DESIGN.md section 4.5) unless the data says otherwise.
        let classSpeed = attributes.string("superblock") == "interior" ? 10 : defaults.speed(for: highway)
        let speed = Self.speed(attributes.string("maxspeed")) ?? classSpeed
        let empty = PerPeriod<[VehicleCategory: TrafficFlow]>(day: [:], evening: [:], night: [:])

        if let counts = explicitCounts(attributes, speed: speed) {
            return StreetTraffic(flows: counts, source: .counts, surface: surface, surfaceMeasured: surfaceMeasured)
        }
        if let flows = noiseModellingFlows(attributes) {
            return StreetTraffic(flows: flows, source: .noiseModelling, surface: surface, surfaceMeasured: surfaceMeasured)
        }
        let aadt = attributes.number("traffic:aadt").flatMap { AttributeLimits.dailyFlow.contains($0) ? $0 : nil }
        let modelled = attributes.number("traffic:modelled").flatMap { AttributeLimits.dailyFlow.contains($0) ? $0 : nil }
        guard street.roadClass.carriesMotorTraffic || aadt != nil else {
            return StreetTraffic(flows: empty, source: .none, surface: surface, surfaceMeasured: surfaceMeasured)
        }
        let daily: Double
        let source: TrafficSource
        if let aadt {
            (daily, source) = (aadt, .aadt)
        } else if let modelled {
            (daily, source) = (modelled, .modelled)
        } else if let fallback = defaults.dailyFlow(for: highway) {
            (daily, source) = (fallback, .classDefault)
        } else {
            return StreetTraffic(flows: empty, source: .none, surface: surface, surfaceMeasured: surfaceMeasured)
        }
        let heavyShare = attributes.number("traffic:heavy_share").flatMap { AttributeLimits.heavyShare.contains($0) ? $0 : nil } ?? defaults.heavyShare
        let heavySpeed = min(speed, defaults.maximumHeavySpeed)
        let flows = PerPeriod { period -> [VehicleCategory: TrafficFlow] in
            let hourly = daily * defaults.periodShares[period] / period.hours
            return [.light: TrafficFlow(vehiclesPerHour: hourly * (1 - heavyShare), speedKmh: speed),
                    .heavy: TrafficFlow(vehiclesPerHour: hourly * heavyShare, speedKmh: heavySpeed)]
        }
        return StreetTraffic(flows: flows, source: source, surface: surface, surfaceMeasured: surfaceMeasured)
    }

    /// `traffic:<period>:<category>` vehicles per hour with `speed:<period>:<category>` (else maxspeed).
    private func explicitCounts(_ attributes: Attributes, speed: Double) -> PerPeriod<[VehicleCategory: TrafficFlow]>? {
        var any = false
        let flows = PerPeriod { period -> [VehicleCategory: TrafficFlow] in
            var flows: [VehicleCategory: TrafficFlow] = [:]
            for (category, key) in Self.categoryKeys {
                guard let count = Self.flow(attributes.number("traffic:\(period.rawValue):\(key)")) else { continue }
                any = true
                let categorySpeed = Self.speed(attributes.string("speed:\(period.rawValue):\(key)")) ?? speed
                flows[category] = TrafficFlow(vehiclesPerHour: count, speedKmh: categorySpeed)
            }
            return flows
        }
        return any ? flows : nil
    }

    /// NoiseModelling's road table: TV (all vehicles/h) and HV (heavy/h) per period, speeds LV_SPD
    /// and HV_SPD; light = TV - HV (category 1), heavy = HV (category 3).
    private func noiseModellingFlows(_ attributes: Attributes) -> PerPeriod<[VehicleCategory: TrafficFlow]>? {
        guard ["TV_D", "TV_E", "TV_N"].contains(where: { Self.flow(attributes.number($0)) != nil }) else { return nil }
        return PerPeriod { period in
            let suffix = Self.periodSuffix[period] ?? "D"
            let total = Self.flow(attributes.number("TV_\(suffix)")) ?? 0
            let heavy = min(Self.flow(attributes.number("HV_\(suffix)")) ?? 0, total)
            let lightSpeed = Self.speed(attributes.number("LV_SPD_\(suffix)")) ?? 50
            let heavySpeed = Self.speed(attributes.number("HV_SPD_\(suffix)")) ?? lightSpeed
            var flows: [VehicleCategory: TrafficFlow] = [:]
            if total - heavy > 0 { flows[.light] = TrafficFlow(vehiclesPerHour: total - heavy, speedKmh: lightSpeed) }
            if heavy > 0 { flows[.heavy] = TrafficFlow(vehiclesPerHour: heavy, speedKmh: heavySpeed) }
            return flows
        }
    }

    /// A speed in `AttributeLimits.speed` (1...200 km/h), else nil: a speed of 0, NaN or -30 once
    /// dropped the street from the noise model, and 1e9 wrote `inf` into `streets.csv`. The loader
    /// already removed such values with a warning; this keeps districts built in memory safe too.
    static func speed(_ text: String?) -> Double? {
        speed(text.flatMap(TagValue.kilometresPerHour))
    }

    static func speed(_ value: Double?) -> Double? {
        value.flatMap { AttributeLimits.speed.contains($0) ? $0 : nil }
    }

    /// An hourly flow in `AttributeLimits.hourlyFlow`, else nil.
    static func flow(_ value: Double?) -> Double? {
        value.flatMap { AttributeLimits.hourlyFlow.contains($0) ? $0 : nil }
    }

    static func surface(_ attributes: Attributes) -> (RoadSurface, Bool) {
        if let code = attributes.string("cnossos:surface", "PVMT"), let surface = RoadSurface(code: code.uppercased()) {
            return (surface, true)
        }
        if let osm = attributes.string("surface") {
            if let surface = RoadSurface(code: osm.uppercased()) { return (surface, true) }
            if let surface = RoadSurface.fromOSM(osm.lowercased()) { return (surface, true) }
        }
        return (.reference, false)
    }
}
