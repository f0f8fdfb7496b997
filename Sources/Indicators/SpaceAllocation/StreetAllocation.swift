import DistrictModel

/// The street space one street claims, after overlaps with other streets were given to the
/// higher-priority category (or, within a category, to the street listed first).
public struct StreetAllocation: Sendable, Equatable {
    public var id: String
    public var name: String?
    public var highway: String?
    /// Centreline length (m); 0 for streets given as areas.
    public var length: Double
    /// The inferred cross-section; nil for streets given as area polygons.
    public var section: CrossSection?
    /// The street's section up to the junctions, plus the separately mapped sidewalks that run
    /// beside it (a road's row).
    public var areas: SpaceAreas
    /// Values that came from defaults (empty when everything was measured).
    public var defaulted: [String]
    public var origin: FeatureOrigin
    /// What the street itself holds, without the sidewalks beside it: these add up, with the
    /// junctions, to the district's street space.
    public var ownAreas = SpaceAreas()
    /// For a separately mapped sidewalk, the ids of the roads whose rows also count it (each for
    /// the share of the sidewalk's length that runs beside it).
    public var alongsideRoads: [String] = []
    /// The street's section as its tags and the defaults give it, in metres across per category:
    /// its own bands, plus for a road the separately mapped sidewalks beside it (each one's width
    /// times the length it runs along the road, per metre of road). Nil for streets given as
    /// areas. What `areas` would hold per metre if geometry took nothing away: junctions, overlaps
    /// with neighbours, sidewalks that turn a corner.
    public var sectionWidths: SpaceAreas?

    /// The pedestrian share of `sectionWidths`, percent: the street's share by its own section,
    /// beside the share its mapped geometry gives (`areas.pedestrianSharePercent`).
    public var sectionPedestrianSharePercent: Double? { sectionWidths?.pedestrianSharePercent }
}

/// The street space inside one superblock cell.
public struct CellAllocation: Sendable, Equatable {
    public var id: String
    public var name: String?
    public var cellArea: Double
    public var areas: SpaceAreas
    public var rating: PedestrianShareThresholds.Rating?
}

/// Street space for a whole district.
public struct SpaceAllocation: Sendable {
    public var streets: [StreetAllocation]
    public var cells: [CellAllocation]
    public var district: SpaceAreas
    /// Metres of street centreline by the category of its central band (traffic, shared, ...).
    public var lengthByCategory: [SpaceCategory: Double]
    public var thresholds: PedestrianShareThresholds
    /// Warnings about street attributes (bad values that fell back to defaults).
    public var warnings: [LoadProblem]
    /// Where streets meet; their area is in `district` but in no street's row.
    public var junctions: [JunctionAllocation] = []
    /// The resolved polygons behind every row, disjoint; their areas add up to `district`.
    public var pieces: [SpacePiece] = []

    /// No street space measured (an analysis that skipped the stage).
    public static func notMeasured(thresholds: PedestrianShareThresholds) -> SpaceAllocation {
        SpaceAllocation(streets: [], cells: [], district: SpaceAreas(), lengthByCategory: [:], thresholds: thresholds, warnings: [])
    }

    public var districtRating: PedestrianShareThresholds.Rating? {
        district.pedestrianSharePercent.map(thresholds.rating(ofPercent:))
    }
}
