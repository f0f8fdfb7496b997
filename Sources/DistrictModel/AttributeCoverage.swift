/// How many motor roads carry each attribute the analyses read. Low coverage means the results
/// lean on documented defaults; `superblock info` shows it before anyone trusts a number.
public struct AttributeCoverage: Sendable, Equatable {
    /// An attribute family and the test for whether a road has it.
    public struct Attribute: Sendable {
        public var name: String
        let isPresent: @Sendable (Attributes) -> Bool
    }

    public static let attributes: [Attribute] = [
        Attribute(name: "width") { $0.string("width", "carriageway:width", "width:carriageway") != nil },
        Attribute(name: "lanes") { $0.string("lanes") != nil },
        Attribute(name: "sidewalks") { $0.hasKey { $0.hasPrefix("sidewalk") } },
        Attribute(name: "maxspeed") { $0.string("maxspeed") != nil },
        Attribute(name: "surface") { $0.string("surface", "cnossos:surface", "PVMT") != nil },
        Attribute(name: "parking") { $0.hasKey { $0.hasPrefix("parking:") } },
        Attribute(name: "cycleway") { $0.hasKey { $0.hasPrefix("cycleway") } },
        Attribute(name: "traffic") { attributes in
            attributes.hasKey { $0.hasPrefix("traffic:") } || attributes.string("TV_D") != nil
        },
    ]

    /// Motor roads counted (footways and paths are not: most attributes do not apply to them).
    public var roadCount: Int
    /// Separately mapped footways, paths, cycleways and pedestrian streets.
    public var nonMotorisedCount: Int
    /// Roads having each attribute, in the order of `attributes`.
    public var counts: [(name: String, roads: Int)]

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.roadCount == rhs.roadCount && lhs.nonMotorisedCount == rhs.nonMotorisedCount
            && lhs.counts.map(\.name) == rhs.counts.map(\.name) && lhs.counts.map(\.roads) == rhs.counts.map(\.roads)
    }

    public init(streets: [DistrictFeature]) {
        let roads = streets.filter { $0.roadClass.carriesMotorTraffic }
        roadCount = roads.count
        nonMotorisedCount = streets.filter { $0.roadClass == .nonMotorised }.count
        counts = Self.attributes.map { attribute in
            (attribute.name, roads.filter { attribute.isPresent($0.attributes) }.count)
        }
    }

    /// Roads having `name`, or nil for an unknown attribute name.
    public func roads(having name: String) -> Int? {
        counts.first { $0.name == name }?.roads
    }
}
