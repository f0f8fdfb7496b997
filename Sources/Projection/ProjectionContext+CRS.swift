internal import CPROJ

extension ProjectionContext {
    /// Reads a CRS definition ("EPSG:25831", "OGC:CRS84", WKT, PROJJSON or a PROJ string with
    /// `+type=crs`), refusing anything that is not a CRS.
    ///
    /// - Parameter purpose: the attempt this lookup serves, quoted in the error, e.g.
    ///   `read the source CRS of a transformation to "EPSG:25831"`.
    func coordinateReferenceSystem(_ definition: String, purpose: String) throws(ProjectionError) -> ProjObject {
        clearMessages()
        guard let pointer = proj_create(handle, definition) else {
            throw ProjectionError(reason: .unrecognizedCRS, attempt: purpose, crs: [definition],
                                  projMessage: failureMessage())
        }
        let object = ProjObject(pointer, in: self)
        guard proj_is_crs(pointer) != 0 else {
            throw ProjectionError(reason: .notACRS, attempt: purpose, crs: [definition],
                                  projMessage: "\(quoted(definition)) defines \(object.name), not a CRS")
        }
        return object
    }
}
