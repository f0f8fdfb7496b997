/// The documented defaults applied when a street does not say. Every row names its source; every
/// output row says which of its values came from here (`CrossSection.defaulted`).
///
/// | value | default | source |
/// |---|---|---|
/// | urban traffic lane | 3.0 m | DESIGN.md section 3; Barcelona's urban lane standard (3.0 m) |
/// | lane on primary and trunk roads | 3.25 m | DESIGN.md section 3 |
/// | parallel parking lane | 2.0 m | DESIGN.md section 3 |
/// | diagonal parking | 4.5 m | DESIGN.md section 3 |
/// | perpendicular parking | 5.0 m | assumption: a 5.0 m bay, the usual car-park stall depth |
/// | cycle lane (on the carriageway) | 1.5 m | DESIGN.md section 3 |
/// | cycle track (beside it) | 2.0 m | DESIGN.md section 3 |
/// | sidewalk on tertiary and above | 5.0 m | Cerda's ordinary Eixample street: 10 m carriageway and two 5 m sidewalks (DESIGN.md section 3) |
/// | sidewalk on residential, unclassified, living streets | 3.0 m | assumption, between Cerda's 5 m and the 1.8 m minimum |
/// | sidewalk on service roads | 1.8 m | Orden TMA/851/2021 art. 5: minimum clear width of an accessible pedestrian route |
/// | footway, path (no width tag) | 2.0 m | assumption: the 1.8 m accessible minimum, rounded up |
/// | sidewalk mapped as its own way (no width tag) | the sidewalk default of the road it runs beside | as the sidewalk rows above |
/// | pedestrian street (no width tag) | 8.0 m | assumption |
/// | living street (no width tag) | 6.0 m | assumption: the shared platform of the Consell de Cent axis is 3-6 m in OSM |
/// | cycleway (no width tag) | 2.0 m | the cycle-track default |
/// | motor lanes when `lanes` is missing | 2 (1 on one-way residential and service roads) | assumption |
public struct StreetDefaults: Sendable, Equatable {
    public var laneWidth = 3.0
    public var primaryLaneWidth = 3.25
    public var parallelParking = 2.0
    public var diagonalParking = 4.5
    public var perpendicularParking = 5.0
    public var cycleLane = 1.5
    public var cycleTrack = 2.0
    public var mainSidewalk = 5.0
    public var localSidewalk = 3.0
    public var serviceSidewalk = 1.8
    public var footway = 2.0
    public var pedestrianStreet = 8.0
    public var livingStreet = 6.0
    public var cycleway = 2.0
    /// Values beyond this are read as typing errors (a street 1e9 m wide), not as measurements.
    public var maximumWidth = 200.0
    public var maximumLanes = 20

    public init() {}

    func laneWidth(for highway: String) -> Double {
        ["motorway", "trunk", "primary", "motorway_link", "trunk_link", "primary_link"].contains(highway) ? primaryLaneWidth : laneWidth
    }

    func sidewalkWidth(for highway: String) -> Double {
        switch RoadClass(highway: highway) {
        case .road(let rank) where rank <= 4: mainSidewalk
        case .road(let rank) where rank <= 7: localSidewalk
        default: serviceSidewalk
        }
    }

    func lanes(for highway: String, oneway: Bool) -> Int {
        oneway && ["residential", "service", "living_street", "unclassified"].contains(highway) ? 1 : 2
    }

    func parkingWidth(for orientation: String) -> Double? {
        switch orientation {
        case "parallel", "lane", "yes", "street_side", "on_kerb", "half_on_kerb": parallelParking
        case "diagonal": diagonalParking
        case "perpendicular": perpendicularParking
        default: nil
        }
    }
}
