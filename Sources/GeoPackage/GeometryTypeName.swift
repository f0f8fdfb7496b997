/// The geometry types of a GeoPackage geometry column (`gpkg_geometry_columns.geometry_type_name`,
/// GeoPackage 1.3 Annex E), with their WKB codes.
public enum GeometryTypeName: String, Sendable, CaseIterable {
    case geometry = "GEOMETRY"
    case point = "POINT"
    case lineString = "LINESTRING"
    case polygon = "POLYGON"
    case multiPoint = "MULTIPOINT"
    case multiLineString = "MULTILINESTRING"
    case multiPolygon = "MULTIPOLYGON"
    case geometryCollection = "GEOMETRYCOLLECTION"

    public var wkbCode: UInt32 {
        switch self {
        case .geometry: 0
        case .point: 1
        case .lineString: 2
        case .polygon: 3
        case .multiPoint: 4
        case .multiLineString: 5
        case .multiPolygon: 6
        case .geometryCollection: 7
        }
    }

    init?(wkbCode: UInt32) {
        guard let type = Self.allCases.first(where: { $0.wkbCode == wkbCode && $0 != .geometry }) else { return nil }
        self = type
    }

    /// The multi type holding this type (itself for multi types and collections).
    public var multi: GeometryTypeName {
        switch self {
        case .point: .multiPoint
        case .lineString: .multiLineString
        case .polygon: .multiPolygon
        default: self
        }
    }

    /// The narrowest column type every one of `types` fits: the type itself when all agree, the
    /// multi type when they mix single and multi of one kind (singles are then promoted), else
    /// GEOMETRY. An empty layer is GEOMETRY unless `fallback` says what it would hold.
    public static func fitting(_ types: [GeometryTypeName], fallback: GeometryTypeName = .geometry) -> GeometryTypeName {
        let distinct = Set(types)
        if distinct.isEmpty { return fallback }
        if distinct.count == 1 { return distinct.first! }
        let multis = Set(distinct.map(\.multi))
        if multis.count == 1, let multi = multis.first, multi != .geometryCollection { return multi }
        return .geometry
    }
}
