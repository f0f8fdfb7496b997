/// A row of `gpkg_spatial_ref_sys` (GeoPackage 1.3, clause 1.1.2): a CRS with its WKT definition.
public struct SpatialReference: Sendable, Equatable {
    public var srsID: Int32
    public var name: String
    public var organization: String
    public var organizationCode: Int32
    /// OGC WKT (version 1, as the core `definition` column expects).
    public var definition: String
    public var description: String

    public init(srsID: Int32, name: String, organization: String, organizationCode: Int32, definition: String, description: String = "") {
        self.srsID = srsID
        self.name = name
        self.organization = organization
        self.organizationCode = organizationCode
        self.definition = definition
        self.description = description
    }

    /// The two rows every GeoPackage holds (requirement 11): undefined Cartesian and geographic.
    public static let undefinedCartesian = SpatialReference(
        srsID: -1, name: "Undefined cartesian SRS", organization: "NONE", organizationCode: -1, definition: "undefined",
        description: "undefined cartesian coordinate reference system")
    public static let undefinedGeographic = SpatialReference(
        srsID: 0, name: "Undefined geographic SRS", organization: "NONE", organizationCode: 0, definition: "undefined",
        description: "undefined geographic coordinate reference system")

    /// The srs_id given to a CRS that no authority code names (a WKT or PROJ string given as
    /// `--metric-crs`): GeoPackage reserves nothing there, GDAL counts custom ones from 100000.
    public static let customSRSID: Int32 = 100_000
}
