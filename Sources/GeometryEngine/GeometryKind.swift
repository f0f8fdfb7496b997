internal import CGEOS

/// The OGC simple-feature types, with the raw values GEOS uses for them.
public enum GeometryKind: Int32, Sendable, CaseIterable {
    case point = 0
    case lineString = 1
    case linearRing = 2
    case polygon = 3
    case multiPoint = 4
    case multiLineString = 5
    case multiPolygon = 6
    case geometryCollection = 7

    /// True for the types that hold other geometries.
    public var isCollection: Bool { rawValue >= 4 }

    /// The multi-type that collects geometries of this type.
    var multiKind: GeometryKind {
        switch self {
        case .point, .multiPoint: .multiPoint
        case .lineString, .linearRing, .multiLineString: .multiLineString
        case .polygon, .multiPolygon: .multiPolygon
        case .geometryCollection: .geometryCollection
        }
    }
}
