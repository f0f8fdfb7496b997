/// What the GeoPackage writer must know about an ISO WKB geometry without a geometry library: its
/// type and its bounding box (for the blob header, the R-tree and `gpkg_contents`).
///
/// ISO 13249-3 / OGC 06-103r4 well-known binary: a byte-order byte (1 = little-endian), a uint32
/// type (1 point ... 7 collection; +1000 Z, +2000 M, +3000 ZM), then the coordinates or parts.
public struct WKBSummary: Sendable, Equatable {
    public var type: GeometryTypeName
    /// nil for an empty geometry (no coordinates, or NaN coordinates as in `POINT EMPTY`).
    public var envelope: BoundingBox?

    /// Reads `bytes`; fails with what is wrong (truncated, unknown type).
    public init(_ bytes: [UInt8]) throws(WKBError) {
        var reader = Reader(bytes: bytes)
        var box: BoundingBox?
        type = try reader.geometry(into: &box)
        envelope = box
        guard reader.offset == bytes.count else { throw WKBError("\(bytes.count - reader.offset) bytes after the geometry") }
    }

    /// `bytes` as the multi type of a layer: a single point, line or polygon wrapped into a
    /// one-part multi geometry (little-endian), anything else unchanged. GeoPackage wants every
    /// value of a column to be of the column's type or a subtype, and a LineString is not a
    /// subtype of MultiLineString.
    public static func promoted(_ bytes: [UInt8], to layerType: GeometryTypeName) throws(WKBError) -> [UInt8] {
        let own = try WKBSummary(bytes).type
        guard own != layerType, own.multi == layerType else { return bytes }
        var wrapped: [UInt8] = [1]
        wrapped += withUnsafeBytes(of: layerType.wkbCode.littleEndian, Array.init)
        wrapped += withUnsafeBytes(of: UInt32(1).littleEndian, Array.init)
        return wrapped + bytes
    }

    private struct Reader {
        let bytes: [UInt8]
        var offset = 0

        mutating func byte() throws(WKBError) -> UInt8 {
            guard offset < bytes.count else { throw WKBError("truncated at byte \(offset)") }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func uint32(littleEndian: Bool) throws(WKBError) -> UInt32 {
            guard offset + 4 <= bytes.count else { throw WKBError("truncated at byte \(offset)") }
            var value: UInt32 = 0
            for k in 0..<4 { value |= UInt32(bytes[offset + k]) << (8 * (littleEndian ? k : 3 - k)) }
            offset += 4
            return value
        }

        mutating func double(littleEndian: Bool) throws(WKBError) -> Double {
            guard offset + 8 <= bytes.count else { throw WKBError("truncated at byte \(offset)") }
            var value: UInt64 = 0
            for k in 0..<8 { value |= UInt64(bytes[offset + k]) << (8 * (littleEndian ? k : 7 - k)) }
            offset += 8
            return Double(bitPattern: value)
        }

        mutating func geometry(into box: inout BoundingBox?) throws(WKBError) -> GeometryTypeName {
            let order = try byte()
            guard order <= 1 else { throw WKBError("byte order \(order) at byte \(offset - 1)") }
            let little = order == 1
            let code = try uint32(littleEndian: little)
            guard let type = GeometryTypeName(wkbCode: code % 1000) else { throw WKBError("unknown geometry type \(code)") }
            let dimensions = [2, 3, 3, 4][Int(code / 1000) % 4]
            switch type {
            case .point:
                try points(1, dimensions: dimensions, littleEndian: little, into: &box)
            case .lineString:
                try points(Int(uint32(littleEndian: little)), dimensions: dimensions, littleEndian: little, into: &box)
            case .polygon:
                for _ in 0..<Int(try uint32(littleEndian: little)) {
                    try points(Int(uint32(littleEndian: little)), dimensions: dimensions, littleEndian: little, into: &box)
                }
            case .multiPoint, .multiLineString, .multiPolygon, .geometryCollection, .geometry:
                for _ in 0..<Int(try uint32(littleEndian: little)) { _ = try geometry(into: &box) }
            }
            return type
        }

        mutating func points(_ count: Int, dimensions: Int, littleEndian: Bool, into box: inout BoundingBox?) throws(WKBError) {
            guard count >= 0, offset + count * dimensions * 8 <= bytes.count else { throw WKBError("truncated at byte \(offset)") }
            for _ in 0..<count {
                let x = try double(littleEndian: littleEndian), y = try double(littleEndian: littleEndian)
                for _ in 2..<dimensions { _ = try double(littleEndian: littleEndian) }
                guard x.isFinite, y.isFinite else { continue }
                box = box.map { $0.including(x: x, y: y) } ?? BoundingBox(minX: x, maxX: x, minY: y, maxY: y)
            }
        }
    }
}

/// A malformed WKB geometry.
public struct WKBError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = "invalid WKB: " + description }
}

/// A 2D bounding box, in GeoPackage's envelope order (min x, max x, min y, max y).
public struct BoundingBox: Sendable, Equatable {
    public var minX: Double, maxX: Double, minY: Double, maxY: Double

    public init(minX: Double, maxX: Double, minY: Double, maxY: Double) {
        self.minX = minX
        self.maxX = maxX
        self.minY = minY
        self.maxY = maxY
    }

    public func including(x: Double, y: Double) -> BoundingBox {
        BoundingBox(minX: min(minX, x), maxX: max(maxX, x), minY: min(minY, y), maxY: max(maxY, y))
    }

    public func union(_ other: BoundingBox) -> BoundingBox {
        BoundingBox(minX: min(minX, other.minX), maxX: max(maxX, other.maxX), minY: min(minY, other.minY), maxY: max(maxY, other.maxY))
    }
}
