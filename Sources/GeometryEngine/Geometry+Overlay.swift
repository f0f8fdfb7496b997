internal import CGEOS

extension Geometry {
    public func intersection(_ other: Geometry) throws(GeometryError) -> Geometry {
        try combine(other, "intersection") { GEOSIntersection_r($0, $1, $2) }
    }

    public func difference(_ other: Geometry) throws(GeometryError) -> Geometry {
        try combine(other, "difference") { GEOSDifference_r($0, $1, $2) }
    }

    public func union(_ other: Geometry) throws(GeometryError) -> Geometry {
        try combine(other, "union") { GEOSUnion_r($0, $1, $2) }
    }

    /// Dissolves all parts of this geometry into one (overlaps merged).
    public func unaryUnion() throws(GeometryError) -> Geometry {
        try derive("unary union") { GEOSUnaryUnion_r($0, $1) }
    }

    /// Dissolves polygons that only share edges and never overlap (a coverage, e.g. census sections
    /// or cells). Much faster than `unaryUnion` for such input; the result is wrong if they overlap.
    public func coverageUnion() throws(GeometryError) -> Geometry {
        try derive("coverage union") { GEOSCoverageUnion_r($0, $1) }
    }

    /// The union of many geometries, as one GEOS cascaded union over their collection.
    public static func union(of geometries: [Geometry], in context: GeometryContext) throws(GeometryError) -> Geometry {
        try collection(geometries, as: .geometryCollection, in: context).unaryUnion()
    }

    /// Clips to a rectangle quickly; the result may be invalid where it touches the box edge only.
    public func clipped(to box: Envelope) throws(GeometryError) -> Geometry {
        try derive("clip by rectangle") { GEOSClipByRect_r($0, $1, box.minX, box.minY, box.maxX, box.maxY) }
    }
}
