internal import CGEOS

extension Geometry {
    /// Well-known binary (ISO, little-endian, 2D): the Sendable form in which geometries cross tasks
    /// and the storage format of GeoPackage.
    public func wkb() throws(GeometryError) -> [UInt8] {
        let ctx = context.handle
        guard let writer = GEOSWKBWriter_create_r(ctx) else {
            throw GeometryError(operation: "WKB", message: context.takeError() ?? "cannot create writer")
        }
        defer { GEOSWKBWriter_destroy_r(ctx, writer) }
        GEOSWKBWriter_setOutputDimension_r(ctx, writer, 2)
        GEOSWKBWriter_setByteOrder_r(ctx, writer, 1)  // 1 = little endian (NDR)
        var size = 0
        guard let bytes = GEOSWKBWriter_write_r(ctx, writer, handle, &size) else {
            throw GeometryError(operation: "WKB", message: context.takeError() ?? "cannot write")
        }
        defer { GEOSFree_r(ctx, bytes) }  // GEOS-allocated buffers go back through GEOS
        return Array(UnsafeBufferPointer(start: bytes, count: size))
    }

    /// Reads well-known binary.
    public static func fromWKB(_ bytes: [UInt8], in context: GeometryContext) throws(GeometryError) -> Geometry {
        let ctx = context.handle
        guard let reader = GEOSWKBReader_create_r(ctx) else {
            throw GeometryError(operation: "WKB", message: context.takeError() ?? "cannot create reader")
        }
        defer { GEOSWKBReader_destroy_r(ctx, reader) }
        let made = bytes.withUnsafeBufferPointer { GEOSWKBReader_read_r(ctx, reader, $0.baseAddress, $0.count) }
        return try context.owning(made, "read WKB")
    }

    /// Well-known text; `precision` digits after the decimal point, trailing zeros trimmed.
    public func wkt(precision: Int = 6) throws(GeometryError) -> String {
        let ctx = context.handle
        guard let writer = GEOSWKTWriter_create_r(ctx) else {
            throw GeometryError(operation: "WKT", message: context.takeError() ?? "cannot create writer")
        }
        defer { GEOSWKTWriter_destroy_r(ctx, writer) }
        GEOSWKTWriter_setTrim_r(ctx, writer, 1)
        GEOSWKTWriter_setRoundingPrecision_r(ctx, writer, Int32(precision))
        GEOSWKTWriter_setOutputDimension_r(ctx, writer, 2)
        guard let text = GEOSWKTWriter_write_r(ctx, writer, handle) else {
            throw GeometryError(operation: "WKT", message: context.takeError() ?? "cannot write")
        }
        defer { GEOSFree_r(ctx, text) }
        return String(cString: text)
    }

    /// Reads well-known text, e.g. the `geometria_etrs89` column of Barcelona's census sections.
    public static func fromWKT(_ text: String, in context: GeometryContext) throws(GeometryError) -> Geometry {
        let ctx = context.handle
        guard let reader = GEOSWKTReader_create_r(ctx) else {
            throw GeometryError(operation: "WKT", message: context.takeError() ?? "cannot create reader")
        }
        defer { GEOSWKTReader_destroy_r(ctx, reader) }
        return try context.owning(GEOSWKTReader_read_r(ctx, reader, text), "read WKT")
    }
}
