import GeoJSON
import Testing
@testable import DistrictModel

@Suite struct LayerClassifierTests {
    let classifier = LayerClassifier()

    func layer(_ tags: [String: String], _ family: GeometryFamily) -> Layer? {
        classifier.layer(of: Attributes(tags.mapValues { PropertyValue.string($0) }), family: family)
    }

    @Test func osmTagsDecideTheLayer() {
        #expect(layer(["highway": "residential"], .line) == .street)
        #expect(layer(["highway": "footway", "footway": "sidewalk"], .line) == .street)
        #expect(layer(["area:highway": "pedestrian"], .polygon) == .street)
        #expect(layer(["building": "yes"], .polygon) == .building)
        #expect(layer(["leisure": "park"], .polygon) == .green)
        #expect(layer(["landuse": "grass"], .polygon) == .green)
        #expect(layer(["natural": "wood"], .polygon) == .green)
        #expect(layer(["landuse": "brownfield"], .polygon) == .vacant)
        #expect(layer(["vacant": "yes"], .polygon) == .vacant)
        #expect(layer(["natural": "tree"], .point) == .tree)
        #expect(layer(["superblock": "yes"], .polygon) == .superblock)
        #expect(layer(["amenity": "bench"], .point) == nil)
        // A building tag on a line is not a building footprint.
        #expect(layer(["building": "yes"], .line) == nil)
    }

    @Test func ownLayerPropertyWinsButOSMLevelsDoNot() {
        #expect(layer(["layer": "census", "building": "yes"], .polygon) == .census)
        #expect(layer(["layer": "Green"], .polygon) == .green)
        // OSM's layer=1 is a bridge level, not one of our layers.
        #expect(layer(["layer": "1", "highway": "primary"], .line) == .street)
    }
}
