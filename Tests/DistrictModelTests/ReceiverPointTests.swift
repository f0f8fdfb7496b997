import DistrictModel
import Foundation
import Testing

/// `analyze --receivers`: points read from GeoJSON, moved into the district's metric CRS.
@Suite struct ReceiverPointTests {
    static func write(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("receivers-\(UUID().uuidString).geojson")
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test func pointsAreProjectedWithTheirHeights() throws {
        // Plaça de Catalunya, lon/lat; its ETRS89 / UTM 31N coordinates are about (430,400, 4,582,400).
        let url = try Self.write(#"""
            {"type":"FeatureCollection","features":[
            {"type":"Feature","id":"a","properties":{},"geometry":{"type":"Point","coordinates":[2.1700,41.3870]}},
            {"type":"Feature","properties":{"id":"b","height":12.5},"geometry":{"type":"Point","coordinates":[2.1710,41.3875]}}]}
            """#)
        defer { try? FileManager.default.removeItem(at: url) }
        let points = try ReceiverPoint.load(url, inputCRS: nil, metricCRS: "EPSG:25831")
        #expect(points.map(\.id) == ["a", "b"])
        #expect(points[0].height == 4 && points[1].height == 12.5)
        #expect(abs(points[0].x - 430_406) < 300 && abs(points[0].y - 4_582_230) < 300)
        // 0.001 degree of longitude is about 84 m at 41.4 N, 0.0005 of latitude about 56 m.
        #expect(abs((points[1].x - points[0].x) - 83.5) < 2 && abs((points[1].y - points[0].y) - 55.6) < 2)
    }

    @Test func aLineOrABadHeightIsAnErrorNamingTheFeature() throws {
        let line = try Self.write(#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"x"},"geometry":{"type":"LineString","coordinates":[[2.17,41.38],[2.18,41.39]]}}]}"#)
        defer { try? FileManager.default.removeItem(at: line) }
        #expect(throws: DistrictLoadError.self) { try ReceiverPoint.load(line, inputCRS: nil, metricCRS: "EPSG:25831") }
        do { _ = try ReceiverPoint.load(line, inputCRS: nil, metricCRS: "EPSG:25831") } catch {
            #expect(error.description.contains("feature 0 (id x)") && error.description.contains("must be a Point"))
        }
        let high = try Self.write(#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"height":-3},"geometry":{"type":"Point","coordinates":[2.17,41.38]}}]}"#)
        defer { try? FileManager.default.removeItem(at: high) }
        #expect(throws: DistrictLoadError.self) { try ReceiverPoint.load(high, inputCRS: nil, metricCRS: "EPSG:25831") }
    }
}
