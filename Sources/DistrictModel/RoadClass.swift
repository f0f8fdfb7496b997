/// OSM `highway` values grouped the way street-space analysis needs them.
public enum RoadClass: Sendable, Equatable {
    /// Ways that carry motor traffic, in OSM's order of importance.
    case road(rank: Int)
    /// Footways, paths, steps, pedestrian streets, cycleways: no motor traffic.
    case nonMotorised
    /// Anything else (construction, proposed, unknown values).
    case other

    /// OSM's motor-road classes from most to least important (links rank with their road).
    static let roadRanks: [String: Int] = [
        "motorway": 0, "motorway_link": 0, "trunk": 1, "trunk_link": 1, "primary": 2, "primary_link": 2,
        "secondary": 3, "secondary_link": 3, "tertiary": 4, "tertiary_link": 4, "unclassified": 5,
        "residential": 6, "living_street": 7, "service": 8, "road": 6, "busway": 8,
    ]
    static let nonMotorisedValues: Set<String> = ["footway", "path", "steps", "pedestrian", "cycleway", "bridleway", "corridor", "track"]

    public init(highway: String?) {
        guard let highway else { self = .other; return }
        if let rank = Self.roadRanks[highway] {
            self = .road(rank: rank)
        } else if Self.nonMotorisedValues.contains(highway) {
            self = .nonMotorised
        } else {
            self = .other
        }
    }

    public var carriesMotorTraffic: Bool {
        if case .road = self { return true }
        return false
    }

    /// True for tertiary roads and above: the default basic network of superblock detection.
    public var isTertiaryOrAbove: Bool {
        if case .road(let rank) = self { return rank <= 4 }
        return false
    }
}

extension DistrictFeature {
    public var highway: String? { attributes.string("highway") }
    public var roadClass: RoadClass { RoadClass(highway: highway) }
}
