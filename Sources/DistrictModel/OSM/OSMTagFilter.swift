/// The OSM tags the toolkit reads, as one filter: what it keeps of an extract's `osmium export`, and
/// which objects matter enough to report when osmium cannot build their geometry.
///
/// Built from `LayerClassifier`'s own tag sets, so that the filter and the classifier cannot drift
/// apart: every object the filter keeps is one a layer rule may take, and no layer rule needs an
/// object the filter drops. Every tag of a kept object is exported (widths, lanes, sidewalks,
/// parking, cycleways, levels, height, surface, maxspeed, names, the `superblock` keys).
public struct OSMTagFilter: Sendable, Equatable {
    /// One rule: object types (`n`, `w`, `r`), a key and, optionally, the values it must take.
    public struct Rule: Sendable, Equatable {
        public var types: String
        public var key: String
        /// nil: any value.
        public var values: [String]?

        func matches(type: Character, tags: [String: String]) -> Bool {
            guard types.contains(type), let value = tags[key] else { return false }
            return values.map { $0.contains(value) } ?? true
        }
    }

    public var rules: [Rule]

    /// The layers of `LayerClassifier`: streets (ways and areas), buildings, green and vacant land,
    /// street trees (nodes), and superblock cells.
    public static let toolkit = OSMTagFilter(rules: [
        Rule(types: "wr", key: "highway", values: nil),
        Rule(types: "wr", key: "area:highway", values: nil),
        Rule(types: "wr", key: "building", values: nil),
        Rule(types: "wr", key: "leisure", values: LayerClassifier.greenLeisure.sorted()),
        Rule(types: "wr", key: "landuse", values: (LayerClassifier.greenLanduse.union(LayerClassifier.vacantLanduse)).sorted()),
        Rule(types: "wr", key: "natural", values: LayerClassifier.greenNatural.sorted()),
        Rule(types: "n", key: "natural", values: ["tree"]),
        Rule(types: "wr", key: "vacant", values: ["yes"]),
        Rule(types: "nwr", key: "superblock", values: nil),
    ])

    /// Whether an object of `type` (`n`, `w` or `r`) with these tags is one the toolkit reads.
    public func matches(type: Character, tags: [String: String]) -> Bool {
        rules.contains { $0.matches(type: type, tags: tags) }
    }

    /// Keys whose presence on a closed way makes it an area (osmium's `area_tags`); every other
    /// closed way is a line (a roundabout), unless tagged `area=yes` (a pedestrian square).
    public static let areaKeys = ["building", "leisure", "landuse", "natural", "area:highway", "vacant"]

    /// The `osmium export` configuration: the OSM type and id of each object as `@osm_type` and
    /// `@osm_id` (turned into the feature's id, `w123`), areas by `areaKeys`, all tags kept.
    static var exportConfiguration: String {
        let keys = areaKeys.map { "\"\($0)\"" }.joined(separator: ", ")
        return """
            {
              "attributes": {"type": "@osm_type", "id": "@osm_id"},
              "area_tags": [\(keys)],
              "exclude_tags": []
            }

            """
    }
}
