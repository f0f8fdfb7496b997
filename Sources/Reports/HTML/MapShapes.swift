import GeoJSON
import GeometryEngine

/// Geometries turned into SVG path data at the edge of the report: district features from their
/// flat coordinate buffers, resolved street space from its WKB through GEOS.
enum MapShapes {
    /// Polygons as filled rings, lines as strokes, points as dots: whatever the geometry holds.
    static func path(of geometry: GeoJSONGeometry, in frame: MapFrame) -> SVGPath {
        var path = SVGPath()
        add(geometry, to: &path, in: frame)
        return path
    }

    static func add(_ geometry: GeoJSONGeometry, to path: inout SVGPath, in frame: MapFrame) {
        switch geometry {
        case .point(let x, let y): path.addDot(x: x, y: y, in: frame)
        case .multiPoint(let xy):
            var i = 0
            while i + 1 < xy.count { path.addDot(x: xy[i], y: xy[i + 1], in: frame); i += 2 }
        case .lineString(let xy): path.addLine(xy, in: frame)
        case .multiLineString(let lines): for line in lines { path.addLine(line, in: frame) }
        case .polygon(let rings): for ring in rings { path.addRing(ring, in: frame) }
        case .multiPolygon(let polygons): for ring in polygons.joined() { path.addRing(ring, in: frame) }
        case .geometryCollection(let members): for member in members { add(member, to: &path, in: frame) }
        }
    }

    /// A polygon or multipolygon given as WKB (`SpacePiece.wkb`, noise-band polygons).
    static func path(ofWKB wkb: [UInt8], context: GeometryContext, in frame: MapFrame) throws(GeometryError) -> SVGPath {
        var path = SVGPath()
        try add(Geometry.fromWKB(wkb, in: context), to: &path, in: frame)
        return path
    }

    private static func add(_ geometry: Geometry, to path: inout SVGPath, in frame: MapFrame) {
        switch geometry.kind {
        case .polygon: for ring in geometry.rings { path.addRing(ring, in: frame) }
        case .lineString, .linearRing: path.addLine(geometry.coordinates, in: frame)
        case .point:
            let xy = geometry.coordinates
            if xy.count >= 2 { path.addDot(x: xy[0], y: xy[1], in: frame) }
        case .multiPoint, .multiLineString, .multiPolygon, .geometryCollection:
            for part in geometry.parts { add(part, to: &path, in: frame) }
        }
    }

    /// A label position for a polygon feature: the centre of its largest ring's box (good enough
    /// for the compact lots and cells it labels).
    static func labelPoint(of geometry: GeoJSONGeometry) -> (x: Double, y: Double)? {
        let rings: [[Double]]
        switch geometry {
        case .polygon(let polygon): rings = Array(polygon.prefix(1))
        case .multiPolygon(let polygons): rings = polygons.compactMap(\.first)
        default: return geometry.envelope.map { $0.center }
        }
        let boxes = rings.compactMap { Envelope(xy: $0) }
        return boxes.max { $0.width * $0.height < $1.width * $1.height }.map { $0.center }
    }
}
