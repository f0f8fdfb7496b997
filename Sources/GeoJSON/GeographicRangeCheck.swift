/// Whether the reader checks that coordinates are plausible longitudes and latitudes.
///
/// Only files in WGS 84 degrees can be checked: RFC 7946 files (no `"crs"` member) and files whose
/// legacy `"crs"` names EPSG:4326 or OGC:CRS84. Projected files (ETRS89 / UTM 31N for Barcelona open
/// data) legitimately hold numbers in the millions. The check catches the commonest silent mistakes:
/// projected data with its `"crs"` stripped, and swapped latitude/longitude outside the tropics.
enum GeographicRangeCheck {
    /// The caller turned it off, or the file's `"crs"` is not geographic.
    case off
    /// The file is known to be in degrees.
    case on
    /// The `"crs"` member has not been seen yet; it may follow `"features"`, since JSON members have
    /// no order. Positions are checked as if `on`; the first one out of range makes the parser look
    /// ahead past the features for a `"crs"` before deciding (see `GeoJSONParser.crsAfterFeatures()`).
    case pending
}
