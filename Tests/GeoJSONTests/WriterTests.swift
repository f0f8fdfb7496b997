import Foundation
import GeoJSON
import Testing

@Suite struct WriterTests {
    private let sample = FeatureCollection(
        features: [
            Feature(
                id: "way/4744966",
                properties: ["osm_id": 4_744_966, "name": "Carrer d'Arag\u{F3} \"nou\"\n\u{1F6B2}", "width": 4.6,
                             "lit": true, "note": .null, "lanes": [1, "2"], "tags": ["z": .number(0.1 + 0.2), "a": -0.5]],
                geometry: .lineString([2.15058271234, 41.3916165, 2.1505202, 41.39166])),
            Feature(geometry: nil),
            Feature(id: "p", geometry: .point(x: -0.0, y: 1e-9)),
            Feature(geometry: .multiPolygon([[[0, 0, 1, 0, 1, 1, 0, 0]], [[5, 5, 6, 5, 6, 6, 5, 5]]])),
            Feature(geometry: .geometryCollection([.multiPoint([1, 2]), .multiLineString([[0, 0, 1, 1]]),
                                                   .polygon([[0, 0, 2, 0, 2, 2, 0, 0]])])),
        ],
        crs: "EPSG:25831")

    @Test func outputIsStableCompactAndOneFeaturePerLine() {
        let text = String(decoding: GeoJSONWriter().encode(sample), as: UTF8.self)
        let expected = #"""
            {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::25831"}},"features":[
            {"type":"Feature","id":"way/4744966","properties":{"lanes":[1,"2"],"lit":true,"name":"Carrer d'Aragó \"nou\"\n🚲","note":null,"osm_id":4744966,"tags":{"a":-0.5,"z":0.3},"width":4.6},"geometry":{"type":"LineString","coordinates":[[2.1505827,41.3916165],[2.1505202,41.39166]]}},
            {"type":"Feature","properties":{},"geometry":null},
            {"type":"Feature","id":"p","properties":{},"geometry":{"type":"Point","coordinates":[0,0]}},
            {"type":"Feature","properties":{},"geometry":{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]],[[[5,5],[6,5],[6,6],[5,5]]]]}},
            {"type":"Feature","properties":{},"geometry":{"type":"GeometryCollection","geometries":[{"type":"MultiPoint","coordinates":[[1,2]]},{"type":"MultiLineString","coordinates":[[[0,0],[1,1]]]},{"type":"Polygon","coordinates":[[[0,0],[2,0],[2,2],[0,0]]]}]}}
            ]}

            """#
        #expect(text == expected)
    }

    @Test func coordinatePrecisionRoundsAndTrimsTrailingZeros() {
        let collection = FeatureCollection(features: [
            Feature(geometry: .multiPoint([430512.256, -4581234.5, 0.0049, 1e-3, -0.004, 12, 999.9995, 2])),
        ])
        let text = String(decoding: GeoJSONWriter(coordinatePrecision: 2).encode(collection), as: UTF8.self)
        #expect(text.contains(#""coordinates":[[430512.26,-4581234.5],[0,0],[-0,12],[1000,2]]"#) == false)
        #expect(text.contains(#""coordinates":[[430512.26,-4581234.5],[0,0],[0,12],[1000,2]]"#))
        let zero = String(decoding: GeoJSONWriter(coordinatePrecision: 0).encode(collection), as: UTF8.self)
        #expect(zero.contains(#""coordinates":[[430512,-4581235],[0,0],[0,12],[1000,2]]"#))
    }

    @Test func encodingThenDecodingGivesAnEqualCollection() throws {
        let decoded = try GeoJSONReader().decode(GeoJSONWriter().encode(sample), source: "round-trip.geojson")
        var expected = sample
        // Only what the 7-decimal precision changes: the first x and the tiny y.
        expected.features[0].geometry = GeoJSONGeometry.lineString([2.1505827, 41.3916165, 2.1505202, 41.39166])
        expected.features[0].properties["tags"] = ["z": 0.3, "a": -0.5]
        expected.features[2].geometry = GeoJSONGeometry.point(x: 0, y: 0)
        #expect(decoded == expected)
    }

    @Test func roundTripOfAGeneratedCollectionIsExact() throws {
        let synthetic = SyntheticCollection.mixed(featureCount: 2_000, seed: 11)
        let first = try decode(synthetic.text)
        #expect(first == synthetic.expected)
        let rewritten = GeoJSONWriter().encode(first)
        let second = try GeoJSONReader().decode(rewritten, source: "rewritten.geojson")
        #expect(second == synthetic.expected)
        #expect(GeoJSONWriter().encode(second) == rewritten)  // byte-for-byte stable
    }

    @Test func writeReplacesTheFileAtomicallyAndLeavesNoTemporaryFiles() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("roads.geojson")
        try Data("old contents".utf8).write(to: url)

        try GeoJSONWriter().write(sample, to: url)
        #expect(try GeoJSONReader().read(contentsOf: url).features.count == sample.features.count)
        #expect(try Data(contentsOf: url) == GeoJSONWriter().encode(sample))

        let smaller = FeatureCollection(features: [Feature(geometry: .point(x: 1, y: 2))])
        try GeoJSONWriter().write(smaller, to: url)
        #expect(try GeoJSONReader().read(contentsOf: url) == smaller)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["roads.geojson"])
    }

    @Test func writingIntoAMissingDirectoryIsAnIOErrorAndCreatesNothing() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("missing/roads.geojson")
        do throws(GeoJSONError) {
            try GeoJSONWriter().write(sample, to: url)
            Issue.record("writing into a missing directory succeeded")
        } catch {
            guard case .io(let message) = error.kind else {
                Issue.record("expected an I/O error, got \(error)")
                return
            }
            #expect(error.source == url.path)
            #expect(message.hasPrefix("cannot create a temporary file in \(directory.path)/missing: "))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }
}
