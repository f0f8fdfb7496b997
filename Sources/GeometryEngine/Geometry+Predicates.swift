internal import CGEOS

extension Geometry {
    public func intersects(_ other: Geometry) -> Bool { GEOSIntersects_r(context.handle, handle, other.handle) == 1 }
    public func contains(_ other: Geometry) -> Bool { GEOSContains_r(context.handle, handle, other.handle) == 1 }
    public func covers(_ other: Geometry) -> Bool { GEOSCovers_r(context.handle, handle, other.handle) == 1 }
    public func within(_ other: Geometry) -> Bool { GEOSWithin_r(context.handle, handle, other.handle) == 1 }
    public func touches(_ other: Geometry) -> Bool { GEOSTouches_r(context.handle, handle, other.handle) == 1 }
    public func isWithinDistance(_ distance: Double, of other: Geometry) -> Bool {
        GEOSDistanceWithin_r(context.handle, handle, other.handle, distance) == 1
    }
}
