import DistrictModel
import GeometryEngine
import GeoJSON
@testable import Indicators
import Testing
import TestSupport

/// Street space on the real OSM Eixample extract (Samples/eixample, ODbL).
@Suite struct EixampleAllocationTests {
    static let eixample: (district: District, allocation: SpaceAllocation) = {
        let district = try! DistrictLoader().load([FixtureFiles.sample("eixample/roads.geojson")])
        return (district, try! SpaceAllocator().allocate(district))
    }()

    @Test func categoriesAddUpToTheUnionOfAllStreetPolygons() throws {
        try SpaceAllocationTests.expectAreasAddUp(Self.eixample.district, Self.eixample.allocation)
    }

    /// Areas per street name (the extract spells Consell de Cent four ways). Separately mapped
    /// sidewalks often carry the street's name too; their square metres are already in the rows of
    /// the roads they run beside, so their own rows are left out here.
    static func areas(named matches: (String) -> Bool) -> SpaceAreas {
        eixample.allocation.streets.filter { matches($0.name ?? "") && $0.alongsideRoads.isEmpty }.reduce(SpaceAreas()) { $0 + $1.areas }
    }

    @Test func consellDeCentGreenAxisIsSpaceForPeople() {
        let axis = Self.areas { $0.lowercased().contains("consell de cent") }
        #expect(axis.total > 5_000)
        #expect(axis.vehicle == 0)
        #expect((axis.pedestrianSharePercent ?? 0) > 99.9)
        #expect(axis[.shared] > 0)  // the living-street platform
    }

    /// Rows hold the street's section up to the junctions plus its separately mapped sidewalks
    /// (most of the extract is mapped so): an ordinary Cerdà street gives about half to vehicles.
    @Test(arguments: ["Carrer de Casanova", "Carrer del Rosselló", "Carrer de Provença"])
    func ordinaryCerdaStreetsGiveAboutHalfToVehicles(name: String) {
        let street = Self.areas { $0 == name }
        let vehicleShare = street.vehicle / street.total
        #expect(street.total > 10_000)
        #expect(vehicleShare > 0.45 && vehicleShare < 0.60, "\(name): \(vehicleShare)")
    }

    /// A road's row is what it holds itself plus, for each separately mapped sidewalk beside it,
    /// the share of the sidewalk's length that runs along it; shares of one sidewalk add up to 1 at most.
    @Test func roadRowsAddTheirSidewalksShares() {
        let streets = Self.eixample.allocation.streets
        let sidewalks = streets.filter { !$0.alongsideRoads.isEmpty }
        #expect(sidewalks.count > 100)
        let rowsBeside = streets.filter { $0.areas.total > $0.ownAreas.total + 1e-6 }
        #expect(!rowsBeside.isEmpty)
        let added = streets.reduce(0) { $0 + $1.areas.total - $1.ownAreas.total }
        let sidewalkArea = sidewalks.reduce(0) { $0 + $1.ownAreas.total }
        #expect(added <= sidewalkArea + 1e-6)
        #expect(added > 0.5 * sidewalkArea)
        #expect(rowsBeside.allSatisfy { $0.areas[.traffic] == $0.ownAreas[.traffic] })
    }
}

@Suite struct BadAttributeTests {
    /// Bad values warn, naming the feature, and fall back to defaults; the run completes.
    @Test func badValuesWarnAndTheRunCompletes() throws {
        let line = { (y: Double) in GeoJSONGeometry.lineString([430_000, y, 430_100, y]) }
        let collection = FeatureCollection(features: [
            Feature(id: "neg", properties: ["highway": .string("residential"), "width": .string("-3"), "sidewalk": .string("no")], geometry: line(4_581_000)),
            Feature(id: "abc", properties: ["highway": .string("residential"), "lanes": .string("abc"), "sidewalk": .string("no")], geometry: line(4_581_100)),
            Feature(id: "huge", properties: ["highway": .string("residential"), "width": .string("1e9"), "sidewalk": .string("no")], geometry: line(4_581_200)),
        ], crs: "EPSG:25831")
        let district = try DistrictLoader().load([NamedCollection(name: "bad.geojson", collection: collection)])
        let allocation = try SpaceAllocator().allocate(district)
        #expect(allocation.warnings.map(\.description) == [
            "bad.geojson: feature 0 (id neg): width=-3 is outside 0..200 m; ignored; default used (kept)",
            "bad.geojson: feature 1 (id abc): lanes=abc is not a whole number; ignored; default used (kept)",
            "bad.geojson: feature 2 (id huge): width=1e9 is outside 0..200 m; ignored; default used (kept)",
        ])
        // Each falls back to 2 default lanes of 3.0 m: a 6 m carriageway with round caps.
        for street in allocation.streets {
            #expect(street.section?.carriageway == 6)
            #expect(street.areas[.traffic] > 600)
        }
    }
}

/// Strips measured in parallel give what one pass over the whole district gives.
@Suite struct ParallelAllocationTests {
    static func expectSame(_ a: SpaceAllocation, _ b: SpaceAllocation) {
        #expect(a.streets.count == b.streets.count)
        for (x, y) in zip(a.streets, b.streets) {
            #expect(x.id == y.id && x.section == y.section)
            for category in SpaceCategory.allCases { #expect(abs(x.areas[category] - y.areas[category]) < 1e-6, "\(x.id) \(category)") }
        }
        for (x, y) in zip(a.cells, b.cells) {
            for category in SpaceCategory.allCases { #expect(abs(x.areas[category] - y.areas[category]) < 1e-6) }
        }
        #expect(a.warnings == b.warnings)
    }

    @Test func eixampleStripsMatchOnePass() throws {
        let district = EixampleAllocationTests.eixample.district
        let sequential = try SpaceAllocator().resolve(district, context: GeometryContext())
        Self.expectSame(sequential, try SpaceAllocator().allocate(district, workers: 3))
    }

    @Test func gridInFiveStripsMatchesOnePass() throws {
        let district = try DistrictLoader().load([FixtureFiles.sample("synthetic/grid.geojson"), FixtureFiles.sample("synthetic/cells.geojson")])
        Self.expectSame(try SpaceAllocator().resolve(district, context: GeometryContext()),
                        try SpaceAllocator().allocate(district, workers: 5))
    }
}
