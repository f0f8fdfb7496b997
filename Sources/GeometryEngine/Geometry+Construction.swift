internal import CGEOS

extension Geometry {
    /// A point.
    public static func point(x: Double, y: Double, in context: GeometryContext) throws(GeometryError) -> Geometry {
        try context.owning(GEOSGeom_createPointFromXY_r(context.handle, x, y), "point")
    }

    /// A line string from a flat, interleaved `x0, y0, x1, y1, ...` buffer (at least two points).
    public static func lineString(_ xy: [Double], in context: GeometryContext) throws(GeometryError) -> Geometry {
        try context.lineString(xy)
    }

    /// A polygon from rings given as flat `x, y` buffers: the exterior first, then holes. Each ring
    /// must be closed and have at least four points.
    public static func polygon(_ rings: [[Double]], in context: GeometryContext) throws(GeometryError) -> Geometry {
        try context.polygon(rings)
    }

    /// A multi-geometry or collection of copies of `members` (GEOS takes ownership of what it
    /// collects, so the caller's geometries are cloned and stay valid).
    public static func collection(_ members: [Geometry], as kind: GeometryKind, in context: GeometryContext) throws(GeometryError) -> Geometry {
        try context.collection(members, kind: kind)
    }

    /// The ring between two nested polygons without holes, built from their boundaries without an
    /// overlay: `outer`'s exterior as the shell and `inner`'s as the hole. The caller vouches that
    /// `inner` lies strictly inside `outer` (buffers of one line at two distances); nil when either
    /// is not a single polygon without holes, where only an overlay can say what the ring is.
    public static func annulus(outer: Geometry, inner: Geometry) throws(GeometryError) -> Geometry? {
        let context = outer.context
        guard outer.kind == .polygon, inner.kind == .polygon, inner.context === context,
              GEOSGetNumInteriorRings_r(context.handle, outer.handle) == 0,
              GEOSGetNumInteriorRings_r(context.handle, inner.handle) == 0,
              let shell = GEOSGetExteriorRing_r(context.handle, outer.handle),
              let hole = GEOSGetExteriorRing_r(context.handle, inner.handle) else { return nil }
        var holes: [OpaquePointer?] = [GEOSGeom_clone_r(context.handle, hole)]
        let made = holes.withUnsafeMutableBufferPointer { buffer in
            GEOSGeom_createPolygon_r(context.handle, GEOSGeom_clone_r(context.handle, shell), buffer.baseAddress, 1)
        }
        return try context.owning(made, "annulus")
    }

    /// An axis-aligned rectangle.
    public static func rectangle(_ box: Envelope, in context: GeometryContext) throws(GeometryError) -> Geometry {
        try context.owning(GEOSGeom_createRectangle_r(context.handle, box.minX, box.minY, box.maxX, box.maxY), "rectangle")
    }
}

extension GeometryContext {
    /// A coordinate sequence from a flat buffer. The caller must hand it to a constructor that consumes it.
    func sequence(_ xy: [Double], _ operation: StaticString) throws(GeometryError) -> OpaquePointer {
        guard xy.count % 2 == 0 else {
            throw GeometryError(operation: "\(operation)", message: "odd number of values in an x,y buffer (\(xy.count))")
        }
        let made = xy.withUnsafeBufferPointer { buffer in
            GEOSCoordSeq_copyFromBuffer_r(handle, buffer.baseAddress, UInt32(xy.count / 2), 0, 0)
        }
        guard let made else {
            throw GeometryError(operation: "\(operation)", message: takeError() ?? "cannot allocate coordinates")
        }
        return made
    }

    func lineString(_ xy: [Double]) throws(GeometryError) -> Geometry {
        // Checked here because GEOSGeom_createLineString_r consumes the sequence even when it fails.
        guard xy.count >= 4 else {
            throw GeometryError(operation: "line string", message: "needs at least 2 points, found \(xy.count / 2)")
        }
        let seq = try sequence(xy, "line string")
        return try owning(GEOSGeom_createLineString_r(handle, seq), "line string")
    }

    /// A linear ring as a raw owned pointer, to be consumed by `GEOSGeom_createPolygon_r`.
    func ring(_ xy: [Double], index: Int) throws(GeometryError) -> OpaquePointer {
        let points = xy.count / 2
        guard points >= 4 else {
            throw GeometryError(operation: "polygon", message: "ring \(index) needs at least 4 points, found \(points)")
        }
        guard xy[0] == xy[xy.count - 2], xy[1] == xy[xy.count - 1] else {
            throw GeometryError(operation: "polygon", message: "ring \(index) is not closed")
        }
        let seq = try sequence(xy, "polygon")
        guard let ring = GEOSGeom_createLinearRing_r(handle, seq) else {
            throw GeometryError(operation: "polygon", message: takeError() ?? "ring \(index) rejected")
        }
        return ring
    }

    func polygon(_ rings: [[Double]]) throws(GeometryError) -> Geometry {
        guard let exterior = rings.first else {
            return try owning(GEOSGeom_createEmptyPolygon_r(handle), "polygon")
        }
        // Build every ring first; on failure destroy those already made (nothing consumed them yet).
        var made: [OpaquePointer?] = []
        made.reserveCapacity(rings.count)
        do {
            made.append(try ring(exterior, index: 0))
            for (index, hole) in rings.dropFirst().enumerated() {
                made.append(try ring(hole, index: index + 1))
            }
        } catch {
            for pointer in made { GEOSGeom_destroy_r(handle, pointer) }
            throw error
        }
        let shell = made[0]
        var holes = Array(made.dropFirst())
        let polygon = holes.withUnsafeMutableBufferPointer { buffer in
            GEOSGeom_createPolygon_r(handle, shell, buffer.baseAddress, UInt32(buffer.count))
        }
        return try owning(polygon, "polygon")
    }

    func collection(_ members: [Geometry], kind: GeometryKind) throws(GeometryError) -> Geometry {
        guard kind.isCollection else {
            throw GeometryError(operation: "collection", message: "\(kind) is not a collection type")
        }
        for member in members where member.context !== self {
            throw GeometryError(operation: "collection", message: "member belongs to another context")
        }
        var clones: [OpaquePointer?] = members.map { GEOSGeom_clone_r(handle, $0.handle) }
        let made = clones.withUnsafeMutableBufferPointer { buffer in
            GEOSGeom_createCollection_r(handle, Int32(kind.rawValue), buffer.baseAddress, UInt32(buffer.count))
        }
        return try owning(made, "collection")
    }
}
