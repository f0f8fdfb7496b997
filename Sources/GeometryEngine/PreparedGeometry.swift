internal import CGEOS

/// A geometry with a cached internal index, for testing many candidates against one shape
/// (buildings against a 300 m access zone, tree points against a cell).
///
/// GEOS's prepared geometry points into its base geometry without owning it, so this type keeps
/// the base alive for as long as it lives.
public final class PreparedGeometry {
    let handle: OpaquePointer
    public let base: Geometry

    public init(_ base: Geometry) throws(GeometryError) {
        guard let handle = GEOSPrepare_r(base.context.handle, base.handle) else {
            throw GeometryError(operation: "prepare", message: base.context.takeError() ?? "failed")
        }
        self.handle = handle
        self.base = base
    }

    deinit {
        GEOSPreparedGeom_destroy_r(base.context.handle, handle)
    }

    private var ctx: OpaquePointer { base.context.handle }

    public func contains(_ other: Geometry) -> Bool { GEOSPreparedContains_r(ctx, handle, other.handle) == 1 }
    public func covers(_ other: Geometry) -> Bool { GEOSPreparedCovers_r(ctx, handle, other.handle) == 1 }
    public func intersects(_ other: Geometry) -> Bool { GEOSPreparedIntersects_r(ctx, handle, other.handle) == 1 }

    /// Whether `other` lies within `distance` of the prepared geometry.
    public func isWithinDistance(_ distance: Double, of other: Geometry) -> Bool {
        GEOSPreparedDistanceWithin_r(ctx, handle, other.handle, distance) == 1
    }

    public func distance(to other: Geometry) throws(GeometryError) -> Double {
        var value = 0.0
        guard GEOSPreparedDistance_r(ctx, handle, other.handle, &value) == 1 else {
            throw GeometryError(operation: "prepared distance", message: base.context.takeError() ?? "failed")
        }
        return value
    }
}
