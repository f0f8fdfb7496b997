/// Who a square metre of street belongs to. The declaration order is the overlap priority of
/// DESIGN.md section 4.1: where bands of different streets overlap (junctions, separately mapped
/// sidewalks), the earlier category keeps the area, so nothing is counted twice.
public enum SpaceCategory: String, Sendable, CaseIterable, Comparable {
    /// Moving motor traffic: the carriageway less parking and cycle lanes.
    case traffic
    /// On-street parking lanes.
    case parking
    /// Cycle lanes and tracks.
    case cycle
    /// Planting strips and tree pits along the street.
    case green
    /// Shared space with pedestrian priority: living streets and superblock interior carriageways.
    case shared
    /// Sidewalks, footways, pedestrian streets and squares.
    case pedestrian

    public static func < (lhs: SpaceCategory, rhs: SpaceCategory) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// Space for motor vehicles, moving or parked.
    public var isVehicle: Bool { self == .traffic || self == .parking }

    /// Space where people on foot come first (the numerator of the pedestrian share).
    public var isForPeople: Bool { self == .pedestrian || self == .shared }
}
