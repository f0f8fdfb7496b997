import DistrictModel

/// A building's height for the noise path finder: `height` (m), else `building:levels` x 3 m, else a
/// default, with where it came from so every defaulted height is counted and reported (as widths are).
public struct BuildingHeight: Sendable, Hashable {
    public enum Source: String, Sendable, Hashable {
        case tagged = "height"
        case levels = "building:levels"
        case defaulted = "default"
    }

    /// Storey height used with `building:levels` (m), the usual convention of OSM-based noise
    /// mapping (NoiseModelling's OSM import takes 3 m a level too).
    public static let storeyHeight = 3.0

    public var metres: Double
    public var source: Source

    public init(metres: Double, source: Source) {
        self.metres = metres
        self.source = source
    }

    /// The height of `building`; `fallback` when it has neither a usable `height` nor levels.
    /// Values outside (0, 500] m are not used (a warning elsewhere names them).
    public init(of building: DistrictFeature, fallback: Double) {
        let attributes = building.attributes
        if let height = attributes.number("height"), height.isFinite, height > 0, height <= 500 {
            self.init(metres: height, source: .tagged)
        } else if let levels = attributes.number("building:levels"), levels.isFinite, levels > 0, levels <= 200 {
            self.init(metres: levels * Self.storeyHeight, source: .levels)
        } else {
            self.init(metres: fallback, source: .defaulted)
        }
    }
}
