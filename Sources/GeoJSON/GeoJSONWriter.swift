import Foundation

/// Writes a `FeatureCollection` as RFC 7946 GeoJSON, byte-for-byte reproducible.
///
/// Output is meant to be diffed and committed: coordinates have a fixed number of decimals, property
/// members are sorted by name (dictionaries have no stable order), and each feature sits on its own
/// line, so changing one street changes one line. A `crs` is written back in the legacy form GDAL and
/// QGIS read: `{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::25831"}}`.
///
/// Feature ids are written as JSON strings, since `Feature.id` no longer knows whether the source had
/// a number; readers, this one included, accept both. Geometries are written as given, unchecked:
/// validation is the reader's job, and it will refuse (say) a one-point LineString written here.
public struct GeoJSONWriter: Sendable {
    /// Decimals written for coordinates, 0...15.
    public var coordinatePrecision: Int

    /// - Parameter coordinatePrecision: Digits after the decimal point (trailing zeros are trimmed),
    ///   clamped to 0...15. The default 7 is about 1 cm in degrees, the precision of OSM itself; use
    ///   2 or 3 for projected coordinates in metres.
    public init(coordinatePrecision: Int = 7) {
        self.coordinatePrecision = min(max(coordinatePrecision, 0), 15)
    }

    /// The collection as UTF-8 GeoJSON text.
    public func encode(_ collection: FeatureCollection) -> Data {
        var encoder = FeatureEncoder(fractionDigits: min(max(coordinatePrecision, 0), 15),
                                     capacity: collection.features.count * 256 + 128)
        encoder.encode(collection)
        return Data(encoder.output.bytes)
    }

    /// Writes the collection to `url` atomically: into a temporary file in the same directory, flushed
    /// to disk, then renamed over the destination. A crash or full disk leaves the old file (or none),
    /// never half a file that a later run would trip over.
    public func write(_ collection: FeatureCollection, to url: URL) throws(GeoJSONError) {
        try AtomicFile.write(encode(collection), to: url)
    }
}
