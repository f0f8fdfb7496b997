/// A GeoJSON FeatureCollection (RFC 7946 section 3.3), the unit the toolkit reads and writes.
public struct FeatureCollection: Sendable, Equatable {
    public var features: [Feature]
    /// The coordinate reference system named by the legacy (GeoJSON 2008) `"crs"` member, normalised by
    /// `CRSName.normalize(_:)` to `"EPSG:25831"` or `"OGC:CRS84"`; nil when the file has none, which
    /// RFC 7946 defines as WGS 84 longitude/latitude. Kept because municipal open data (Barcelona's
    /// included) is often published in a projected CRS such as ETRS89 / UTM 31N and says so only here.
    public var crs: String?

    public init(features: [Feature], crs: String? = nil) {
        self.features = features
        self.crs = crs
    }
}
