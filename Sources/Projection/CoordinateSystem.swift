internal import CPROJ

/// What a CRS definition is, in the words other formats need: its name, the authority code that
/// identifies it, and its WKT (GeoPackage's `gpkg_spatial_ref_sys`, a GIS reading our files).
public enum CoordinateSystem {
    public struct Identity: Sendable, Equatable {
        public var name: String
        /// e.g. "EPSG", when the definition carries an authority identifier.
        public var authority: String?
        public var code: Int32?
        /// OGC WKT 1 as GDAL writes it (the `definition` GeoPackage 1.3's core columns expect).
        public var wkt: String
    }

    /// The OGC WKT 1 (GDAL flavour) of a CRS definition ("EPSG:25831", WKT, PROJJSON, ...).
    public static func wkt(of definition: String) throws(ProjectionError) -> String {
        try identity(of: definition).wkt
    }

    /// Name, authority code and WKT 1 of a CRS definition; fails naming the definition when PROJ
    /// does not know it or cannot express it as WKT 1.
    public static func identity(of definition: String) throws(ProjectionError) -> Identity {
        let context = try ProjectionContext()
        let crs = try context.coordinateReferenceSystem(definition, purpose: "describe the CRS \(quoted(definition))")
        guard let text = proj_as_wkt(context.handle, crs.pointer, PJ_WKT1_GDAL, nil) else {
            throw ProjectionError(reason: .unrecognizedCRS, attempt: "write \(quoted(definition)) as WKT 1", crs: [definition],
                                  projMessage: context.failureMessage())
        }
        let authority = proj_get_id_auth_name(crs.pointer, 0).map { String(cString: $0) }
        let code = proj_get_id_code(crs.pointer, 0).flatMap { Int32(String(cString: $0)) }
        return Identity(name: crs.name, authority: authority, code: code, wkt: String(cString: text))
    }
}
