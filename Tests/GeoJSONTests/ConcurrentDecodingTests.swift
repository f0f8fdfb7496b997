import Foundation
import GeoJSON
import Testing

/// Large feature arrays are read in parallel chunks split at guessed boundaries. These tests check
/// that the result - features, order and the first error - is exactly that of a sequential read,
/// including when a guess falls inside a GeometryCollection or a string. The time limit turns a
/// pathological slowdown (say, in probing guesses) into a failure rather than a hang; it is
/// generous because ThreadSanitizer (`make sanitize`) runs these several megabytes 30x slower.
@Suite(.timeLimit(.minutes(10))) struct ConcurrentDecodingTests {
    private static let smallFeature = featureText(
        geometryText("LineString", "[[2.1505827, 41.3916165], [2.1505202, 41.3916618]]"),
        properties: #"{"highway": "residential", "name": "Carrer de Casanova"}"#)

    /// `count` copies of a small feature (about 150 bytes each); about 3 MB for 20,000.
    private func smallFeatures(_ count: Int) -> [String] {
        Array(repeating: Self.smallFeature, count: count)
    }

    private func decodeBothWays(_ text: String) -> (concurrent: Result<FeatureCollection, GeoJSONError>,
                                                    sequential: Result<FeatureCollection, GeoJSONError>) {
        let data = Data(text.utf8)
        var sequentialReader = GeoJSONReader()
        sequentialReader.decodesConcurrently = false
        return (Result { () throws(GeoJSONError) in try GeoJSONReader().decode(data, source: "big.geojson") },
                Result { () throws(GeoJSONError) in try sequentialReader.decode(data, source: "big.geojson") })
    }

    @Test func aLargeCollectionDecodesIdenticallyEitherWay() throws {
        let synthetic = SyntheticCollection.roads(byteCount: 3 << 20)
        let (concurrent, sequential) = decodeBothWays(synthetic.text)
        #expect(try concurrent.get() == synthetic.expected)
        #expect(try sequential.get() == synthetic.expected)
    }

    @Test func aGuessInsideAGeometryCollectionFallsBackToTheTrueBoundaries() throws {
        // The middle of the text is deep inside one feature whose members are separated by "}, {".
        let members = Array(repeating: #"{"type": "Point", "coordinates": [2.15, 41.39]}"#, count: 50_000)
        let collection = featureText(#"{"type": "GeometryCollection", "geometries": [\#(members.joined(separator: ", "))]}"#)
        let text = collectionText(smallFeatures(6_000) + [collection] + smallFeatures(2_000))
        let (concurrent, sequential) = decodeBothWays(text)
        let features = try concurrent.get().features
        #expect(features.count == 8_001)
        #expect(features[6_000].geometry == .geometryCollection(Array(repeating: .point(x: 2.15, y: 41.39), count: 50_000)))
        #expect(try concurrent.get() == sequential.get())
    }

    @Test func aGuessInsideAStringFallsBackToTheTrueBoundaries() throws {
        let blob = String(repeating: "}, {", count: 600_000)
        let trap = featureText("null", properties: #"{"blob": "\#(blob)"}"#)
        let text = collectionText(smallFeatures(6_000) + [trap] + smallFeatures(2_000))
        let (concurrent, sequential) = decodeBothWays(text)
        let features = try concurrent.get().features
        #expect(features.count == 8_001)
        #expect(features[6_000].properties["blob"] == .string(blob))
        #expect(try concurrent.get() == sequential.get())
    }

    @Test func anErrorNearTheEndCarriesItsTrueFeatureIndex() throws {
        var features = smallFeatures(20_000)
        features[19_990] = featureText(geometryText("LineString", "[[2.15, 41.39]]"), id: #""way/19990""#)
        let (concurrent, sequential) = decodeBothWays(collectionText(features))
        let error = try #require(concurrent.failure)
        #expect(error.featureIndex == 19_990)
        #expect(error.description == "big.geojson: feature 19990 (id way/19990): LineString needs at least 2 points, found 1")
        #expect(error == sequential.failure)
    }

    @Test func theFirstErrorWinsWhenSeveralChunksFail() throws {
        var features = smallFeatures(20_000)
        features[3] = featureText(geometryText("Polygon", "[[[0, 0], [1, 0], [1, 1], [0, 1]]]"))
        features[19_000] = featureText(geometryText("Circle", "[0, 0]"))
        let (concurrent, sequential) = decodeBothWays(collectionText(features))
        let error = try #require(concurrent.failure)
        #expect(error.featureIndex == 3)
        #expect(error.kind == .unclosedRing(ringIndex: 0))
        #expect(error == sequential.failure)
    }

    @Test func aSyntaxErrorInALaterChunkIsReportedWithItsLocation() throws {
        var features = smallFeatures(20_000)
        features[15_000] = #"{"type": "Feature", "properties": {"a": 1,}, "geometry": null}"#
        let (concurrent, sequential) = decodeBothWays(collectionText(features))
        let error = try #require(concurrent.failure)
        #expect(error.kind == .invalidJSON)
        #expect(error.featureIndex == 15_000)
        #expect(error.detail == "expected a member name in double quotes, found '}'")
        #expect(error == sequential.failure)
    }

    @Test func aProjectedCRSAfterTheFeaturesAppliesToEveryChunk() throws {
        let projected = featureText(geometryText("LineString", "[[430512.25, 4581234.5], [430600, 4581300]]"))
        let features = Array(repeating: projected, count: 30_000).joined(separator: ",")
        let text = #"{"type": "FeatureCollection", "features": [\#(features)], "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::25831"}}}"#
        let (concurrent, sequential) = decodeBothWays(text)
        let collection = try concurrent.get()
        #expect(collection.crs == "EPSG:25831")
        #expect(collection.features.count == 30_000)
        #expect(collection.features.last?.geometry == .lineString([430512.25, 4581234.5, 430600, 4581300]))
        #expect(try collection == sequential.get())
    }
}

extension Result {
    /// The error, or nil on success.
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
