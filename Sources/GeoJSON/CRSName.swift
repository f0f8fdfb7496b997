/// Spelling rules for coordinate reference system names in the legacy GeoJSON `"crs"` member.
///
/// The same CRS reaches us as `urn:ogc:def:crs:EPSG::25831`, `EPSG:25831` or
/// `http://www.opengis.net/def/crs/EPSG/0/25831`, depending on the tool that wrote the file. One short
/// canonical form, `AUTHORITY:CODE`, lets the rest of the toolkit compare names and hand them to PROJ.
public enum CRSName {
    /// WGS 84 with latitude/longitude axis order, as EPSG defines it.
    public static let wgs84 = "EPSG:4326"
    /// WGS 84 with longitude/latitude axis order: what RFC 7946 coordinates are.
    public static let crs84 = "OGC:CRS84"

    /// Rewrites any common spelling of a CRS name to `AUTHORITY:CODE` (`"EPSG:25831"`, `"OGC:CRS84"`).
    /// Names in no recognised form come back trimmed but otherwise untouched, so nothing is lost.
    public static func normalize(_ name: String) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        let lowercased = trimmed.lowercased()

        // urn:ogc:def:crs:EPSG::25831, urn:ogc:def:crs:OGC:1.3:CRS84 (the version field may be empty).
        if lowercased.hasPrefix("urn:ogc:def:crs:") {
            let fields = trimmed.split(separator: ":", omittingEmptySubsequences: false)
            if fields.count >= 7 {
                return canonical(authority: fields[4], code: fields[fields.count - 1])
            }
        }
        // http://www.opengis.net/def/crs/EPSG/0/25831 (authority, version, code).
        if lowercased.contains("opengis.net/def/crs/") {
            let fields = trimmed.split(separator: "/")
            if let crsField = fields.lastIndex(where: { $0.lowercased() == "crs" }), fields.count >= crsField + 4 {
                return canonical(authority: fields[crsField + 1], code: fields[fields.count - 1])
            }
        }
        // EPSG:25831
        let fields = trimmed.split(separator: ":", omittingEmptySubsequences: false)
        if fields.count == 2, !fields[0].isEmpty, !fields[1].isEmpty {
            return canonical(authority: fields[0], code: fields[1])
        }
        if lowercased == "crs84" { return crs84 }
        return trimmed
    }

    /// The URN form GDAL and QGIS write in a legacy `"crs"` member: `"EPSG:25831"` becomes
    /// `"urn:ogc:def:crs:EPSG::25831"`, `"OGC:CRS84"` becomes `"urn:ogc:def:crs:OGC:1.3:CRS84"`.
    /// Names not of the form `AUTHORITY:CODE` are returned unchanged.
    public static func legacyURN(for name: String) -> String {
        let normalized = normalize(name)
        let fields = normalized.split(separator: ":", omittingEmptySubsequences: false)
        guard fields.count == 2 else { return normalized }
        if fields[0] == "OGC" { return "urn:ogc:def:crs:OGC:1.3:\(fields[1])" }
        return "urn:ogc:def:crs:\(fields[0])::\(fields[1])"
    }

    /// Whether coordinates in this CRS are WGS 84 degrees, so longitude must lie in [-180, 180] and
    /// latitude in [-90, 90]. Only then can the reader tell a swapped or projected file by its numbers.
    public static func isGeographic(_ name: String) -> Bool {
        let normalized = normalize(name)
        return normalized == wgs84 || normalized == crs84
    }

    private static func canonical(authority: Substring, code: Substring) -> String {
        let authority = authority.uppercased()
        let code = authority == "OGC" ? code.uppercased() : String(code)
        return "\(authority):\(code)"
    }
}
