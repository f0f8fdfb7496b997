import Foundation
import GeoJSON
import Testing

@Suite struct GeometryReadingTests {
    @Test func everyGeometryTypeKeepsItsExactCoordinatesAndStructure() throws {
        let text = collectionText(
            featureText(geometryText("Point", "[2.1505827, 41.3916165]")),
            featureText(geometryText("MultiPoint", "[[1, 2], [3.5, -4.25]]")),
            featureText(geometryText("LineString", "[[2.1505827, 41.3916165], [2.1505202, 41.3916618], [2.1504429, 41.39172]]")),
            featureText(geometryText("MultiLineString", "[[[0, 0], [1, 1]], [[2, 2], [3, 3], [4, 5]]]")),
            featureText(geometryText("Polygon", """
                [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]], [[2, 2], [2, 4], [4, 4], [4, 2], [2, 2]]]
                """)),
            featureText(geometryText("MultiPolygon", """
                [[[[0, 0], [1, 0], [1, 1], [0, 0]]], [[[5, 5], [6, 5], [6, 6], [5, 5]], [[5.1, 5.1], [5.2, 5.1], [5.2, 5.2], [5.1, 5.1]]]]
                """)),
            featureText(#"{"type": "GeometryCollection", "geometries": [{"type": "Point", "coordinates": [1, 2]}, {"type": "LineString", "coordinates": [[3, 4], [5, 6]]}]}"#)
        )
        let geometries = try decode(text).features.map(\.geometry)
        #expect(geometries == [
            .point(x: 2.1505827, y: 41.3916165),
            .multiPoint([1, 2, 3.5, -4.25]),
            .lineString([2.1505827, 41.3916165, 2.1505202, 41.3916618, 2.1504429, 41.39172]),
            .multiLineString([[0, 0, 1, 1], [2, 2, 3, 3, 4, 5]]),
            .polygon([[0, 0, 10, 0, 10, 10, 0, 10, 0, 0], [2, 2, 2, 4, 4, 4, 4, 2, 2, 2]]),
            .multiPolygon([
                [[0, 0, 1, 0, 1, 1, 0, 0]],
                [[5, 5, 6, 5, 6, 6, 5, 5], [5.1, 5.1, 5.2, 5.1, 5.2, 5.2, 5.1, 5.1]],
            ]),
            .geometryCollection([.point(x: 1, y: 2), .lineString([3, 4, 5, 6])]),
        ])
        #expect(geometries.map { $0?.typeName } == [
            "Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection",
        ])
        #expect(geometries.map { $0?.pointCount } == [1, 2, 3, 5, 10, 12, 3])
    }

    @Test func zValuesAreDroppedFromThreeDimensionalPositions() throws {
        let geometry = try decodeGeometry("LineString", "[[2.16, 41.40, 49.122], [2.17, 41.41, 49.5]]")
        #expect(geometry == .lineString([2.16, 41.40, 2.17, 41.41]))
    }

    @Test func membersMayComeInAnyOrder() throws {
        // "coordinates" and "geometries" before "type"; "id" after "geometry"; "type" of the feature last.
        let text = collectionText(
            #"{"geometry": {"coordinates": [[1, 2], [3, 4]], "type": "LineString"}, "id": 7, "properties": null, "type": "Feature"}"#,
            #"{"geometry": {"geometries": [{"coordinates": [5, 6], "type": "Point"}], "type": "GeometryCollection"}, "properties": {}}"#
        )
        let features = try decode(text).features
        #expect(features == [
            Feature(id: "7", geometry: .lineString([1, 2, 3, 4])),
            Feature(geometry: .geometryCollection([.point(x: 5, y: 6)])),
        ])
    }

    @Test func crsAfterFeaturesIsStillRead() throws {
        let text = #"{"features": [], "crs": {"type": "name", "properties": {"name": "EPSG:25831"}}, "type": "FeatureCollection"}"#
        #expect(try decode(text) == FeatureCollection(features: [], crs: "EPSG:25831"))
    }

    @Test func foreignMembersBboxAndByteOrderMarkAreIgnored() throws {
        let text = "\u{FEFF}" + #"""
            {"type": "FeatureCollection", "name": "roads", "bbox": [0, 0, 1, 1],
             "features": [{"type": "Feature", "bbox": [1, 2, 3, 4], "title": {"nested": [1, {"a": null}]},
                           "properties": {"k": "v"},
                           "geometry": {"type": "Point", "coordinates": [1, 2], "bbox": [1, 2, 1, 2], "extra": "x"}}]}
            """#
        let collection = try decode(text)
        #expect(collection.features == [Feature(properties: ["k": "v"], geometry: .point(x: 1, y: 2))])
        #expect(collection.crs == nil)
    }

    @Test func nullAndMissingGeometryAndNullPropertiesAreAccepted() throws {
        let text = collectionText(
            #"{"type": "Feature", "properties": null, "geometry": null}"#,
            #"{"type": "Feature", "properties": {"a": 1}}"#
        )
        #expect(try decode(text).features == [Feature(geometry: nil), Feature(properties: ["a": 1], geometry: nil)])
    }

    @Test func aBareFeatureIsWrappedIntoACollection() throws {
        let text = #"{"type": "Feature", "id": "way/1", "properties": {"highway": "primary"}, "geometry": {"type": "Point", "coordinates": [2.1, 41.3]}}"#
        #expect(try decode(text) == FeatureCollection(features: [
            Feature(id: "way/1", properties: ["highway": "primary"], geometry: .point(x: 2.1, y: 41.3)),
        ]))
    }

    @Test func aBareGeometryIsWrappedIntoAFeatureWithoutProperties() throws {
        let text = #"{"coordinates": [[2.1, 41.3], [2.2, 41.4]], "type": "LineString"}"#
        #expect(try decode(text) == FeatureCollection(features: [Feature(geometry: .lineString([2.1, 41.3, 2.2, 41.4]))]))
    }

    @Test func emptyMultiGeometriesAreAccepted() throws {
        #expect(try decodeGeometry("MultiPoint", "[]") == .multiPoint([]))
        #expect(try decodeGeometry("MultiPolygon", "[]") == .multiPolygon([]))
        #expect(try decodeGeometry("MultiLineString", "[ ]") == .multiLineString([]))
    }

    @Test func boundsCoverEveryPositionAndAreNilWhenEmpty() throws {
        let polygon = try #require(try decodeGeometry("Polygon", "[[[0, -1], [10, 0], [10, 12.5], [0, -1]]]"))
        let bounds = try #require(polygon.bounds)
        #expect(bounds == (minX: 0, minY: -1, maxX: 10, maxY: 12.5))
        let collection = GeoJSONGeometry.geometryCollection([.point(x: -3, y: 4), .lineString([1, 1, 2, 8])])
        let collectionBounds = try #require(collection.bounds)
        #expect(collectionBounds == (minX: -3, minY: 1, maxX: 2, maxY: 8))
        #expect(GeoJSONGeometry.multiPoint([]).bounds == nil)
        #expect(GeoJSONGeometry.geometryCollection([]).bounds == nil)
    }

    @Test func numbersFollowTheJSONGrammarExactly() throws {
        let geometry = try decodeGeometry(
            "MultiPoint",
            "[[-0, 0.5], [1e2, -2.5E-1], [1E+1, 1234e-2], [-179.9999999, -89.9999999], [0.000001, 123456789e-9]]")
        #expect(geometry == .multiPoint([-0.0, 0.5, 100, -0.25, 10, 12.34, -179.9999999, -89.9999999, 0.000001, 0.123456789]))
        if case .multiPoint(let xy)? = geometry {
            #expect(xy[0].sign == .minus)  // -0 keeps its sign
        }
    }

    @Test func numbersAreCorrectlyRoundedAtEveryPrecision() throws {
        // Full-precision QGIS exports (17 digits), 2^53 boundary ties, long and tiny values that take
        // the slow path: each must equal the standard library's correctly rounded parse.
        var texts = [
            "41.402320229432569", "2.162568851523052", "49.122000000003027", "9007199254740993",
            "9007199254740995", "9007199254740992.5", "18014398509481985", "0.1", "0.30000000000000004",
            "123456789012345678901234567890", "1.7976931348623157e308", "2.2250738585072014e-308",
            "4.9406564584124654e-324", "0.000000000000000000000000000123", "5e-324", "1e23", "8.98846567431158e307",
            "1.00000000000000011102230246251565404236316680908203125", "7.0064923216240854e-46",
        ]
        var random = SplitMix64(state: 42)
        for _ in 0..<20_000 {
            let digits = 1 + Int(random.next() % 19)
            var mantissa = String(1 + random.next() % 9)
            for _ in 1..<digits { mantissa += String(random.next() % 10) }
            let exponent = Int(random.next() % 50) - 30
            texts.append(random.next() % 2 == 0 ? "\(mantissa)e\(exponent)" : {
                let point = Int(random.next() % UInt64(digits + 1))
                let index = mantissa.index(mantissa.startIndex, offsetBy: point)
                let whole = mantissa[..<index].isEmpty ? "0" : String(mantissa[..<index])
                let fraction = mantissa[index...].isEmpty ? "0" : String(mantissa[index...])
                return "-\(whole).\(fraction)"
            }())
        }
        let positions = texts.map { "[\($0), 0]" }.joined(separator: ",")
        let geometry = try decode(collectionText(featureText(geometryText("MultiPoint", "[\(positions)]"))),
                                  checksGeographicRange: false).features[0].geometry
        guard case .multiPoint(let xy)? = geometry else {
            Issue.record("expected a MultiPoint, got \(String(describing: geometry))")
            return
        }
        #expect(xy.count == texts.count * 2)
        var mismatches: [String] = []
        for (index, text) in texts.enumerated() where xy[index * 2].bitPattern != Double(text)!.bitPattern {
            mismatches.append("\(text) -> \(xy[index * 2]), expected \(Double(text)!)")
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    @Test func whitespaceOfEveryKindIsAllowedBetweenTokens() throws {
        let text = "\r\n\t {\t\"type\" :\n\"FeatureCollection\" ,\r\n \"features\" : [ { \"type\" : \"Feature\" , "
            + "\"properties\" : { } , \"geometry\" : { \"type\" : \"LineString\" , \"coordinates\" : "
            + "[ [ 1 , 2 ] ,\n[ 3 , 4 ] ] } } ] }\n\n"
        #expect(try decode(text).features == [Feature(geometry: .lineString([1, 2, 3, 4]))])
    }
}
