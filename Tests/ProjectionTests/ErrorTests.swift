import Testing
import Projection

@Suite struct ErrorTests {
    @Test(arguments: ["EPSG:999999", "nonsense", ""])
    func unknownSourceCRSIsNamed(definition: String) throws {
        let context = try ProjectionContext()
        let error = #expect(throws: ProjectionError.self) {
            try CoordinateTransformer(from: definition, to: "EPSG:25831", context: context)
        }
        #expect(error?.reason == .unrecognizedCRS)
        #expect(error?.crs == [definition])
        #expect(error?.description.contains("\"\(definition)\"") == true, "\(error?.description ?? "")")
        #expect(error?.description.contains("source") == true)
    }

    @Test func unknownTargetCRSIsNamedWithPROJsMessage() throws {
        let context = try ProjectionContext()
        let error = #expect(throws: ProjectionError.self) {
            try CoordinateTransformer(from: "EPSG:4326", to: "EPSG:999999", context: context)
        }
        #expect(error?.reason == .unrecognizedCRS)
        #expect(error?.projMessage?.contains("crs not found") == true, "\(error?.description ?? "")")
        #expect(error?.description.contains("target") == true)
    }

    @Test func aProjectionIsNotACRS() throws {
        let context = try ProjectionContext()
        let error = #expect(throws: ProjectionError.self) {
            try CoordinateTransformer(from: "+proj=utm +zone=31", to: "EPSG:25831", context: context)
        }
        #expect(error?.reason == .notACRS)
    }

    /// Long WKT is shortened in messages but kept whole in `crs`.
    @Test func longDefinitionsAreAbbreviated() throws {
        let context = try ProjectionContext()
        let broken = "PROJCRS[\"Broken\"," + String(repeating: "x", count: 500)
        let error = #expect(throws: ProjectionError.self) {
            try CoordinateTransformer(from: "EPSG:4326", to: broken, context: context)
        }
        #expect(error?.crs == [broken])
        #expect(error?.description.contains("PROJCRS[\"Broken\"") == true)
        #expect(error?.description.contains("(\(broken.count) characters)") == true, "\(error?.description ?? "")")
        #expect((error?.description.count ?? 0) < 400)
    }

    @Test func isGeographicNamesAnUnknownCRS() throws {
        let context = try ProjectionContext()
        let error = #expect(throws: ProjectionError.self) {
            try MetricCRS.isGeographic("EPSG:999999", context: context)
        }
        #expect(error?.description.contains("EPSG:999999") == true)
    }
}
