internal import CGEOS

extension Geometry {
    /// Area in the square units of the coordinates (m2 in a projected CRS); 0 for points and lines.
    public var area: Double {
        var value = 0.0
        GEOSArea_r(context.handle, handle, &value)
        return value
    }

    /// Length of lines, or perimeter of polygons, in coordinate units.
    public var length: Double {
        var value = 0.0
        GEOSLength_r(context.handle, handle, &value)
        return value
    }

    /// Shortest distance between the two geometries (0 when they touch or overlap).
    public func distance(to other: Geometry) throws(GeometryError) -> Double {
        var value = 0.0
        guard GEOSDistance_r(context.handle, handle, other.handle, &value) == 1 else {
            throw GeometryError(operation: "distance", message: context.takeError() ?? "failed")
        }
        return value
    }

    /// The bounding box, or nil for an empty geometry.
    public var envelope: Envelope? {
        guard !isEmpty else { return nil }
        var box = Envelope(minX: 0, minY: 0, maxX: 0, maxY: 0)
        let ctx = context.handle
        GEOSGeom_getXMin_r(ctx, handle, &box.minX)
        GEOSGeom_getYMin_r(ctx, handle, &box.minY)
        GEOSGeom_getXMax_r(ctx, handle, &box.maxX)
        GEOSGeom_getYMax_r(ctx, handle, &box.maxY)
        return box
    }

    /// The envelope as a geometry (a polygon, or a point for a single point).
    public func envelopeGeometry() throws(GeometryError) -> Geometry {
        try derive("envelope") { GEOSEnvelope_r($0, $1) }
    }

    /// The centre of mass.
    public func centroid() throws(GeometryError) -> Geometry {
        try derive("centroid") { GEOSGetCentroid_r($0, $1) }
    }

    /// A point guaranteed to lie on the geometry (unlike the centroid of a U-shaped polygon).
    public func pointOnSurface() throws(GeometryError) -> Geometry {
        try derive("point on surface") { GEOSPointOnSurface_r($0, $1) }
    }

    /// The point at `distance` along a line (clamped to its ends).
    public func interpolate(distance: Double) throws(GeometryError) -> Geometry {
        try derive("interpolate") { GEOSInterpolate_r($0, $1, distance) }
    }

    /// Distance along this line to the point on it nearest `point`.
    public func project(_ point: Geometry) -> Double {
        GEOSProject_r(context.handle, handle, point.handle)
    }
}

extension Geometry {
    /// The smallest convex polygon holding the geometry (a study area drawn round the buildings).
    public func convexHull() throws(GeometryError) -> Geometry {
        try derive("convex hull") { GEOSConvexHull_r($0, $1) }
    }

    /// The discrete Hausdorff distance: how far the farthest point of either geometry lies from the
    /// other. `densify` (0 < f <= 1) adds points every f of each segment first, so two lines with
    /// different vertices but the same course compare close (before/after street matching).
    public func hausdorffDistance(to other: Geometry, densify: Double? = nil) throws(GeometryError) -> Double {
        guard other.context === context else {
            throw GeometryError(operation: "Hausdorff distance", message: "geometries belong to different contexts")
        }
        var value = 0.0
        let status: Int32
        if let densify {
            status = GEOSHausdorffDistanceDensify_r(context.handle, handle, other.handle, densify, &value)
        } else {
            status = GEOSHausdorffDistance_r(context.handle, handle, other.handle, &value)
        }
        guard status == 1 else {
            throw GeometryError(operation: "Hausdorff distance", message: context.takeError() ?? "failed")
        }
        return value
    }
}
