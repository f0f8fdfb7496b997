internal import CPROJ

/// Converts coordinates from one CRS to another, always in x = longitude/easting,
/// y = latitude/northing order.
///
/// EPSG says latitude comes first in EPSG:4326 (and northing first in some projected CRSs), and
/// PROJ honours that; GeoJSON, shapefiles and every geometry library put x first. The transformer
/// therefore normalises the axis order ("for visualisation", in PROJ's words), so callers never
/// swap axes by hand.
///
/// Not `Sendable`: it lives in the context it was made in. For parallel work each task makes its
/// own context and transformer.
public final class CoordinateTransformer {
    /// The CRS definitions exactly as given; the transformer maps `source` to `target`.
    public let source: String
    public let target: String

    /// Shared with the inverse transformer, which runs the same operation backwards, so that a
    /// round trip uses one and the same datum shift in both directions.
    let operation: ProjObject
    let direction: PJ_DIRECTION
    private let quality: OperationQuality

    public init(from source: String, to target: String, context: ProjectionContext) throws(ProjectionError) {
        let attempt = "create a transformation from \(quoted(source)) to \(quoted(target))"
        let sourceCRS = try context.coordinateReferenceSystem(source, purpose: "\(attempt), reading the source CRS")
        let targetCRS = try context.coordinateReferenceSystem(target, purpose: "\(attempt), reading the target CRS")

        context.clearMessages()
        guard let raw = proj_create_crs_to_crs_from_pj(context.handle, sourceCRS.pointer, targetCRS.pointer, nil, nil) else {
            throw ProjectionError(reason: .noTransformation, attempt: attempt, crs: [source, target],
                                  projMessage: context.failureMessage())
        }
        let native = ProjObject(raw, in: context)
        guard let normalized = proj_normalize_for_visualization(context.handle, native.pointer) else {
            throw ProjectionError(reason: .noTransformation, attempt: "\(attempt), putting x (longitude/easting) first",
                                  crs: [source, target], projMessage: context.failureMessage())
        }
        self.source = source
        self.target = target
        self.operation = ProjObject(normalized, in: context)
        self.direction = PJ_FWD
        self.quality = OperationQuality(from: sourceCRS, to: targetCRS)
        context.clearMessages()
    }

    private init(operation: ProjObject, direction: PJ_DIRECTION, quality: OperationQuality, source: String, target: String) {
        self.operation = operation
        self.direction = direction
        self.quality = quality
        self.source = source
        self.target = target
    }

    /// Why results may be less accurate than the data, or nil when PROJ uses an operation good to
    /// a metre or better.
    ///
    /// Non-nil when the only operation is a ballpark one (the datum shift is ignored), when the
    /// best usable operation is worse than 1 m or of unknown accuracy, or when a more accurate
    /// operation was skipped because its grid is not installed. The typical case is ED50 data
    /// (EPSG:4230, 23029-23031): Debian ships no Spanish NTv2 grid, so PROJ falls back to Helmert
    /// shifts good to 1-2 m, and to a ballpark offset outside their areas.
    public var accuracyNote: String? { quality.note(from: source, to: target) }

    /// The same operation run from `target` back to `source`, sharing this transformer's context.
    public func inverse() throws(ProjectionError) -> CoordinateTransformer {
        // A transformer with several candidate operations reports no inverse until it has been
        // used; PROJ inverts each candidate on demand, and all datum shifts in its database invert.
        let hasCandidates = operation.type == PJ_TYPE_UNKNOWN
        guard hasCandidates || proj_pj_info(operation.pointer).has_inverse != 0 else {
            throw ProjectionError(reason: .notInvertible,
                                  attempt: "invert '\(operation.name)' (from \(quoted(source)) to \(quoted(target)))",
                                  crs: [source, target])
        }
        return CoordinateTransformer(operation: operation, direction: direction == PJ_FWD ? PJ_INV : PJ_FWD,
                                     quality: quality, source: target, target: source)
    }
}
