/// The seven geometry types of RFC 7946 section 1.4, as the parser tells them apart.
enum GeometryType {
    case point, multiPoint, lineString, multiLineString, polygon, multiPolygon, geometryCollection

    /// Matches a `"type"` value; nil for anything RFC 7946 does not define. Case-sensitive, as the
    /// RFC is: `"linestring"` is not a geometry type.
    init?(utf8 name: UnsafeBufferPointer<UInt8>) {
        if name.equals("LineString") { self = .lineString }
        else if name.equals("Polygon") { self = .polygon }
        else if name.equals("MultiPolygon") { self = .multiPolygon }
        else if name.equals("Point") { self = .point }
        else if name.equals("MultiLineString") { self = .multiLineString }
        else if name.equals("MultiPoint") { self = .multiPoint }
        else if name.equals("GeometryCollection") { self = .geometryCollection }
        else { return nil }
    }

    init?(name: String) {
        var name = name
        guard let type = name.withUTF8({ GeometryType(utf8: $0) }) else { return nil }
        self = type
    }

    var name: String {
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

    /// What one part of a multi-part geometry is called in error messages ("MultiPolygon polygon 2").
    var partName: String {
        switch self {
        case .multiPoint: "point"
        case .multiLineString: "line"
        case .multiPolygon: "polygon"
        default: "part"
        }
    }
}
