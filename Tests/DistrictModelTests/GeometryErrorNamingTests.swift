import DistrictModel
import GeometryEngine
import Testing

/// A GEOS failure names the feature it was working on (issue 10).
@Suite struct GeometryErrorNamingTests {
    @Test func aFailureCarriesTheFeature() throws {
        let origin = FeatureOrigin(file: "roads.geojson", index: 12, id: "way/42")
        do {
            _ = try GeometryError.naming(origin) { () throws(GeometryError) -> Int in
                throw GeometryError(operation: "buffer", message: "TopologyException: side location conflict")
            }
            Issue.record("no error")
        } catch {
            #expect(error.operation == "buffer")
            #expect(error.description == "buffer: roads.geojson: feature 12 (id way/42): TopologyException: side location conflict")
        }
        #expect(try GeometryError.naming(origin) { () throws(GeometryError) in 7 } == 7)
    }
}
