import GeoJSON

/// The physical range of every numeric attribute that feeds a computation, checked once where the
/// file is read so that no NaN, infinity or absurd value reaches an analysis.
///
/// Why at the edge: a `maxspeed=1e9` used to travel into the emission model and come out as `inf` in
/// `streets.csv`; a `population` of 1e19 trapped a report after the tables were written. Readers of
/// the attributes (traffic, population, canopy) still guard themselves, but only this check can say
/// which file and feature held the value, so it runs in `DistrictLoader` and each rejected value is a
/// `LoadProblem` (kept: the feature stays, the value is dropped and the reader's default applies).
///
/// Street widths and lane counts are not listed here: `CrossSectionInference` already rejects them
/// with a warning that names the default width it used.
public struct AttributeLimit: Sendable {
    public enum Kind: Sendable {
        /// A plain number, or text holding one.
        case number
        /// A speed as OSM writes it: "30", "30 mph", "ES:urban".
        case speed
        /// A length as OSM writes it: "12", "12 m", "12'6\"".
        case length
    }

    public var keys: [String]
    public var range: ClosedRange<Double>
    public var unit: String
    public var kind: Kind
    /// What the reader uses instead, for the warning.
    public var fallback: String

    public init(keys: [String], range: ClosedRange<Double>, unit: String, kind: Kind = .number, fallback: String) {
        self.keys = keys
        self.range = range
        self.unit = unit
        self.kind = kind
        self.fallback = fallback
    }
}

public enum AttributeLimits {
    static let periods = ["day", "evening", "night"]
    static let categories = ["light", "medium", "heavy", "moped", "motorcycle"]

    public static let speed: ClosedRange<Double> = 1...200
    public static let hourlyFlow: ClosedRange<Double> = 0...20_000
    public static let dailyFlow: ClosedRange<Double> = 0...500_000
    public static let heavyShare: ClosedRange<Double> = 0...1
    public static let buildingPopulation: ClosedRange<Double> = 0...100_000
    public static let censusPopulation: ClosedRange<Double> = 0...10_000_000
    public static let dwellings: ClosedRange<Double> = 0...40_000
    public static let levels: ClosedRange<Double> = 0...300
    public static let height: ClosedRange<Double> = 0...1000
    public static let crownDiameter: ClosedRange<Double> = 0...50

    /// The limits per layer.
    public static func limits(for layer: Layer) -> [AttributeLimit] {
        switch layer {
        case .street: street
        case .building: building
        case .census: [AttributeLimit(keys: ["population"], range: censusPopulation, unit: "residents", fallback: "the polygon is not shared out")]
        case .tree: [AttributeLimit(keys: ["diameter_crown", "crown_diameter"], range: crownDiameter, unit: "m", kind: .length,
                                    fallback: "the default crown diameter (--crown-diameter) is used")]
        case .green, .vacant, .superblock: []
        }
    }

    static let street: [AttributeLimit] = {
        var limits = [
            AttributeLimit(keys: ["maxspeed"], range: speed, unit: "km/h", kind: .speed, fallback: "the default speed of its class is used"),
            AttributeLimit(keys: ["traffic:aadt"], range: dailyFlow, unit: "vehicles/day", fallback: "the class default traffic is used"),
            AttributeLimit(keys: ["traffic:heavy_share"], range: heavyShare, unit: "", fallback: "the default heavy share (5 %) is used"),
        ]
        var flowKeys: [String] = [], speedKeys: [String] = []
        for period in periods {
            for category in categories {
                flowKeys.append("traffic:\(period):\(category)")
                speedKeys.append("speed:\(period):\(category)")
            }
        }
        for suffix in ["D", "E", "N"] {
            flowKeys += ["TV_\(suffix)", "HV_\(suffix)", "LV_\(suffix)", "MV_\(suffix)", "WAV_\(suffix)", "WBV_\(suffix)"]
            speedKeys += ["LV_SPD_\(suffix)", "HV_SPD_\(suffix)", "MV_SPD_\(suffix)", "WAV_SPD_\(suffix)", "WBV_SPD_\(suffix)"]
        }
        limits += flowKeys.map { AttributeLimit(keys: [$0], range: hourlyFlow, unit: "vehicles/h", fallback: "no flow is taken from it") }
        limits += speedKeys.map { AttributeLimit(keys: [$0], range: speed, unit: "km/h", kind: .speed, fallback: "the street's speed is used") }
        return limits
    }()

    static let building: [AttributeLimit] = [
        AttributeLimit(keys: ["population", "POP"], range: buildingPopulation, unit: "residents", fallback: "estimated from dwellings or floor area"),
        AttributeLimit(keys: ["dwellings", "building:flats"], range: dwellings, unit: "dwellings", fallback: "estimated from floor area"),
        AttributeLimit(keys: ["building:levels"], range: levels, unit: "storeys", fallback: "height / 3 m, else one storey, is used"),
        AttributeLimit(keys: ["height", "HEIGHT"], range: height, unit: "m", kind: .length, fallback: "one storey is used"),
    ]

    /// Checks a feature's attributes; returns them without the values out of range, and one
    /// problem per value dropped, naming the key, the value, the range and what is used instead.
    public static func check(_ attributes: Attributes, layer: Layer, origin: FeatureOrigin) -> (Attributes, [LoadProblem]) {
        var cleaned = attributes
        var problems: [LoadProblem] = []
        for limit in limits(for: layer) {
            for key in limit.keys {
                guard let value = attributes[key], let verdict = verdict(value, limit: limit) else { continue }
                cleaned.values[key] = nil
                // Only lists and objects have no text of their own (null is never rejected).
                let text: String
                if let plain = value.stringValue { text = plain } else if case .array = value { text = "[...]" } else { text = "{...}" }
                problems.append(LoadProblem(origin: origin, message: "\(key)=\(text) \(verdict); ignored: \(limit.fallback)", action: .kept))
            }
        }
        return (cleaned, problems)
    }

    /// Why the value cannot be used, or nil when it can. Speeds and lengths that are words are left
    /// to their readers, as OSM writes them (`maxspeed=none`, `maxspeed=walk`); a count, a flow or a
    /// share that is not a number (`traffic:aadt=12k`, `building:levels=1;6`, `population=true`)
    /// is a mistake the reader would otherwise pass over in silence, using its default.
    static func verdict(_ value: PropertyValue, limit: AttributeLimit) -> String? {
        let number: Double?
        switch value {
        case .number(let double): number = double
        case .string(let text):
            switch limit.kind {
            case .number:
                number = Double(text.trimmingWhitespace) ?? value.doubleValue
                if number == nil { return "is not a number" }
            case .speed: number = TagValue.kilometresPerHour(text)
            case .length: number = TagValue.metres(text)
            }
        case .bool, .array, .object: return limit.kind == .number ? "is not a number" : nil
        case .null: number = nil
        }
        guard let number else { return nil }
        guard number.isFinite else { return "is not a finite number" }
        guard limit.range.contains(number) else {
            return "is outside \(Self.format(limit.range.lowerBound))...\(Self.format(limit.range.upperBound))" + (limit.unit.isEmpty ? "" : " \(limit.unit)")
        }
        return nil
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }
}
