/// A Universal Transverse Mercator zone on a given datum: the metric CRS the toolkit measures in.
///
/// UTM keeps scale error within 0.04 % across a zone, far below what street widths or distances
/// to a tree need, and every GIS knows its EPSG codes.
public struct UTMZone: Sendable, Hashable, CustomStringConvertible {
    /// The datum the zone is defined on.
    public enum Datum: Sendable, Hashable {
        /// European data (ETRS89 / UTM, EPSG:258zz); northern zones only.
        case etrs89
        /// Everywhere else (WGS 84 / UTM, EPSG:326zz north and 327zz south).
        case wgs84
    }

    /// 1 to 60, counted eastwards in 6 degree strips from 180 W.
    public var number: Int
    public var isNorthern: Bool
    public var datum: Datum

    public init(number: Int, isNorthern: Bool, datum: Datum) {
        precondition((1...60).contains(number), "UTM zones run from 1 to 60, got \(number)")
        precondition(datum == .wgs84 || isNorthern, "ETRS89 / UTM has northern zones only")
        self.number = number
        self.isNorthern = isNorthern
        self.datum = datum
    }

    /// The EPSG code of the projected CRS, e.g. 25831 for ETRS89 / UTM zone 31N.
    public var epsgCode: Int {
        switch datum {
        case .etrs89: 25800 + number
        case .wgs84: (isNorthern ? 32600 : 32700) + number
        }
    }

    /// The CRS definition to hand to `CoordinateTransformer`, e.g. "EPSG:25831".
    public var crs: String { "EPSG:\(epsgCode)" }

    /// The name EPSG gives the CRS, e.g. "ETRS89 / UTM zone 31N".
    public var description: String {
        let datumName = datum == .etrs89 ? "ETRS89" : "WGS 84"
        return "\(datumName) / UTM zone \(number)\(isNorthern ? "N" : "S")"
    }
}

extension UTMZone {
    /// The zone holding a WGS 84 longitude and latitude, on ETRS89 inside `MetricCRS.europe`.
    ///
    /// The zone is the plain 6 degree strip: the Norwegian (32V) and Svalbard (31X-37X) widened
    /// zones are ignored. They exist so that a country stays in one zone; for a city district the
    /// plain strip is the one whose central meridian is nearest, so its distortion is, if
    /// anything, lower. Longitudes wrap (190 is -170, 180 is zone 1). UTM is defined from 80 S to
    /// 84 N; beyond that the nearest zone is still returned, with growing scale error.
    ///
    /// - Precondition: longitude in -360...360 (so 0...360 data works too) and latitude in
    ///   -90...90; check `MetricCRS.isGeographic` before treating data as longitude and latitude.
    public init(longitude: Double, latitude: Double) {
        precondition((-360...360).contains(longitude) && (-90...90).contains(latitude),
                     "not a longitude and latitude: (\(longitude), \(latitude))")
        // Integer arithmetic rather than `truncatingRemainder`, which needs libm's fmod: this
        // module links PROJ only.
        var wrapped = longitude + 180
        wrapped -= 360 * Double(Int(wrapped / 360))
        if wrapped < 0 { wrapped += 360 }
        let number = min(Int(wrapped / 6) + 1, 60)
        let inEurope = MetricCRS.europe.contains(longitude: longitude, latitude: latitude)
        self.init(number: number, isNorthern: latitude >= 0, datum: inEurope ? .etrs89 : .wgs84)
    }
}
