internal import CPROJ

extension MetricCRS {
    /// How much a projected CRS inflates areas at a place: 1 for a true-area projection, 1.0008 at
    /// the edge of a UTM zone, 1.76 for Web Mercator (EPSG:3857) at Barcelona's latitude.
    ///
    /// Why: Web Mercator is what tiles and many web exports use, and a file in it was taken as the
    /// metric CRS as it is: areas and residents came out about 78 % too high. PROJ's `proj_factors`
    /// gives the areal scale of the projection at the data's centre; nil when PROJ cannot tell (a
    /// geographic or non-projected CRS, a point outside the projection's domain).
    public static func arealScale(of crs: String, longitude: Double, latitude: Double,
                                  context: ProjectionContext) throws(ProjectionError) -> Double? {
        let object = try context.coordinateReferenceSystem(crs, purpose: "measure the distortion of \(quoted(crs))")
        guard object.type == PJ_TYPE_PROJECTED_CRS, longitude.isFinite, latitude.isFinite, abs(latitude) < 89.9 else { return nil }
        var coordinate = PJ_COORD()
        coordinate.lp.lam = longitude * Double.pi / 180
        coordinate.lp.phi = latitude * Double.pi / 180
        context.clearMessages()
        let factors = proj_factors(object.pointer, coordinate)
        let scale = factors.areal_scale
        guard scale.isFinite, scale > 0 else { return nil }
        return scale
    }

    /// Areas may be off by at most this factor (2 %) in the metric CRS; UTM stays within 0.1 %.
    public static let maximumArealDistortion = 0.02
}

extension MetricCRS {
    /// The CRS's area of use from the EPSG database (longitude/latitude degrees), nil when PROJ
    /// has none (PROJ strings, WKT without a usage) or it crosses the antimeridian.
    public static func areaOfUse(of crs: String, context: ProjectionContext) throws(ProjectionError) -> GeographicBox? {
        let object = try context.coordinateReferenceSystem(crs, purpose: "read the area of use of \(quoted(crs))")
        var west = 0.0, south = 0.0, east = 0.0, north = 0.0
        guard proj_get_area_of_use(context.handle, object.pointer, &west, &south, &east, &north, nil) != 0,
              west > -1000, west <= east else { return nil }
        return GeographicBox(west: west, south: south, east: east, north: north)
    }
}
