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

    /// The polygonal part of this geometry inside a rectangle: the fast rectangle clip, checked,
    /// and the full overlay where the clip leaves something invalid (a part that only grazes the
    /// box edge), so the result can always go on into overlays.
    public func clippedArea(to box: Envelope) throws(GeometryError) -> Geometry {
        guard let own = envelope, own.intersects(box) else { return try areal().emptied() }
        if box.minX <= own.minX, box.minY <= own.minY, own.maxX <= box.maxX, own.maxY <= box.maxY { return self }
        // GEOS 3.11's rectangle clip can also fail outright on a degenerate ring.
        if let clipped = try? clipped(to: box).areal(), clipped.isValid { return clipped }
        return try robustIntersection(try Geometry.rectangle(box, in: context))
    }

    /// An empty multipolygon in this geometry's context.
    func emptied() throws(GeometryError) -> Geometry {
        try Geometry.collection([], as: .multiPolygon, in: context)
    }
}

/// Overlays on a fixed precision grid (OverlayNG with snap-rounding): every vertex of the inputs
/// and the result is rounded to a multiple of `gridSize`, which makes the overlay robust where the
/// floating-point one meets nearly coincident edges and gives up ("found non-noded intersection").
/// Used as the fallback, so results elsewhere keep full precision.
extension Geometry {
    public func intersection(_ other: Geometry, gridSize: Double) throws(GeometryError) -> Geometry {
        try combine(other, "intersection") { GEOSIntersectionPrec_r($0, $1, $2, gridSize) }
    }

    public func difference(_ other: Geometry, gridSize: Double) throws(GeometryError) -> Geometry {
        try combine(other, "difference") { GEOSDifferencePrec_r($0, $1, $2, gridSize) }
    }

    public func unaryUnion(gridSize: Double) throws(GeometryError) -> Geometry {
        try derive("unary union") { GEOSUnaryUnionPrec_r($0, $1, gridSize) }
    }

    /// Grid of the fallback overlays: a millimetre, far below what any street width is known to.
    public static let robustGridSize = 0.001

    /// `difference`, retried on the millimetre grid when the floating-point overlay fails.
    public func robustDifference(_ other: Geometry) throws(GeometryError) -> Geometry {
        do { return try difference(other) } catch { return try gridDifference(other) }
    }

    /// The difference on the millimetre grid, of the polygonal parts (the fixed-precision overlay
    /// refuses mixed dimensions).
    private func gridDifference(_ other: Geometry) throws(GeometryError) -> Geometry {
        try areal().difference(try other.areal(), gridSize: Self.robustGridSize)
    }

    /// `difference`, checked: the area it leaves plus the area the two share must make up this
    /// geometry's area, else both are redone on the millimetre grid. GEOS's floating-point overlay
    /// can drop a whole part of the result where edges nearly coincide without reporting a
    /// failure (a 296 m2 stretch of sidewalk on a Geneva street); the check costs one more
    /// overlay, so it is kept for the differences that have shown it.
    public func verifiedDifference(_ other: Geometry) throws(GeometryError) -> Geometry {
        if let result = try? difference(other), let shared = try? intersection(other) {
            let whole = area
            if abs(result.area + shared.area - whole) <= Self.conservationTolerance * max(whole, 1) { return result }
        }
        return try gridDifference(other)
    }

    /// Relative tolerance of `verifiedDifference`'s area check: far above floating-point noise
    /// (1e-12 of the area), far below a lost part.
    static let conservationTolerance = 1e-7

    /// The area two polygonal geometries share, retried on the millimetre grid when the
    /// floating-point overlay fails. Where they only touch, GEOS also returns the lines and points
    /// they touch at; those are dropped, so the result can go on into further polygon overlays
    /// (the fixed-precision ones refuse mixed dimensions).
    public func robustIntersection(_ other: Geometry) throws(GeometryError) -> Geometry {
        let shared: Geometry
        do { shared = try intersection(other) } catch { shared = try areal().intersection(try other.areal(), gridSize: Self.robustGridSize) }
        return try shared.areal()
    }

    /// `robustIntersection`, checked as `verifiedDifference` is: the area shared plus what this
    /// geometry keeps beyond the other must make up its area, else the intersection is redone on
    /// the millimetre grid. GEOS 3.11's floating-point overlay once gave 204 m2 shared between a
    /// cycle track and a junction's carriageway that only touch (the difference, the union and the
    /// millimetre grid all said 0): `compare` counted it as space that changed category.
    public func verifiedIntersection(_ other: Geometry) throws(GeometryError) -> Geometry {
        if let shared = try? robustIntersection(other), let rest = try? difference(other) {
            let whole = area
            if abs(shared.area + rest.area - whole) <= Self.conservationTolerance * max(whole, 1) { return shared }
        }
        return try areal().intersection(try other.areal(), gridSize: Self.robustGridSize).areal()
    }

    /// The polygons of a geometry: itself when polygonal, else its polygonal members as one
    /// multipolygon (empty when it has none).
    public func areal() throws(GeometryError) -> Geometry {
        switch kind {
        case .polygon, .multiPolygon:
            return self
        case .geometryCollection:
            var polygons: [Geometry] = []
            for part in parts {
                switch part.kind {
                case .polygon: polygons.append(part)
                case .multiPolygon: polygons += part.parts
                case .geometryCollection: polygons += try part.areal().parts
                default: break
                }
            }
            return try Geometry.collection(polygons, as: .multiPolygon, in: context)
        default:
            return try Geometry.collection([], as: .multiPolygon, in: context)
        }
    }

    /// The union of many geometries, retried on the millimetre grid when the floating-point one fails.
    public static func robustUnion(of geometries: [Geometry], in context: GeometryContext) throws(GeometryError) -> Geometry {
        if geometries.count == 1 { return geometries[0] }
        let collection = try collection(geometries, as: .geometryCollection, in: context)
        do { return try collection.unaryUnion() } catch { return try collection.areal().unaryUnion(gridSize: robustGridSize) }
    }
}
