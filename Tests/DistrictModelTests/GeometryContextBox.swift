import GeoJSON
import GeometryEngine
import DistrictModel

/// Measures GeoJSON values through GEOS, for assertions.
struct GeometryContextBox {
    let context = GeometryContext()

    func area(of value: GeoJSONGeometry) throws -> Double {
        try context.geometry(from: value).area
    }
}
