import DistrictModel
import Indicators

/// The colours of the maps, each scheme with the reason for it.
enum MapPalette {
    /// Street space: people in warm light colours, vehicles in greys, cycling blue, green green;
    /// close to the colours of Barcelona's superblock plans, and distinct in greyscale print.
    static func category(_ category: SpaceCategory) -> String {
        switch category {
        case .pedestrian: "#f4d35e"
        case .shared: "#ee964b"
        case .cycle: "#3c91e6"
        case .green: "#4c9f38"
        case .parking: "#a5a5a5"
        case .traffic: "#4d4d4d"
        }
    }

    /// Legend order: people first, then bicycles, green, vehicles.
    static let categoryOrder: [SpaceCategory] = [.pedestrian, .shared, .cycle, .green, .parking, .traffic]

    /// The pedestrian-share rating against BCNecologia's 60 / 75 % (`PedestrianShareThresholds`).
    static func rating(_ rating: PedestrianShareThresholds.Rating?) -> String {
        switch rating {
        case .belowMinimum: "#d7301f"
        case .minimum: "#f5a623"
        case .desirable: "#1a9850"
        case nil: "#b0b0b0"
        }
    }

    /// One 5 dB band of a noise map: lower bound (nil: open below), upper bound (nil: open above).
    struct NoiseBand {
        var lower: Double?
        var upper: Double?
        var colour: String

        var label: String {
            switch (lower, upper) {
            case (nil, let upper?): "below \(Int(upper)) dB"
            case (let lower?, nil): "\(Int(lower)) dB and above"
            case (let lower?, let upper?): "\(Int(lower))-\(Int(upper) - 1) dB"
            case (nil, nil): "any level"
            }
        }

        func contains(_ level: Double) -> Bool {
            (lower.map { level >= $0 } ?? true) && (upper.map { level < $0 } ?? true)
        }
    }

    /// The 5 dB bands of END strategic noise maps (Directive 2002/49/EC Annex VI reporting bands
    /// 55-59 ... >= 75, and two bands below) in the colours of ISO 1996-2 / DIN 18005 noise maps:
    /// pale green below 55 dB, then yellow, orange, red, crimson and dark violet above 75 dB
    /// (DESIGN.md section 5).
    static let noiseBands: [NoiseBand] = [
        NoiseBand(lower: nil, upper: 50, colour: "#cee4cc"),
        NoiseBand(lower: 50, upper: 55, colour: "#e2f2bf"),
        NoiseBand(lower: 55, upper: 60, colour: "#f3c683"),
        NoiseBand(lower: 60, upper: 65, colour: "#e87e4d"),
        NoiseBand(lower: 65, upper: 70, colour: "#cd463e"),
        NoiseBand(lower: 70, upper: 75, colour: "#a11a4d"),
        NoiseBand(lower: 75, upper: nil, colour: "#75085c"),
    ]

    static func noise(_ level: Double) -> String {
        noiseBands.first { $0.contains(level) }?.colour ?? noiseBands.last!.colour
    }

    /// Features the map has nothing to say about (no level, no residents): a neutral grey.
    static let none = "#d9d9d9"
    /// Background context (buildings behind streets, streets behind buildings).
    static let context = "#e6e6e6"
    static let contextLine = "#c8c8c8"

    /// Green access: reached (dark green for >= 1 ha, green for >= 0.5 ha), not reached (orange).
    static let green1ha = "#1b7837"
    static let green05ha = "#7fbf7b"
    static let noGreen = "#f1a340"
    static let greenSpace = "#a6d96a"
    static let tree = "#2d6a2d"

    /// A diverging scale for changes: blue-green where things got better for people (more space,
    /// less noise), red where they got worse; grey around zero. Bin edges are symmetric.
    struct ChangeBin {
        var lower: Double?
        var upper: Double?
        var colour: String
    }

    /// Five bins with edges at +-small and +-large; `betterWhenNegative` flips the colours (noise).
    static func changeBins(small: Double, large: Double, betterWhenNegative: Bool) -> [ChangeBin] {
        let good = ["#2166ac", "#67a9cf"], bad = ["#b2182b", "#ef8a62"], neutral = "#d9d9d9"
        let low = betterWhenNegative ? good : bad, high = betterWhenNegative ? bad : good
        return [
            ChangeBin(lower: nil, upper: -large, colour: low[0]),
            ChangeBin(lower: -large, upper: -small, colour: low[1]),
            ChangeBin(lower: -small, upper: small, colour: neutral),
            ChangeBin(lower: small, upper: large, colour: high[1]),
            ChangeBin(lower: large, upper: nil, colour: high[0]),
        ]
    }

    static func change(_ value: Double, in bins: [ChangeBin]) -> String {
        bins.first { bin in (bin.lower.map { value >= $0 } ?? true) && (bin.upper.map { value < $0 } ?? true) }?.colour ?? none
    }
}
