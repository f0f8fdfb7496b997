import DistrictModel

/// Who may drive a street, for the road graph.
///
/// | tags | access |
/// |---|---|
/// | a `highway` that carries no motor traffic (footway, pedestrian, cycleway ...), `superblock=pedestrian` | not in the graph |
/// | `access` or `motor_vehicle` (or `vehicle`) = `no`, `private`, `destination`, `delivery`, `customers`, `agricultural`, `forestry`, `permit`; `superblock=interior` | access only |
/// | anything else that carries motor traffic | open |
///
/// Access only means what a sign "except access" means: a car may use the street at the start
/// of its trip (leaving a home or garage inside) and at its end, never in between. So a trip may
/// run over access-only streets first, then over open ones, then over access-only ones again to
/// its destination, but never from an open street into an access-only one and back out: no
/// through traffic. `access=no` is read the same way rather than as a closed street, because OSM
/// uses it on streets residents still reach by car (and a superblock interior tagged by hand).
/// A trip that starts on an open street (a node touching one) never takes the access-only prefix:
/// otherwise a car starting at a superblock's gate could cross its interior.
public enum RoadAccess: UInt8, Sendable, Equatable {
    case open
    case accessOnly

    static let restrictedValues: Set<String> = ["no", "private", "destination", "delivery", "customers", "agricultural", "forestry", "permit", "permissive_no"]

    /// The access of a street, or nil when no motor vehicle may drive it.
    public static func of(_ street: DistrictFeature) -> RoadAccess? {
        let attributes = street.attributes
        let superblock = attributes.string("superblock")
        guard street.roadClass.carriesMotorTraffic, superblock != "pedestrian" else { return nil }
        if superblock == "interior" { return .accessOnly }
        // The most specific tag wins, as OSM reads them: motor_vehicle over vehicle over access.
        if let value = attributes.string("motor_vehicle", "vehicle", "access")?.lowercased() {
            if restrictedValues.contains(value) { return .accessOnly }
        }
        return .open
    }

    /// Which way a street may be driven: `oneway=yes|true|1` (and roundabouts) forward only,
    /// `oneway=-1|reverse` backward only.
    public enum Direction: Sendable, Equatable { case both, forward, backward }

    public static func direction(of street: DistrictFeature) -> Direction {
        let attributes = street.attributes
        switch attributes.string("oneway")?.lowercased() {
        case "yes", "true", "1": return .forward
        case "-1", "reverse": return .backward
        case "no", "false", "0": return .both
        default: return attributes.string("junction") == "roundabout" ? .forward : .both
        }
    }
}
