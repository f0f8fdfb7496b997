import Foundation
import GeoJSON
import Testing

/// Every error kind, with the feature index, id, component and message it must carry.
@Suite struct ErrorTests {
    /// Twelve valid features, so the faulty one is feature 12 as in the documented example.
    private let twelveValidFeatures = (0..<12).map { featureText(geometryText("Point", "[2.15, 41.39]"), id: "\($0)") }

    // MARK: Geometry validation

    @Test func lineStringWithOnePointNamesFileFeatureAndID() throws {
        let faulty = featureText(geometryText("LineString", "[[2.1505827, 41.3916165]]"), id: #""way/4744966""#)
        let text = #"{"type": "FeatureCollection", "features": ["# + (twelveValidFeatures + [faulty]).joined(separator: ",") + "]}"
        let error = try #require(decodingError(text))
        #expect(error.kind == .tooFewPoints(needed: 2, found: 1))
        #expect(error.featureIndex == 12)
        #expect(error.featureID == "way/4744966")
        #expect(error.component == "LineString")
        #expect(error.source == "test.geojson")
        #expect(error.description == "test.geojson: feature 12 (id way/4744966): LineString needs at least 2 points, found 1")
    }

    @Test func shortRingsAndLinesNameTheirPart() throws {
        let ring = try #require(geometryError("Polygon", "[[[0,0],[9,0],[9,9],[0,0]], [[1,1],[2,1],[1,1]]]", id: "5"))
        #expect(ring.kind == .tooFewPoints(needed: 4, found: 3))
        #expect(ring.component == "Polygon ring 1")
        #expect(ring.description == "test.geojson: feature 0 (id 5): Polygon ring 1 needs at least 4 points, found 3")

        let polygonRing = try #require(geometryError("MultiPolygon", "[[[[0,0],[9,0],[9,9],[0,0]]], [[[0,0],[1,1]]]]"))
        #expect(polygonRing.kind == .tooFewPoints(needed: 4, found: 2))
        #expect(polygonRing.description == "test.geojson: feature 0: MultiPolygon polygon 1 ring 0 needs at least 4 points, found 2")

        let line = try #require(geometryError("MultiLineString", "[[[0,0],[1,1]], []]"))
        #expect(line.kind == .tooFewPoints(needed: 2, found: 0))
        #expect(line.description == "test.geojson: feature 0: MultiLineString line 1 needs at least 2 points, found 0")
    }

    @Test func unclosedRingIsReportedWithItsEnds() throws {
        let error = try #require(geometryError("Polygon", "[[[0, 0], [1, 0], [1, 1], [0, 1]]]", id: #""relation/99""#))
        #expect(error.kind == .unclosedRing(ringIndex: 0))
        #expect(error.featureID == "relation/99")
        #expect(error.component == "Polygon ring 0")
        #expect(error.description == "test.geojson: feature 0 (id relation/99): Polygon ring 0 is not closed: "
            + "first position (0.0, 0.0), last position (0.0, 1.0)")

        let hole = try #require(geometryError("MultiPolygon", "[[[[0,0],[9,0],[9,9],[0,0]], [[1,1],[2,1],[2,2],[1,2]]]]"))
        #expect(hole.kind == .unclosedRing(ringIndex: 1))
        #expect(hole.component == "MultiPolygon polygon 0 ring 1")
    }

    @Test func unknownGeometryTypeIsNamed() throws {
        let text = collectionText(
            featureText(geometryText("Point", "[1, 2]")),
            featureText(#"{"type": "Circle", "coordinates": [1, 2], "radius": 5}"#, id: #""way/9""#))
        let error = try #require(decodingError(text))
        #expect(error.kind == .unknownGeometryType("Circle"))
        #expect(error.featureIndex == 1)
        #expect(error.description == #"test.geojson: feature 1 (id way/9): unknown geometry type "Circle""#)
    }

    @Test func errorsInsideAGeometryCollectionNameTheMember() throws {
        let nested = #"{"type": "GeometryCollection", "geometries": [{"type": "Point", "coordinates": [1, 2]}, {"type": "Curve", "coordinates": []}]}"#
        let unknown = try #require(decodingError(collectionText(featureText(nested))))
        #expect(unknown.kind == .unknownGeometryType("Curve"))
        #expect(unknown.component == "GeometryCollection member 1")
        #expect(unknown.description == #"test.geojson: feature 0: GeometryCollection member 1: unknown geometry type "Curve""#)

        let short = #"{"type": "GeometryCollection", "geometries": [{"type": "LineString", "coordinates": [[1, 2]]}]}"#
        let error = try #require(decodingError(collectionText(featureText(short))))
        #expect(error.description == "test.geojson: feature 0: GeometryCollection member 0: LineString needs at least 2 points, found 1")
    }

    @Test func theIDIsReportedEvenWhenItFollowsTheFaultyGeometry() throws {
        let text = collectionText(#"{"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[0, 0]]}, "properties": {}, "id": 4744966}"#)
        let error = try #require(decodingError(text))
        #expect(error.featureID == "4744966")
        #expect(error.description == "test.geojson: feature 0 (id 4744966): LineString needs at least 2 points, found 1")
    }

    // MARK: Coordinates

    @Test func projectedCoordinatesWithoutCRSAreOutOfRange() throws {
        let text = collectionText(featureText(geometryText("LineString", "[[2.1, 41.3], [431234.5, 4581234.5]]"), id: "3"))
        let error = try #require(decodingError(text))
        #expect(error.kind == .coordinateOutOfRange(lon: 431234.5, lat: 4581234.5))
        #expect(error.featureIndex == 0)
        #expect(error.featureID == "3")
        #expect(error.component == "LineString position 1")
        #expect(error.description == "test.geojson: feature 0 (id 3): LineString position 1 (431234.5, 4581234.5) "
            + #"is outside longitude [-180, 180] / latitude [-90, 90]; projected coordinates need a "crs" member naming their CRS"#)
        let location = try #require(error.location)
        #expect(location == TextLocation(byteOffset: try byteOffset(of: "[431234.5", in: text), line: 1,
                                           column: try byteOffset(of: "[431234.5", in: text) + 1))
    }

    @Test func latitudeBeyondNinetyIsOutOfRange() throws {
        let error = try #require(geometryError("Point", "[2.15, 91]"))
        #expect(error.kind == .coordinateOutOfRange(lon: 2.15, lat: 91))
        #expect(error.component == "Point")
    }

    @Test func nonFiniteCoordinatesAreRefused() throws {
        for (literal, detail) in [("NaN", "found NaN"), ("Infinity", "found Infinity"), ("-Infinity", "found -Infinity"),
                                  ("1e999", "1e999 is too large for a Double")] {
            let error = try #require(geometryError("LineString", "[[0, 0], [1, \(literal)]]"))
            #expect(error.kind == .nonFiniteCoordinate)
            #expect(error.component == "LineString position 1")
            #expect(error.detail == detail)
            #expect(error.description == "test.geojson: feature 0: LineString position 1 has a coordinate that is not a finite number: \(detail)")
        }
    }

    @Test func mixingTwoAndThreeDimensionalPositionsIsRefused() throws {
        let error = try #require(geometryError("MultiLineString", "[[[0, 0, 5], [1, 1, 5]], [[2, 2], [3, 3]]]", id: "8"))
        #expect(error.kind == .mixedDimensions)
        #expect(error.component == "MultiLineString line 1")
        #expect(error.description == "test.geojson: feature 0 (id 8): MultiLineString line 1 mixes positions of different dimensions: "
            + "position 0 has 2 numbers, earlier positions have 3")
    }

    @Test func malformedCoordinatesSayWhatIsWrong() throws {
        let cases: [(String, String, String)] = [
            ("LineString", #"[["2.1", 41.3], [2.2, 41.4]]"#,
             "LineString position 0 has malformed coordinates: expected a number, found a string"),
            ("LineString", "[[2.1, 41.3], [2.2, null]]",
             "LineString position 1 has malformed coordinates: expected a number, found null"),
            ("LineString", "[[1], [2, 3]]",
             "LineString position 0 has malformed coordinates: a position needs at least 2 numbers, found 1"),
            ("Point", "[]", "Point has malformed coordinates: a position needs at least 2 numbers, found 0"),
            ("LineString", "[1, 2]",
             "LineString position 0 has malformed coordinates: expected a position (an array of numbers), found a number"),
            ("Polygon", "[[0, 0], [1, 1]]",
             "Polygon ring 0 position 0 has malformed coordinates: expected a position (an array of numbers), found a number"),
            ("LineString", "null", "LineString has malformed coordinates: expected an array of positions, found null"),
            ("MultiPolygon", #"{"a": 1}"#, "MultiPolygon has malformed coordinates: expected an array of polygons, found an object"),
            ("Point", "[[1, 2]]", "Point has malformed coordinates: expected a number, found an array"),
        ]
        for (type, coordinates, message) in cases {
            let error = try #require(geometryError(type, coordinates), "\(type) \(coordinates)")
            guard case .malformedCoordinates = error.kind else {
                Issue.record("\(type) \(coordinates): expected malformedCoordinates, got \(error)")
                continue
            }
            #expect(error.featureIndex == 0)
            #expect(error.description == "test.geojson: feature 0: \(message)")
        }
    }

    // MARK: Structure

    @Test func topLevelThatIsNotACollectionIsRefused() throws {
        let topology = try #require(decodingError(#"{"type": "Topology", "objects": {}}"#))
        #expect(topology.kind == .notAFeatureCollection)
        #expect(topology.featureIndex == nil)
        #expect(topology.description == #"test.geojson: top level is not a FeatureCollection: found type "Topology""#)

        let array = try #require(decodingError("[1, 2]"))
        #expect(array.kind == .notAFeatureCollection)
        #expect(array.description == "test.geojson: top level is not a FeatureCollection: the top level is an array, not an object")

        let untyped = try #require(decodingError(#"{"features": []}"#))
        #expect(untyped.kind == .notAFeatureCollection)
        #expect(untyped.detail == #"the top-level object has no "type" member"#)
    }

    @Test func missingMembersAreNamed() throws {
        let coordinates = try #require(decodingError(collectionText(featureText(#"{"type": "LineString"}"#, id: "1"))))
        #expect(coordinates.kind == .missingMember("coordinates"))
        #expect(coordinates.description == #"test.geojson: feature 0 (id 1): LineString has no "coordinates" member"#)

        let type = try #require(decodingError(collectionText(featureText(#"{"coordinates": [1, 2]}"#))))
        #expect(type.kind == .missingMember("type"))
        #expect(type.description == #"test.geojson: feature 0: geometry has no "type" member"#)

        let features = try #require(decodingError(#"{"type": "FeatureCollection"}"#))
        #expect(features.kind == .missingMember("features"))
        #expect(features.description == #"test.geojson: FeatureCollection has no "features" member"#)

        let geometries = try #require(decodingError(collectionText(featureText(#"{"type": "GeometryCollection"}"#))))
        #expect(geometries.kind == .missingMember("geometries"))
    }

    @Test func membersOfTheWrongTypeAreNamed() throws {
        let properties = try #require(decodingError(collectionText(featureText("null", id: "2", properties: "[1]"))))
        #expect(properties.kind == .invalidMember("properties", expected: "an object or null"))
        #expect(properties.description == #"test.geojson: feature 0 (id 2): "properties" must be an object or null, found an array"#)

        let features = try #require(decodingError(#"{"type": "FeatureCollection", "features": {}}"#))
        #expect(features.description == #"test.geojson: "features" must be an array, found an object"#)

        let type = try #require(decodingError(collectionText(#"{"type": "Point", "coordinates": [1, 2]}"#)))
        #expect(type.kind == .invalidMember("type", expected: #""Feature""#))
        #expect(type.description == #"test.geojson: feature 0: "type" must be "Feature", found "Point""#)

        let geometry = try #require(decodingError(collectionText(featureText("[1, 2]"))))
        #expect(geometry.description == #"test.geojson: feature 0: "geometry" must be an object or null, found an array"#)

        let id = try #require(decodingError(collectionText(featureText("null", id: "true"))))
        #expect(id.description == #"test.geojson: feature 0: "id" must be a string or a number, found true"#)

        let crs = try #require(decodingError(collectionText(extraMembers: #""crs": "EPSG:25831", "#)))
        guard case .invalidMember("crs", _) = crs.kind else {
            Issue.record("expected invalidMember(crs), got \(crs)")
            return
        }
    }

    // MARK: JSON syntax

    @Test func syntaxErrorsCarryLineAndColumn() throws {
        let text = "{\"type\": \"FeatureCollection\", \"features\": [\n{\"type\": \"Feature\" \"properties\": {}}]}"
        let error = try #require(decodingError(text))
        #expect(error.kind == .invalidJSON)
        #expect(error.featureIndex == 0)
        #expect(error.detail == "expected ',' or '}', found a string")
        let offset = Array(text.utf8).firstIndex(of: UInt8(ascii: "\n"))! + 20
        #expect(error.location == TextLocation(byteOffset: offset, line: 2, column: 20))
        #expect(error.description
            == "test.geojson: feature 0: invalid JSON at line 2, column 20 (byte \(offset)): expected ',' or '}', found a string")
    }

    @Test func malformedJSONIsDescribed() throws {
        let cases: [(String, String)] = [
            ("", "the data is empty"),
            ("   ", "the text is empty"),
            (#"{"type": "FeatureCollection", "features": []"#, "expected ',' or '}', found end of input"),
            (#"{"type": "FeatureCollection", "features": [],}"#, "expected a member name in double quotes, found '}'"),
            (#"{"type": "FeatureCollection", "features": []} x"#, "expected end of input after the top-level object, found 'x'"),
            (#"{"type": "FeatureCollection", "features": [], "name": "unterminated}"#, "unterminated string"),
            (#"{"type": "FeatureCollection", "features": [], "name": "bad \q escape"}"#, "invalid escape sequence in string"),
            (#"{"type": "FeatureCollection", "features": [], "name": "\ud83d alone"}"#, #"unpaired UTF-16 surrogate \uD83D in string"#),
            (#"{"type": "FeatureCollection", "features": [], "name": "\u12"}"#, #"\u must be followed by four hex digits"#),
            ("{\"type\": \"FeatureCollection\", \"features\": [], \"name\": \"tab\there\"}", "control character 0x9 in string must be escaped"),
            (#"{"type": "FeatureCollection", "features": [], "n": 012}"#, "numbers must not have leading zeros"),
            (#"{"type": "FeatureCollection", "features": [], "n": 1.}"#, "expected a digit after the decimal point, found '}'"),
            (#"{"type": "FeatureCollection", "features": [], "n": -}"#, "expected a digit, found '}'"),
            (#"{"type": "FeatureCollection", "features": [], "n": 1e}"#, "expected a digit in the exponent, found '}'"),
            (#"{"type": "FeatureCollection", "features": [], "n": NaN}"#, "expected a JSON value, found NaN"),
            (#"{"type": "FeatureCollection", "features": [], "n": tru}"#, "expected a JSON value, found 't'"),
            (#"{"type": "FeatureCollection" "features": []}"#, "expected ',' or '}', found a string"),
        ]
        for (text, detail) in cases {
            let error = try #require(decodingError(text), "\(text)")
            #expect(error.kind == .invalidJSON, "\(text)")
            #expect(error.detail == detail, "\(text)")
        }
    }

    @Test func invalidUTF8IsRefusedNotRepaired() throws {
        var bytes = Array(#"{"type": "FeatureCollection", "features": [], "name": "Arag"#.utf8)
        bytes += [0xF3]  // "ó" in Latin-1
        bytes += Array(#""}"#.utf8)
        let error = try #require({ () -> GeoJSONError? in
            do throws(GeoJSONError) {
                _ = try GeoJSONReader().decode(Data(bytes), source: "latin1.geojson")
                return nil
            } catch {
                return error
            }
        }())
        #expect(error.kind == .invalidJSON)
        #expect(error.detail == "string is not valid UTF-8")
        #expect(error.location?.byteOffset == 55)  // the first byte of the string's content
        #expect(bytes[55] == UInt8(ascii: "A"))
    }

    @Test func deeplyNestedValuesAreRefusedWithoutCrashing() throws {
        let depth = 10_000
        let text = collectionText(featureText("null", properties: #"{"a": "# + String(repeating: "[", count: depth)
            + String(repeating: "]", count: depth) + "}"))
        let error = try #require(decodingError(text))
        #expect(error.kind == .invalidJSON)
        #expect(error.detail == "values nested more than 512 levels deep")
    }

    // MARK: Files

    @Test func unreadableFilesAreIOErrorsNamingThePath() throws {
        let url = URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)/roads.geojson")
        do throws(GeoJSONError) {
            _ = try GeoJSONReader().read(contentsOf: url)
            Issue.record("reading a missing file succeeded")
        } catch {
            guard case .io(let message) = error.kind else {
                Issue.record("expected an I/O error, got \(error)")
                return
            }
            #expect(error.source == url.path)
            #expect(message == "cannot read file: No such file or directory")
            #expect(error.description == "\(url.path): cannot read file: No such file or directory")
        }
    }
}
