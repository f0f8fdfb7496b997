import Testing
import Projection

@Suite struct BulkTransformTests {
    /// The bulk path feeds PROJ the same z and t as the single-point path, so they agree exactly.
    @Test func bulkEqualsPerPoint() throws {
        let context = try ProjectionContext()
        let transformer = try CoordinateTransformer(from: "EPSG:4326", to: "EPSG:25831", context: context)
        let original = SampleGrid.barcelona(points: 5_000)
        var xy = original
        let report = transformer.transform(&xy)
        #expect(report == TransformReport(pointCount: 5_000))
        for index in 0..<5_000 {
            let single = try transformer.transform(x: original[2 * index], y: original[2 * index + 1])
            #expect(xy[2 * index] == single.x && xy[2 * index + 1] == single.y, "point \(index)")
        }
    }

    @Test func failedPointsBecomeNaNAndAreReported() throws {
        let context = try ProjectionContext()
        let transformer = try CoordinateTransformer(from: "EPSG:4326", to: "EPSG:25831", context: context)
        var xy = [2.17, 41.387,   2.0, 95.0,   2.18, 41.39,   .nan, 41.0,   2.19, 41.40]
        let report = transformer.transform(&xy)

        #expect(report.pointCount == 5)
        #expect(report.failedIndices == [1, 3])
        #expect(!report.allSucceeded)
        #expect(report.failureMessage?.contains("latitude") == true, "\(report.failureMessage ?? "no message")")
        #expect(xy[2].isNaN && xy[3].isNaN && xy[6].isNaN && xy[7].isNaN)
        #expect(abs(xy[0] - 430605.3064) < 0.001 && abs(xy[1] - 4582051.5055) < 0.001)
        for (index, point) in [(2, (2.18, 41.39)), (4, (2.19, 41.40))] {
            let single = try transformer.transform(x: point.0, y: point.1)
            #expect(xy[2 * index] == single.x && xy[2 * index + 1] == single.y, "point \(index)")
        }
    }

    /// A projected point far beyond the zone's domain fails on the way back to degrees.
    @Test func inverseOfAPointFarOutside() throws {
        let context = try ProjectionContext()
        let inverse = try CoordinateTransformer(from: "EPSG:4326", to: "EPSG:25831", context: context).inverse()
        var xy = [430605.3064, 4582051.5055, 1e12, 1e12]
        let report = inverse.transform(&xy)
        #expect(report.failedIndices == [1])
        #expect(abs(xy[0] - 2.17) < 1e-9 && abs(xy[1] - 41.387) < 1e-9)
    }

    @Test func singlePointFailureThrowsWithPROJsReason() throws {
        let context = try ProjectionContext()
        let transformer = try CoordinateTransformer(from: "EPSG:4326", to: "EPSG:25831", context: context)
        let error = #expect(throws: ProjectionError.self) { try transformer.transform(x: 2.0, y: 95.0) }
        #expect(error?.reason == .pointNotTransformed)
        #expect(error?.crs == ["EPSG:4326", "EPSG:25831"])
        let description = error?.description ?? ""
        #expect(description.contains("95.0") && description.contains("EPSG:25831"), "\(description)")
        #expect(error?.projMessage != nil, "\(description)")
        // The failure leaves the transformer usable, and its next error is not the old one.
        #expect(try transformer.transform(x: 2.17, y: 41.387).x > 430_000)
    }

    @Test func emptyBuffer() throws {
        let context = try ProjectionContext()
        let transformer = try CoordinateTransformer(from: "EPSG:4326", to: "EPSG:25831", context: context)
        var xy: [Double] = []
        #expect(transformer.transform(&xy) == TransformReport(pointCount: 0))
    }
}
