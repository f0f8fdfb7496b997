import GeoJSON
@testable import DistrictModel

/// A deterministic mix of features around Barcelona (WGS84), with the per-layer counts the
/// generator wrote, so a loader test can compare counts with an independent tally.
struct SyntheticCollection {
    var collection: FeatureCollection
    var expectedCounts: [Layer: Int]
    var expectedUnclassified: Int

    init(featureCount: Int) {
        var features: [Feature] = []
        var counts = Dictionary(uniqueKeysWithValues: Layer.allCases.map { ($0, 0) })
        var unclassified = 0
        let lon0 = 2.15, lat0 = 41.38, step = 0.0001
        for n in 0..<featureCount {
            let x = lon0 + Double(n % 100) * step, y = lat0 + Double(n / 100) * step
            let square: [[Double]] = [[x, y, x + step / 2, y, x + step / 2, y + step / 2, x, y + step / 2, x, y]]
            switch n % 7 {
            case 0, 1:
                features.append(Feature(properties: ["highway": .string("residential"), "osm_id": .number(Double(n))],
                                        geometry: .lineString([x, y, x + step, y])))
                counts[.street]! += 1
            case 2:
                features.append(Feature(properties: ["building": .string("yes"), "population": .number(12)], geometry: .polygon(square)))
                counts[.building]! += 1
            case 3:
                features.append(Feature(properties: ["leisure": .string("park")], geometry: .polygon(square)))
                counts[.green]! += 1
            case 4:
                features.append(Feature(properties: ["natural": .string("tree")], geometry: .point(x: x, y: y)))
                counts[.tree]! += 1
            case 5:
                features.append(Feature(properties: ["layer": .string("vacant")], geometry: .multiPolygon([square])))
                counts[.vacant]! += 1
            default:
                features.append(Feature(properties: ["amenity": .string("bench")], geometry: .point(x: x, y: y)))
                unclassified += 1
            }
        }
        collection = FeatureCollection(features: features)
        expectedCounts = counts
        expectedUnclassified = unclassified
    }
}
