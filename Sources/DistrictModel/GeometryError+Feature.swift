import GeometryEngine

extension GeometryError {
    /// Runs `body`; a GEOS failure inside it comes out naming the feature it was working on (file,
    /// index and id), so a user can find the geometry GEOS choked on.
    public static func naming<T>(_ origin: FeatureOrigin, _ body: () throws(GeometryError) -> T) throws(GeometryError) -> T {
        do {
            return try body()
        } catch {
            throw GeometryError(operation: error.operation, message: "\(origin): \(error.message)")
        }
    }
}

extension GeometryContext {
    /// The feature's geometry in GEOS; a failure names the feature (file, index, id).
    public func geometry(of feature: DistrictFeature) throws(GeometryError) -> Geometry {
        try GeometryError.naming(feature.origin) { () throws(GeometryError) in try geometry(from: feature.geometry) }
    }
}
