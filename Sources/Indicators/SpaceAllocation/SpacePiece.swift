import DistrictModel

/// One resolved polygon of street space: what a street (or a junction) holds of one category,
/// disjoint from every other piece. Kept as WKB so it crosses tasks and reaches the map writers
/// (GeoPackage, HTML) without a GEOS context.
public struct SpacePiece: Sendable, Equatable {
    /// Who the square metres are charged to.
    public enum Owner: Sendable, Hashable {
        /// A position in `SpaceAllocation.streets` (and `District.streets`).
        case street(Int)
        /// A position in `SpaceAllocation.junctions`.
        case junction(Int)
    }

    public var owner: Owner
    public var category: SpaceCategory
    /// Square metres (the polygon's area).
    public var area: Double
    /// The polygon or multipolygon, ISO WKB, little-endian, 2D, in the district's metric CRS.
    public var wkb: [UInt8]

    public init(owner: Owner, category: SpaceCategory, area: Double, wkb: [UInt8]) {
        self.owner = owner
        self.category = category
        self.area = area
        self.wkb = wkb
    }
}

/// The space where streets meet: counted once, as its own unit, so that each street's row keeps
/// the share of its own cross-section.
public struct JunctionAllocation: Sendable, Equatable {
    public var id: String
    /// Ids of the streets that meet here, in district order.
    public var streets: [String]
    public var areas: SpaceAreas
    /// The junction node (district CRS).
    public var x: Double
    public var y: Double
    /// The junction's polygon (the union of its pieces), WKB as in `SpacePiece`; empty when unknown.
    public var wkb: [UInt8] = []

    public init(id: String, streets: [String], areas: SpaceAreas, x: Double, y: Double) {
        self.id = id
        self.streets = streets
        self.areas = areas
        self.x = x
        self.y = y
    }
}
