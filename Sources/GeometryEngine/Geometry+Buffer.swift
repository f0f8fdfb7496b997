internal import CGEOS

/// How a buffer ends and turns. Street bands use round caps and joins with 8 segments a quadrant
/// (DESIGN.md section 4.1); flat caps make bands that end exactly at a segment's end.
public struct BufferStyle: Sendable, Equatable {
    public enum Cap: Int32, Sendable { case round = 1, flat = 2, square = 3 }
    public enum Join: Int32, Sendable { case round = 1, mitre = 2, bevel = 3 }

    public var cap: Cap
    public var join: Join
    public var quadrantSegments: Int
    public var mitreLimit: Double
    /// Buffer one side only: left for positive distances, right for negative ones.
    public var singleSided: Bool

    public init(cap: Cap = .round, join: Join = .round, quadrantSegments: Int = 8, mitreLimit: Double = 5, singleSided: Bool = false) {
        self.cap = cap
        self.join = join
        self.quadrantSegments = quadrantSegments
        self.mitreLimit = mitreLimit
        self.singleSided = singleSided
    }

    public static let round = BufferStyle()
    public static let flat = BufferStyle(cap: .flat)
}

extension Geometry {
    /// The area within `distance` of this geometry.
    public func buffer(_ distance: Double, style: BufferStyle = .round) throws(GeometryError) -> Geometry {
        let ctx = context.handle
        guard let params = GEOSBufferParams_create_r(ctx) else {
            throw GeometryError(operation: "buffer", message: context.takeError() ?? "cannot create parameters")
        }
        defer { GEOSBufferParams_destroy_r(ctx, params) }
        GEOSBufferParams_setEndCapStyle_r(ctx, params, style.cap.rawValue)
        GEOSBufferParams_setJoinStyle_r(ctx, params, style.join.rawValue)
        GEOSBufferParams_setQuadrantSegments_r(ctx, params, Int32(style.quadrantSegments))
        GEOSBufferParams_setMitreLimit_r(ctx, params, style.mitreLimit)
        GEOSBufferParams_setSingleSided_r(ctx, params, style.singleSided ? 1 : 0)
        return try derive("buffer") { GEOSBufferWithParams_r($0, $1, params, distance) }
    }

    /// A line parallel to this one, `distance` to the left (negative: to the right).
    public func offsetCurve(_ distance: Double, style: BufferStyle = .round) throws(GeometryError) -> Geometry {
        try derive("offset curve") {
            GEOSOffsetCurve_r($0, $1, distance, Int32(style.quadrantSegments), style.join.rawValue, style.mitreLimit)
        }
    }
}
