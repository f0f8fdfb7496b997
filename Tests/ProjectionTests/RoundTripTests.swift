import Testing
import Projection

@Suite struct RoundTripTests {
    /// 1e-9 degrees is about 0.1 mm on the ground.
    static let tolerance = 1e-9

    @Test(arguments: [
        ("EPSG:25831", 2.17, 41.387),
        ("EPSG:2154", -3.37, 47.74),
        ("EPSG:32618", -74.0, 40.7),
        ("EPSG:32756", 151.2, -33.9),
        ("EPSG:3857", 2.17, 41.387),
    ])
    func forwardThenInverseReturnsTheInput(target: String, longitude: Double, latitude: Double) throws {
        let context = try ProjectionContext()
        let forward = try CoordinateTransformer(from: "EPSG:4326", to: target, context: context)
        let inverse = try forward.inverse()
        #expect(inverse.source == target)
        #expect(inverse.target == "EPSG:4326")

        let projected = try forward.transform(x: longitude, y: latitude)
        let back = try inverse.transform(x: projected.x, y: projected.y)
        #expect(abs(back.x - longitude) < Self.tolerance)
        #expect(abs(back.y - latitude) < Self.tolerance)
    }

    @Test func bulkRoundTrip() throws {
        let context = try ProjectionContext()
        let forward = try CoordinateTransformer(from: "EPSG:4326", to: "EPSG:25831", context: context)
        let inverse = try forward.inverse()
        let original = SampleGrid.barcelona(points: 2_000)
        var xy = original
        #expect(forward.transform(&xy).allSucceeded)
        #expect(inverse.transform(&xy).allSucceeded)
        for index in original.indices {
            #expect(abs(xy[index] - original[index]) < Self.tolerance)
        }
    }

    /// The inverse of the inverse runs the operation forwards again.
    @Test func inverseOfInverseIsForward() throws {
        let context = try ProjectionContext()
        let forward = try CoordinateTransformer(from: "EPSG:4326", to: "EPSG:25831", context: context)
        let again = try forward.inverse().inverse()
        #expect(again.source == "EPSG:4326" && again.target == "EPSG:25831")
        #expect(try again.transform(x: 2.17, y: 41.387) == forward.transform(x: 2.17, y: 41.387))
    }
}
