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
