internal import CPROJ

/// Chooses the metric CRS the toolkit measures in, and tells geographic data from projected.
///
/// Areas, widths and distances need metres, but most open data arrives as WGS 84 longitude and
/// latitude. A UTM zone around the data is metric, conformal and known to every GIS.
public enum MetricCRS {
    /// The projected CRS used for metric work on WGS 84 data: the UTM zone of the data's centre.
    ///
    /// ETRS89 / UTM (EPSG:258zz) inside `europe`, because European agencies publish in it and
    /// results then line up with their data; WGS 84 / UTM (EPSG:326zz north, 327zz south)
    /// elsewhere. See `UTMZone.init(longitude:latitude:)` for the special cases.
    /// Barcelona (2.17, 41.39) gives "EPSG:25831".
    public static func utm(longitude: Double, latitude: Double) -> String {
        UTMZone(longitude: longitude, latitude: latitude).crs
    }

    /// Where ETRS89 / UTM is chosen: ETRS89's own area of use in the EPSG database (16.1 W to
    /// 40.18 E, up to 84.73 N, so mainland Europe, the British Isles, Iceland's east coast seas,
    /// Scandinavia and Svalbard), with the southern edge raised from 32.88 N to 34 N.
    ///
    /// The raised edge keeps Madeira (32.6 N) and the Canary Islands out, which use their own
    /// ITRF-based frames, while Cyprus (34.6 N), Crete and Malta stay in. A box cannot follow a
    /// coast: the Maghreb's Mediterranean shore, western Anatolia and the northern Levant fall
    /// inside too. That costs nothing measurable, because ETRS89 and WGS 84 agree to about a
    /// metre and PROJ treats them as equal; the zone is what matters, and it is the same.
    public static let europe = GeographicBox(west: -16.1, south: 34, east: 40.18, north: 84.73)

    /// True when the definition is a geographic CRS (angles: longitude and latitude, in any axis
    /// order), false for projected, geocentric or engineering ones. A compound CRS (horizontal +
    /// height) is judged by its horizontal part, a bound CRS (one with a TOWGS84 clause) by the
    /// CRS it binds.
    public static func isGeographic(_ crs: String, context: ProjectionContext) throws(ProjectionError) -> Bool {
        var object = try context.coordinateReferenceSystem(crs, purpose: "decide whether \(quoted(crs)) is geographic")
        let handle = context.handle
        while true {
            switch object.type {
            case PJ_TYPE_GEOGRAPHIC_CRS, PJ_TYPE_GEOGRAPHIC_2D_CRS, PJ_TYPE_GEOGRAPHIC_3D_CRS:
                return true
            case PJ_TYPE_BOUND_CRS:
                guard let base = proj_get_source_crs(handle, object.pointer) else { return false }
                object = ProjObject(base, in: context)
            case PJ_TYPE_COMPOUND_CRS:
                guard let horizontal = proj_crs_get_sub_crs(handle, object.pointer, 0) else { return false }
                object = ProjObject(horizontal, in: context)
            default:
                return false
            }
        }
    }
}
