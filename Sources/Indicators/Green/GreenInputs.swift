/// The input layers the green indicators rest on. An indicator whose layer is absent is not
/// assessed: a district without green polygons has unknown, not zero, access to green, and one
/// without tree points has unknown, not zero, canopy (issue 9). Reports write such values empty,
/// with a warning naming the missing layer.
public struct GreenInputs: Sendable, Equatable {
    /// Layers an indicator needs.
    public enum Layer: String, Sendable, CaseIterable {
        case green, trees

        /// How the warning names the layer and what would fill it.
        public var description: String {
            switch self {
            case .green: "no green layer (green polygons: leisure=park/garden, landuse=grass, natural=wood, ...)"
            case .trees: "no tree layer (natural=tree points)"
            }
        }

        /// "no green layer", "no tree layer": short, for table cells.
        public var shortDescription: String {
            switch self {
            case .green: "no green layer"
            case .trees: "no tree layer"
            }
        }
    }

    public var hasGreenLayer: Bool
    public var hasTreeLayer: Bool

    public init(hasGreenLayer: Bool, hasTreeLayer: Bool) {
        self.hasGreenLayer = hasGreenLayer
        self.hasTreeLayer = hasTreeLayer
    }

    public func has(_ layer: Layer) -> Bool {
        switch layer {
        case .green: hasGreenLayer
        case .trees: hasTreeLayer
        }
    }

    /// The layers of `needed` that are absent (empty when the indicator can be assessed).
    public func missing(_ needed: [Layer]) -> [Layer] { needed.filter { !has($0) } }

    /// `value` when every needed layer is present, else nil (not assessed).
    public func assessed<T>(_ value: T?, needs needed: [Layer]) -> T? { missing(needed).isEmpty ? value : nil }

    /// The layers each group of indicators needs.
    public static let greenAccess: [Layer] = [.green]
    public static let treeCriteria: [Layer] = [.trees]
    /// 3-30-300: trees near the home, canopy, and green within 300 m.
    public static let rule33300: [Layer] = [.green, .trees]
}
