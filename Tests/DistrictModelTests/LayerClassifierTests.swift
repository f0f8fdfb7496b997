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

    /// NoiseModelling's tables, as `ogr2ogr` converts its Shapefiles: roads by their flows, buildings
    /// by their `HEIGHT` (read as the height, and `POP` as the residents); its ground-type polygons
    /// (`G`) are no layer of ours.
    @Test func noiseModellingTablesAreRoadsAndBuildings() {
        #expect(layer(["PK": "1", "TV_D": "400"], .line) == .street)
        #expect(layer(["ID_WAY": "4", "HEIGHT": "12.5"], .polygon) == .building)
        #expect(layer(["HEIGHT": "12.5"], .line) == nil)
        #expect(layer(["ID_WAY": "4", "G": "0.7"], .polygon) == nil)
        let building = Attributes(["HEIGHT": .number(12.5), "POP": .number(40)])
        #expect(BuildingHeight(attributes: building) == BuildingHeight(metres: 12.5, source: .height))
        #expect(BuildingHeight(attributes: Attributes(["HEIGHT": .number(-3)])).source == .default)
    }

    @Test func ownLayerPropertyWinsButOSMLevelsDoNot() {
        #expect(layer(["layer": "census", "building": "yes"], .polygon) == .census)
        #expect(layer(["layer": "Green"], .polygon) == .green)
        // OSM's layer=1 is a bridge level, not one of our layers.
        #expect(layer(["layer": "1", "highway": "primary"], .line) == .street)
    }
}
