import GeoJSON

/// Where a feature came from, so every message can point the user at it.
public struct FeatureOrigin: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// 0-based position in the file's `features` array.
    public var index: Int
    public var id: String?

    public init(file: String, index: Int, id: String?) {
        self.file = file
        self.index = index
        self.id = id
    }

    /// The index of an object of an OSM extract that gave no feature (a broken multipolygon): such
    /// an origin is named by the object alone, `geneva.osm.pbf: relation 1234`.
    public static let notExported = -1

    public var description: String {
        if index == Self.notExported { return "\(file): \(id ?? "an object")" }
        return "\(file): feature \(index)" + (id.map { " (id \($0))" } ?? "")
    }
}

/// One feature of a district, sorted into its layer, with metric coordinates.
///
/// The geometry is kept as flat coordinate buffers (a Sendable value): analyses turn it into GEOS
/// geometries once, in the context of the task that does the work.
public struct DistrictFeature: Sendable, Equatable {
    /// Stable id for matching before/after: own `id`, else `osm_id`, `@id`, the feature id, else
    /// "file#index".
    public var id: String
    public var layer: Layer
    /// Coordinates in the district's metric CRS.
    public var geometry: GeoJSONGeometry
    public var attributes: Attributes
    public var origin: FeatureOrigin

    public init(id: String, layer: Layer, geometry: GeoJSONGeometry, attributes: Attributes, origin: FeatureOrigin) {
        self.id = id
        self.layer = layer
        self.geometry = geometry
        self.attributes = attributes
        self.origin = origin
    }
}

extension GeoJSONGeometry {
    /// Points, lines or polygons.
    public var family: GeometryFamily {
        switch self {
        case .point, .multiPoint: .point
        case .lineString, .multiLineString: .line
        case .polygon, .multiPolygon: .polygon
        case .geometryCollection(let members):
            Set(members.map(\.family)).count == 1 ? members[0].family : .mixed
        }
    }

    /// Applies `body` to every flat coordinate buffer (points become one-point buffers).
    func mapBuffers(_ body: ([Double]) throws -> [Double]) rethrows -> GeoJSONGeometry {
        switch self {
        case .point(let x, let y):
            let xy = try body([x, y])
            return .point(x: xy[0], y: xy[1])
        case .multiPoint(let xy): return .multiPoint(try body(xy))
        case .lineString(let xy): return .lineString(try body(xy))
        case .multiLineString(let lines): return .multiLineString(try lines.map(body))
        case .polygon(let rings): return .polygon(try rings.map(body))
        case .multiPolygon(let polygons): return .multiPolygon(try polygons.map { try $0.map(body) })
        case .geometryCollection(let members): return .geometryCollection(try members.map { try $0.mapBuffers(body) })
        }
    }
}
