extension GeoJSONParser {
    /// Reads a legacy (GeoJSON 2008) `"crs"` member at the cursor; nil for `"crs": null`.
    ///
    /// Accepted forms: `{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::25831"}}` (what GDAL
    /// and QGIS write), `{"type":"EPSG","properties":{"code":25831}}` (older writers), and
    /// `{"type":"link","properties":{"href":...}}`, kept as the bare href since it cannot be resolved.
    mutating func parseCRS() throws(GeoJSONError) -> String? {
        let start = scanner.index
        let value = try scanner.readValue()
        if value == .null { return nil }
        let expected = "an object like {\"type\":\"name\",\"properties\":{\"name\":\"EPSG:25831\"}}, or null"
        guard case .object(let members) = value,
              case .object(let properties)? = members["properties"],
              let type = members["type"]?.stringValue?.lowercased()
        else { throw scanner.error(.invalidMember("crs", expected: expected), at: start) }

        switch type {
        case "name":
            if let name = properties["name"]?.stringValue { return CRSName.normalize(name) }
        case "epsg":
            if let code = properties["code"]?.stringValue { return "EPSG:\(code)" }
        case "link":
            if let href = properties["href"]?.stringValue { return href }
        default:
            break
        }
        throw scanner.error(.invalidMember("crs", expected: expected), at: start)
    }

    /// Decides the geographic range check once the file's `"crs"` (or its absence) is known.
    mutating func settleRangeCheck(crs: String?) {
        guard rangeCheck != .off else { return }
        let isGeographic = crs.map(CRSName.isGeographic) ?? true
        rangeCheck = isGeographic ? .on : .off
    }

    /// Looks past the top-level `"features"` array for a `"crs"` member that follows it, and returns
    /// it (nil when there is none). Only called on the first out-of-range position while the check is
    /// `pending`, so files with `"crs"` first, or with plausible coordinates, never pay for it.
    mutating func crsAfterFeatures() throws(GeoJSONError) -> String? {
        guard let featuresStart else { return nil }
        let resumeAt = scanner.index
        defer { scanner.index = resumeAt }
        scanner.index = featuresStart
        try scanner.skipValue()
        var found: String?
        var more = try scanner.continueContainer(closing: ASCII.closeBrace)
        while more {
            if case .crs = try scanner.readMemberName() {
                found = try parseCRS()
            } else {
                try scanner.skipValue()
            }
            more = try scanner.continueContainer(closing: ASCII.closeBrace)
        }
        return found
    }
}
