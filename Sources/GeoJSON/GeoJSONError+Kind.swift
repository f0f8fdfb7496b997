extension GeoJSONError {
    /// What went wrong, for code that reacts to particular failures. Human-readable specifics are in
    /// `GeoJSONError.detail` and `GeoJSONError.description`.
    public enum Kind: Sendable, Equatable {
        /// The text is not JSON; `detail` says what was expected and `location` where.
        case invalidJSON
        /// The top level is JSON but neither a FeatureCollection nor a Feature or Geometry the reader
        /// could wrap into one; `detail` says what it is.
        case notAFeatureCollection
        /// A `"type"` that RFC 7946 does not define, such as `"Circle"`.
        case unknownGeometryType(String)
        /// A LineString (or MultiLineString part) with fewer than 2 positions, or a ring with fewer than 4.
        case tooFewPoints(needed: Int, found: Int)
        /// A ring whose last position differs from its first; the index is 0-based, exterior ring 0.
        case unclosedRing(ringIndex: Int)
        /// Longitude outside [-180, 180] or latitude outside [-90, 90] in a file declared (or defaulting)
        /// to WGS 84: usually projected coordinates without a `"crs"` member, or swapped axes.
        case coordinateOutOfRange(lon: Double, lat: Double)
        /// NaN, Infinity, or a number too large for a Double.
        case nonFiniteCoordinate
        /// Some positions of one geometry have two numbers and others three.
        case mixedDimensions
        /// Coordinates of the wrong shape: a string or null where a number belongs, a position with
        /// fewer than two numbers, arrays nested too deep or too shallow for the geometry type.
        case malformedCoordinates(String)
        /// A member the format requires is absent (`"coordinates"`, a geometry's `"type"`, ...).
        case missingMember(String)
        /// A member has a JSON type the format does not allow, e.g. `"properties": [1, 2]`; the
        /// associated values are the member name and what it must be.
        case invalidMember(String, expected: String)
        /// The file could not be read or written.
        case io(String)
        /// The file is plainly another format (a Shapefile, a GeoPackage, ...; `ForeignFormat`).
        case foreignFormat(ForeignFormat)
    }
}
