import Projection

extension District {
    /// Coordinates from the district's metric CRS back to the CRS `file` was read in, for features
    /// a command adds to that file's layout (`superblock plan --squares`). Identity when the file
    /// was already in the metric CRS.
    /// - Returns: a function converting a flat `x0, y0, x1, y1, ...` buffer.
    public func toSourceCoordinates(of file: String) throws(DistrictLoadError) -> ([Double]) throws(DistrictLoadError) -> [Double] {
        let target = sourceCRS[file] ?? crs
        guard target != crs else { return { $0 } }
        let transformer: CoordinateTransformer
        do {
            transformer = try CoordinateTransformer(from: crs, to: target, context: try ProjectionContext())
        } catch {
            throw DistrictLoadError(file: file, message: "cannot transform from \(crs) back to \(target): \(error)")
        }
        let metric = crs
        return { buffer throws(DistrictLoadError) in
            var xy = buffer
            guard transformer.transform(&xy).failedIndices.isEmpty else {
                throw DistrictLoadError(file: file, message: "a point cannot be transformed from \(metric) back to \(target)")
            }
            return xy
        }
    }
}
