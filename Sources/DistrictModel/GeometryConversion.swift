import GeoJSON
import GeometryEngine

/// The two edges where coordinates cross between the GeoJSON model and GEOS. Everything between
/// them stays inside GEOS.
extension GeometryContext {
    /// A GEOS geometry from flat GeoJSON buffers.
    public func geometry(from value: GeoJSONGeometry) throws(GeometryError) -> Geometry {
        switch value {
        case .point(let x, let y):
            return try Geometry.point(x: x, y: y, in: self)
        case .multiPoint(let xy):
            var points: [Geometry] = []
            var index = 0
            while index + 1 < xy.count {
                points.append(try Geometry.point(x: xy[index], y: xy[index + 1], in: self))
                index += 2
            }
            return try Geometry.collection(points, as: .multiPoint, in: self)
        case .lineString(let xy):
            return try Geometry.lineString(xy, in: self)
        case .multiLineString(let lines):
            var members: [Geometry] = []
            for line in lines { members.append(try Geometry.lineString(line, in: self)) }
            return try Geometry.collection(members, as: .multiLineString, in: self)
        case .polygon(let rings):
            return try Geometry.polygon(rings, in: self)
        case .multiPolygon(let polygons):
            var members: [Geometry] = []
            for rings in polygons { members.append(try Geometry.polygon(rings, in: self)) }
            return try Geometry.collection(members, as: .multiPolygon, in: self)
        case .geometryCollection(let values):
            var members: [Geometry] = []
            for member in values { members.append(try geometry(from: member)) }
            return try Geometry.collection(members, as: .geometryCollection, in: self)
        }
    }
}

extension Geometry {
    /// The geometry as flat GeoJSON buffers (linear rings come out as line strings).
    public var geoJSON: GeoJSONGeometry {
        switch kind {
        case .point:
            let xy = coordinates
            return xy.count == 2 ? .point(x: xy[0], y: xy[1]) : .multiPoint([])
        case .lineString, .linearRing: return .lineString(coordinates)
        case .polygon: return .polygon(rings)
        case .multiPoint: return .multiPoint(coordinates)
        case .multiLineString: return .multiLineString(parts.map(\.coordinates))
        case .multiPolygon: return .multiPolygon(parts.map(\.rings))
        case .geometryCollection: return .geometryCollection(parts.map(\.geoJSON))
        }
    }

    /// Only the polygonal parts (make-valid can return a collection with stray lines or points),
    /// nil when there are none; a single polygon found in a collection is returned as itself.
    public func polygonalParts() throws(GeometryError) -> Geometry? {
        let polygons = try areal()
        guard !polygons.isEmpty else { return nil }
        return kind == .geometryCollection && polygons.partCount == 1 ? polygons.parts[0] : polygons
    }
}
