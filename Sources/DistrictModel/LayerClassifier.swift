/// Decides which layer a feature belongs to: its own `layer` property when it names one, otherwise
/// the OSM tags listed in DESIGN.md section 3.
public struct LayerClassifier: Sendable {
    public init() {}

    static let greenLeisure: Set<String> = ["park", "garden", "playground", "nature_reserve"]
    static let greenLanduse: Set<String> = ["grass", "recreation_ground", "forest", "village_green"]
    static let greenNatural: Set<String> = ["wood", "scrub", "grassland"]
    static let roadTableKeys: Set<String> = ["TV_D", "TV_E", "TV_N"]
    /// NoiseModelling's building table: footprints with a `HEIGHT` column (and `POP`), no OSM tags.
    static let buildingTableKey = "HEIGHT"
    static let vacantLanduse: Set<String> = ["brownfield", "greenfield", "construction"]

    /// OSM's own `layer` key holds vertical levels ("1", "-1" for bridges and tunnels); only our
    /// layer names count, so those fall through to the tags.
    /// The layer, or nil when nothing identifies one (the feature is then counted as unclassified).
    public func layer(of attributes: Attributes, family: GeometryFamily) -> Layer? {
        if let own = attributes.string("layer"), let layer = Layer(rawValue: own.lowercased()) {
            return layer
        }
        let isArea = family == .polygon
        if isArea, attributes.string("superblock") != nil { return .superblock }
        if attributes.string("highway") != nil || attributes.string("area:highway") != nil { return .street }
        // Road tables without OSM tags: NoiseModelling's (TV_D, ...) or our own traffic keys.
        if family == .line, attributes.hasKey(where: { Self.roadTableKeys.contains($0) || $0.hasPrefix("traffic:") }) { return .street }
        // A tree drawn as a line or polygon is still a tree: the loader reports it as unusable.
        if attributes.string("natural") == "tree" { return .tree }
        guard isArea else { return nil }
        if attributes.string("building") != nil || attributes[Self.buildingTableKey] != nil { return .building }
        if attributes.string("vacant") == "yes" { return .vacant }
        if let landuse = attributes.string("landuse") {
            if Self.vacantLanduse.contains(landuse) { return .vacant }
            if Self.greenLanduse.contains(landuse) { return .green }
        }
        if let leisure = attributes.string("leisure"), Self.greenLeisure.contains(leisure) { return .green }
        if let natural = attributes.string("natural"), Self.greenNatural.contains(natural) { return .green }
        return nil
    }
}
