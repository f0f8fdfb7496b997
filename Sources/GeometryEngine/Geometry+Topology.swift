internal import CGEOS

/// Why GEOS considers a geometry invalid, with the location of the first problem.
public struct ValidityProblem: Sendable, Equatable, CustomStringConvertible {
    public var reason: String
    public var location: (x: Double, y: Double)?

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.reason == rhs.reason && lhs.location?.x == rhs.location?.x && lhs.location?.y == rhs.location?.y
    }

    public var description: String {
        guard let location else { return reason }
        return "\(reason) at (\(location.x), \(location.y))"
    }
}

extension Geometry {
    public var isValid: Bool { GEOSisValid_r(context.handle, handle) == 1 }

    /// nil when valid; otherwise GEOS's reason ("Self-intersection", "Ring Self-intersection", ...).
    public var validityProblem: ValidityProblem? {
        var reason: UnsafeMutablePointer<CChar>?
        var location: OpaquePointer?
        let ctx = context.handle
        let valid = GEOSisValidDetail_r(ctx, handle, 0, &reason, &location)
        defer {
            if let reason { GEOSFree_r(ctx, reason) }
            if let location { GEOSGeom_destroy_r(ctx, location) }
        }
        guard valid == 0 else { return nil }
        var point: (x: Double, y: Double)?
        if let location {
            var x = 0.0, y = 0.0
            GEOSGeomGetX_r(ctx, location, &x)
            GEOSGeomGetY_r(ctx, location, &y)
            point = (x, y)
        }
        return ValidityProblem(reason: reason.map { String(cString: $0) } ?? "invalid", location: point)
    }

    /// A valid geometry covering the same points ("structure" method: keeps polygon areas, drops
    /// collapsed parts), the usual repair for self-intersecting building footprints.
    public func makeValid() throws(GeometryError) -> Geometry {
        let ctx = context.handle
        guard let params = GEOSMakeValidParams_create_r(ctx) else {
            throw GeometryError(operation: "make valid", message: context.takeError() ?? "cannot create parameters")
        }
        defer { GEOSMakeValidParams_destroy_r(ctx, params) }
        GEOSMakeValidParams_setMethod_r(ctx, params, GEOS_MAKE_VALID_STRUCTURE)
        GEOSMakeValidParams_setKeepCollapsed_r(ctx, params, 0)
        return try derive("make valid") { GEOSMakeValidWithParams_r($0, $1, params) }
    }

    /// Polygons formed by a set of noded lines (e.g. city blocks or superblock cells from the
    /// basic street network). Input lines should be noded first (`noded()`).
    public static func polygonize(_ lines: [Geometry], in context: GeometryContext) throws(GeometryError) -> Geometry {
        var pointers: [OpaquePointer?] = lines.map(\.handle)
        let made = pointers.withUnsafeMutableBufferPointer { buffer in
            GEOSPolygonize_r(context.handle, buffer.baseAddress, UInt32(buffer.count))
        }
        return try context.owning(made, "polygonize")
    }

    /// Lines split at every intersection, so that polygonize and graph building see the junctions.
    public func noded() throws(GeometryError) -> Geometry {
        try derive("node") { GEOSNode_r($0, $1) }
    }

    /// Joins touching line pieces into the longest possible line strings.
    public func lineMerge() throws(GeometryError) -> Geometry {
        try derive("line merge") { GEOSLineMerge_r($0, $1) }
    }

    /// Drops vertices closer than `tolerance` to the simplified line (Douglas-Peucker, topology kept).
    public func simplified(tolerance: Double) throws(GeometryError) -> Geometry {
        try derive("simplify") { GEOSTopologyPreserveSimplify_r($0, $1, tolerance) }
    }

    /// Adds vertices so no segment is longer than `maxSegmentLength`.
    public func densified(maxSegmentLength: Double) throws(GeometryError) -> Geometry {
        try derive("densify") { GEOSDensify_r($0, $1, maxSegmentLength) }
    }
}
