internal import CGEOS

/// An owning handle to a GEOS geometry.
///
/// Geometries stay inside GEOS for their whole life (shapely 2's lesson): operations chain from
/// handle to handle, and coordinates are copied out only at the edges (`coordinates`, `rings`, WKB).
/// Like its context, a geometry is not `Sendable`: send WKB or coordinates across tasks instead.
public final class Geometry {
    let handle: OpaquePointer
    /// Held so the context outlives every geometry made in it.
    public let context: GeometryContext

    init(owning handle: OpaquePointer, context: GeometryContext) {
        self.handle = handle
        self.context = context
    }

    deinit {
        GEOSGeom_destroy_r(context.handle, handle)
    }

    /// The geometry's type.
    public var kind: GeometryKind {
        GeometryKind(rawValue: GEOSGeomTypeId_r(context.handle, handle)) ?? .geometryCollection
    }

    public var isEmpty: Bool { GEOSisEmpty_r(context.handle, handle) == 1 }

    /// Number of member geometries: 1 for a simple geometry, the member count for a collection.
    public var partCount: Int { Int(GEOSGetNumGeometries_r(context.handle, handle)) }

    /// The members of a collection, each an independent copy (GEOS's pointers to members are borrowed
    /// and die with the parent, so handing them out would invite use-after-free).
    public var parts: [Geometry] {
        (0..<partCount).map { index in
            let borrowed = GEOSGetGeometryN_r(context.handle, handle, Int32(index))!
            return Geometry(owning: GEOSGeom_clone_r(context.handle, borrowed)!, context: context)
        }
    }

    /// An independent copy in the same context.
    public func clone() -> Geometry {
        Geometry(owning: GEOSGeom_clone_r(context.handle, handle)!, context: context)
    }

    /// Applies a GEOS unary operation that returns a new geometry.
    func derive(_ operation: StaticString, _ body: (OpaquePointer, OpaquePointer) -> OpaquePointer?) throws(GeometryError) -> Geometry {
        try context.owning(body(context.handle, handle), operation)
    }

    /// Applies a GEOS binary operation; both geometries must come from the same context.
    func combine(_ other: Geometry, _ operation: StaticString,
                 _ body: (OpaquePointer, OpaquePointer, OpaquePointer) -> OpaquePointer?) throws(GeometryError) -> Geometry {
        guard other.context === context else {
            throw GeometryError(operation: "\(operation)", message: "geometries belong to different contexts")
        }
        return try context.owning(body(context.handle, handle, other.handle), operation)
    }
}

extension Geometry: CustomStringConvertible {
    public var description: String { (try? wkt(precision: 3)) ?? "<\(kind)>" }
}
