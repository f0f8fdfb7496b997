internal import CGEOS

extension Geometry {
    /// The vertices of a point, line string or linear ring as a flat `x, y` buffer; for other types,
    /// every vertex in order (polygons: exterior then holes; collections: member by member).
    public var coordinates: [Double] {
        switch kind {
        case .point, .lineString, .linearRing:
            return Self.copy(sequenceOf: handle, context: context)
        case .polygon:
            return rings.flatMap { $0 }
        case .multiPoint, .multiLineString, .multiPolygon, .geometryCollection:
            return parts.flatMap(\.coordinates)
        }
    }

    /// The rings of a polygon as flat `x, y` buffers, exterior first. Empty for other types.
    public var rings: [[Double]] {
        guard kind == .polygon, !isEmpty else { return [] }
        let ctx = context.handle
        var result = [Self.copy(sequenceOf: GEOSGetExteriorRing_r(ctx, handle)!, context: context)]
        let holes = GEOSGetNumInteriorRings_r(ctx, handle)
        if holes > 0 {
            for index in 0..<holes {
                result.append(Self.copy(sequenceOf: GEOSGetInteriorRingN_r(ctx, handle, index)!, context: context))
            }
        }
        return result
    }

    /// Number of vertices.
    public var pointCount: Int {
        switch kind {
        case .point: isEmpty ? 0 : 1
        case .lineString, .linearRing: Int(GEOSGeomGetNumPoints_r(context.handle, handle))
        default: coordinates.count / 2
        }
    }

    /// Copies the coordinates of a (borrowed) simple geometry straight from GEOS's sequence.
    private static func copy(sequenceOf geometry: OpaquePointer, context: GeometryContext) -> [Double] {
        let ctx = context.handle
        guard GEOSisEmpty_r(ctx, geometry) == 0, let sequence = GEOSGeom_getCoordSeq_r(ctx, geometry) else { return [] }
        var size: UInt32 = 0
        GEOSCoordSeq_getSize_r(ctx, sequence, &size)
        return [Double](unsafeUninitializedCapacity: Int(size) * 2) { buffer, initialised in
            GEOSCoordSeq_copyToBuffer_r(ctx, sequence, buffer.baseAddress, 0, 0)
            initialised = Int(size) * 2
        }
    }
}
