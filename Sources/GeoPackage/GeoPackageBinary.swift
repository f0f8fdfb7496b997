/// GeoPackage geometry blobs (GeoPackage 1.3, clause 2.1.3 "GeoPackageBinary"): a header, then ISO
/// WKB.
///
/// Header: magic `GP`, version 0, a flags byte, the srs_id (int32), then the envelope. Flags, bit
/// by bit from the lowest: byte order of the header (1 = little-endian), envelope type in bits 1-3
/// (0 none, 1 = [minx, maxx, miny, maxy]), bit 4 empty geometry, bit 5 extended type (0 here).
public enum GeoPackageBinary {
    /// The blob of `wkb` with its envelope (type 1) in little-endian order, or with the empty flag
    /// and no envelope when the geometry has no coordinates.
    public static func encode(wkb: [UInt8], srsID: Int32, envelope: BoundingBox?) -> [UInt8] {
        var bytes: [UInt8] = [0x47, 0x50, 0]  // "GP", version 0 (= GeoPackage 1.0 and later)
        let littleEndian: UInt8 = 1
        bytes.append(envelope == nil ? littleEndian | (1 << 4) : littleEndian | (1 << 1))
        bytes += withUnsafeBytes(of: srsID.littleEndian, Array.init)
        if let envelope {
            for value in [envelope.minX, envelope.maxX, envelope.minY, envelope.maxY] {
                bytes += withUnsafeBytes(of: value.bitPattern.littleEndian, Array.init)
            }
        }
        return bytes + wkb
    }

    /// A blob's header and its WKB, as a reader (ours in the tests, or any) sees them.
    public struct Decoded: Sendable, Equatable {
        public var srsID: Int32
        public var envelope: BoundingBox?
        public var isEmpty: Bool
        public var wkb: [UInt8]
    }

    /// Parses a blob; fails when it is not GeoPackage binary.
    public static func decode(_ blob: [UInt8]) throws(WKBError) -> Decoded {
        guard blob.count >= 8, blob[0] == 0x47, blob[1] == 0x50 else { throw WKBError("no GeoPackage header (magic 'GP')") }
        guard blob[2] == 0 else { throw WKBError("GeoPackage binary version \(blob[2])") }
        let flags = blob[3]
        let little = flags & 1 == 1
        let envelopeType = Int((flags >> 1) & 0b111)
        let doubles = [0, 4, 6, 6, 8]
        guard envelopeType < doubles.count else { throw WKBError("envelope type \(envelopeType)") }
        func uint(_ at: Int, _ size: Int) -> UInt64 {
            var value: UInt64 = 0
            for k in 0..<size { value |= UInt64(blob[at + k]) << (8 * (little ? k : size - 1 - k)) }
            return value
        }
        let headerSize = 8 + 8 * doubles[envelopeType]
        guard blob.count >= headerSize else { throw WKBError("truncated GeoPackage header") }
        var envelope: BoundingBox?
        if envelopeType > 0 {
            let v = (0..<4).map { Double(bitPattern: uint(8 + 8 * $0, 8)) }
            envelope = BoundingBox(minX: v[0], maxX: v[1], minY: v[2], maxY: v[3])
        }
        return Decoded(srsID: Int32(truncatingIfNeeded: uint(4, 4)), envelope: envelope, isEmpty: flags & (1 << 4) != 0,
                       wkb: Array(blob[headerSize...]))
    }
}
