/// Where a building's height came from, so every defaulted height can be flagged and counted
/// as defaulted street widths are (issue 9: the first lines of every summary say how many).
public enum HeightSource: String, Sendable, CaseIterable {
    /// The building's own `height` (metres; "12 m", "40'" are read too).
    case height
    /// `building:levels` x the storey height.
    case levels
    /// Neither: the documented default.
    case `default`
}

/// A building's height: `height` (NoiseModelling's `HEIGHT`), else `building:levels` x 3 m, else a default of one 3 m storey
/// (the noise model gives such buildings the median known height instead: `NoiseOptions.buildingHeight`).
///
/// | parameter | value | source |
/// |---|---|---|
/// | storey height | 3 m | DESIGN.md section 3 (also the population estimate's storey) |
/// | default height | 3 m (one storey) | assumption, the same single storey the population estimate assumes |
///
/// Values that cannot be right (`height=0`, `building:levels=500`) are ignored, as the
/// population estimate ignores them, and the next source is used.
public struct BuildingHeight: Sendable, Equatable {
    public static let storeyHeight = 3.0
    public static let defaultHeight = 3.0

    public var metres: Double
    public var source: HeightSource

    public var isDefaulted: Bool { source == .default }

    public init(metres: Double, source: HeightSource) {
        self.metres = metres
        self.source = source
    }

    public init(attributes: Attributes) {
        if let text = attributes.string("height", "HEIGHT"), let height = TagValue.metres(text), height > 0, AttributeLimits.height.contains(height) {
            self.init(metres: height, source: .height)
        } else if let levels = attributes.number("building:levels"), levels > 0, AttributeLimits.levels.contains(levels) {
            self.init(metres: levels * Self.storeyHeight, source: .levels)
        } else {
            self.init(metres: Self.defaultHeight, source: .default)
        }
    }
}

extension DistrictFeature {
    /// The building's height and where it came from (meaningful for the building layer).
    public var buildingHeight: BuildingHeight { BuildingHeight(attributes: attributes) }
}

extension District {
    /// Buildings whose height is the default (no usable `height` or `building:levels`).
    public var buildingsWithDefaultHeight: Int {
        buildings.reduce(0) { $0 + ($1.buildingHeight.isDefaulted ? 1 : 0) }
    }
}
