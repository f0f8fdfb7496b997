import Foundation
import GeoJSON
import Testing

@Suite struct LargeCollectionTests {
    @Test func tenThousandGeneratedFeaturesDecodeWithExactCountsAndContents() throws {
        let synthetic = SyntheticCollection.mixed(featureCount: 10_000)
        let collection = try decode(synthetic.text)
        #expect(collection.features.count == 10_000)

        var counts: [String: Int] = [:]
        for feature in collection.features {
            counts[feature.geometry?.typeName ?? "null", default: 0] += 1
        }
        #expect(counts == synthetic.countsByType)
        // Every type really occurs, so the comparison above covers each of them.
        #expect(Set(counts.keys) == ["Point", "MultiPoint", "LineString", "MultiLineString", "Polygon",
                                     "MultiPolygon", "GeometryCollection", "null"])
        #expect(collection == synthetic.expected)
    }
}
