/// A two-dimensional GeoJSON geometry (RFC 7946 section 3.1).
///
/// Coordinates live in flat, interleaved buffers, `[x0, y0, x1, y1, ...]`, rather than in arrays of point
/// structs: a city-wide file holds millions of positions, and one contiguous `[Double]` per line or ring
/// costs one allocation instead of one per point and hands straight to GEOS and PROJ, which use the same
/// layout. `x` is longitude (or easting), `y` latitude (or northing). Z values in a file are dropped on
/// reading: the toolkit's analysis is planar.
public enum GeoJSONGeometry: Sendable, Equatable {
    case point(x: Double, y: Double)
    /// `x0, y0, x1, y1, ...`; may be empty.
    case multiPoint([Double])
    /// `x0, y0, x1, y1, ...`; at least two positions.
    case lineString([Double])
    /// One flat buffer per line; each has at least two positions.
    case multiLineString([[Double]])
    /// Rings, exterior first, then holes. Each ring is flat and closed (its last position repeats its
    /// first) and has at least four positions.
    case polygon([[Double]])
    /// One array of rings per polygon, laid out as in `polygon`.
    case multiPolygon([[[Double]]])
    case geometryCollection([GeoJSONGeometry])
}

extension GeoJSONGeometry {
    /// The RFC 7946 name of the geometry type, as written in the `"type"` member.
    public var typeName: String {
        switch self {
        case .point: "Point"
        case .multiPoint: "MultiPoint"
        case .lineString: "LineString"
        case .multiLineString: "MultiLineString"
        case .polygon: "Polygon"
        case .multiPolygon: "MultiPolygon"
        case .geometryCollection: "GeometryCollection"
        }
    }

    /// The number of positions stored, closing positions of rings included (a square polygon counts 5).
    public var pointCount: Int {
        switch self {
        case .point: 1
        case .multiPoint(let xy), .lineString(let xy): xy.count / 2
        case .multiLineString(let parts), .polygon(let parts): parts.reduce(0) { $0 + $1.count / 2 }
        case .multiPolygon(let polygons):
            polygons.reduce(0) { total, rings in rings.reduce(total) { $0 + $1.count / 2 } }
        case .geometryCollection(let members): members.reduce(0) { $0 + $1.pointCount }
        }
    }

    /// The smallest axis-aligned box holding every position, or nil when the geometry has no positions
    /// (an empty MultiPoint, say) - there is no honest box for nothing.
    public var bounds: (minX: Double, minY: Double, maxX: Double, maxY: Double)? {
        var box = BoundsAccumulator()
        box.add(self)
        return box.result
    }
}

/// Grows a bounding box over flat coordinate buffers without allocating.
private struct BoundsAccumulator {
    var minX = Double.infinity, minY = Double.infinity
    var maxX = -Double.infinity, maxY = -Double.infinity

    var result: (minX: Double, minY: Double, maxX: Double, maxY: Double)? {
        minX <= maxX ? (minX, minY, maxX, maxY) : nil
    }

    mutating func add(_ geometry: GeoJSONGeometry) {
        switch geometry {
        case .point(let x, let y): add(x: x, y: y)
        case .multiPoint(let xy), .lineString(let xy): add(xy)
        case .multiLineString(let parts), .polygon(let parts): parts.forEach { add($0) }
        case .multiPolygon(let polygons): polygons.forEach { $0.forEach { add($0) } }
        case .geometryCollection(let members): members.forEach { add($0) }
        }
    }

    mutating func add(_ xy: [Double]) {
        var index = 0
        while index + 1 < xy.count {
            add(x: xy[index], y: xy[index + 1])
            index += 2
        }
    }

    mutating func add(x: Double, y: Double) {
        minX = Swift.min(minX, x)
        minY = Swift.min(minY, y)
        maxX = Swift.max(maxX, x)
        maxY = Swift.max(maxY, y)
    }
}
