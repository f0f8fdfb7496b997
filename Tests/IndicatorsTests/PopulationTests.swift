import DistrictModel
import GeoJSON
import Indicators
import Testing
import TestSupport

@Suite struct PopulationTests {
    static func square(_ x: Double, _ y: Double, _ size: Double) -> GeoJSONGeometry {
        .polygon([[x, y, x + size, y, x + size, y + size, x, y + size, x, y]])
    }

    static func load(_ features: [Feature]) throws -> District {
        try DistrictLoader().load([NamedCollection(name: "pop.geojson", collection: FeatureCollection(features: features, crs: "EPSG:25831"))])
    }

    @Test func ownValuesThenDwellingsThenFloorArea() throws {
        let district = try Self.load([
            Feature(id: "given", properties: ["building": .string("yes"), "population": .number(42)], geometry: Self.square(0, 0, 10)),
            Feature(id: "flats", properties: ["building": .string("apartments"), "dwellings": .number(8)], geometry: Self.square(20, 0, 10)),
            Feature(id: "levels", properties: ["building": .string("apartments"), "building:levels": .string("7")], geometry: Self.square(40, 0, 10)),
            Feature(id: "height", properties: ["building": .string("residential"), "height": .string("18 m")], geometry: Self.square(60, 0, 10)),
            Feature(id: "shop", properties: ["building": .string("retail"), "building:levels": .string("3")], geometry: Self.square(80, 0, 10)),
        ])
        let estimate = try PopulationEstimator().estimate(district)
        #expect(estimate.map(\.method) == [.given, .dwellings, .floorArea, .floorArea, .none])
        #expect(estimate[0].population == 42)
        #expect(estimate[1].population == 8 * 2.5)
        #expect(abs(estimate[2].population - 100 * 7 / 35) < 1e-9)  // 100 m2 x 7 storeys / 35 m2 a resident
        #expect(abs(estimate[3].population - 100 * 6 / 35) < 1e-9)  // 18 m / 3 m = 6 storeys
        #expect(estimate[4].population == 0)
    }

    /// NoiseModelling's building table (as `ogr2ogr` converts its Shapefile): footprints with
    /// `HEIGHT` and `POP`, no OSM tags. `POP` is the residents; without it, `HEIGHT` gives the
    /// storeys (15 m / 3 m = 5) of the floor-area estimate.
    @Test func noiseModellingBuildingTable() throws {
        let district = try Self.load([
            Feature(id: "with-pop", properties: ["ID_WAY": .number(1), "HEIGHT": .number(12), "POP": .number(37)], geometry: Self.square(0, 0, 10)),
            Feature(id: "height-only", properties: ["ID_WAY": .number(2), "HEIGHT": .number(15)], geometry: Self.square(20, 0, 10)),
        ])
        #expect(district.buildings.count == 2)
        let estimate = try PopulationEstimator().estimate(district)
        #expect(estimate.map(\.method) == [.given, .floorArea])
        #expect(estimate[0].population == 37)
        #expect(abs(estimate[1].population - 100 * 5 / 35) < 1e-9)
    }

    /// Census share-out in proportion to floor area; declared populations are subtracted first.
    @Test func censusPopulationIsSharedByFloorArea() throws {
        let district = try Self.load([
            Feature(id: "census", properties: ["layer": .string("census"), "population": .number(1_000)], geometry: Self.square(-5, -5, 200)),
            Feature(id: "small", properties: ["building": .string("yes"), "building:levels": .string("2")], geometry: Self.square(0, 0, 10)),
            Feature(id: "large", properties: ["building": .string("yes"), "building:levels": .string("6")], geometry: Self.square(20, 0, 10)),
            Feature(id: "declared", properties: ["building": .string("yes"), "population": .number(200)], geometry: Self.square(40, 0, 10)),
            Feature(id: "office", properties: ["building": .string("office")], geometry: Self.square(60, 0, 10)),
            Feature(id: "outside", properties: ["building": .string("yes")], geometry: Self.square(500, 0, 10)),
        ])
        let estimate = try PopulationEstimator().estimate(district)
        // 1000 - 200 declared = 800, split 200 : 600 m2 of floor.
        #expect(estimate.map(\.method) == [.census, .census, .given, .none, .floorArea])
        #expect(abs(estimate[0].population - 200) < 1e-9)
        #expect(abs(estimate[1].population - 600) < 1e-9)
        let inside = estimate.prefix(4).reduce(0) { $0 + $1.population }
        #expect(abs(inside - 1_000) < 1e-9)
    }

    /// Worked example: Barcelona's census sections and 2024 register on the Eixample buildings.
    @Test func barcelonaCensusTotalIsKept() throws {
        let district = try DistrictLoader().load([
            FixtureFiles.sample("eixample/buildings.geojson"), FixtureFiles.sample("barcelona_census/census_sections.geojson"),
        ])
        #expect(district.censusAreas.count == 19)
        let censusTotal = district.censusAreas.reduce(0.0) { $0 + ($1.attributes.number("population") ?? 0) }
        #expect(censusTotal == 30_915)  // Open Data BCN pad_mdbas, 2024-01-01, the 19 sections
        let estimate = try PopulationEstimator().estimateWithCensus(district)
        let censusShare = estimate.buildings.filter { $0.method == .census }.reduce(0) { $0 + $1.population }
        // Every census resident is either in a building or reported as unallocated (a section of
        // the extract without a mapped residential building), never lost.
        #expect(abs(censusShare + estimate.unallocatedTotal - censusTotal) < 1e-6)
        // Three sections hold no building of the extract: their blocks are OSM multipolygon
        // relations whose member ways the Overpass extract lacks (see Samples/eixample/ATTRIBUTION.md).
        #expect(estimate.unallocated.map(\.id) == ["02104", "02116", "02117"])
        #expect(estimate.unallocatedTotal == 1_203 + 966 + 1_209)
    }
}
