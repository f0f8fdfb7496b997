import DistrictModel
import Foundation
import GeoJSON
import GeometryEngine
import Indicators
import Reports
import Testing
import TestSupport

/// Cell detection and the interior check on the synthetic Eixample grid (Samples/synthetic/README.md):
/// basic network = the `secondary` lines 0, 3, 6, 9 each way, so the cells are the nine 3 x 3-block
/// squares of `cells.geojson`.
@Suite struct CellDetectionTests {
    static let pitch = 133.3
    static let side = 3 * 133.3  // 399.9 m between basic centrelines

    static let grid: (district: District, result: CellDetectionResult) = {
        let district = try! DistrictLoader().load([FixtureFiles.sample("synthetic/grid.geojson")])
        return (district, try! CellDetection().detect(district))
    }()

    @Test func findsTheNineThreeByThreeSquares() throws {
        let result = Self.grid.result
        #expect(result.basicStreetCount == 72)
        #expect(result.faceCount == 9)
        #expect(result.cells.count == 9)
        for cell in result.cells {
            // 399.9 m squares: 159,920.01 m2 = 15.99 ha, perimeter 4 x 399.9 m.
            #expect(abs(cell.area - Self.side * Self.side) < 1e-4)
            #expect(abs(cell.perimeter - 4 * Self.side) < 1e-6)
            #expect(cell.size == .ok && cell.faces == 1)
            // 2 interior lines each way x 3 segments; the 12 segments on the boundary are basic.
            #expect(cell.interiorStreets.count == 12)
            #expect(abs(cell.interiorStreetLength - 12 * Self.pitch) < 1e-6)
            #expect(cell.interiorStreetIDs.allSatisfy { !["ns-0", "ns-3", "ns-6", "ns-9", "ew-0", "ew-3", "ew-6", "ew-9"].contains(String($0.prefix(4))) })
            // 12 basic segments round it.
            #expect(cell.perimeterStreets.count == 12)
        }
        // Numbered from the south-west, row by row: cell-5 is the centre one with the park.
        let centre = result.cells[4]
        #expect(centre.id == "cell-5")
        #expect(Set(centre.interiorStreetIDs) == Set(["ns-4-3", "ns-4-4", "ns-4-5", "ns-5-3", "ns-5-4", "ns-5-5",
                                                      "ew-4-3", "ew-4-4", "ew-4-5", "ew-5-3", "ew-5-4", "ew-5-5"]))
    }

    @Test func residentsAreSummedPerCell() {
        // 600 per building; the centre cell holds the park and cell (0, 2) the vacant lot: 8 buildings.
        let residents = Self.grid.result.cells.map(\.residents)
        #expect(residents == [5400, 5400, 5400, 5400, 4800, 5400, 4800, 5400, 5400])
        #expect(residents.reduce(0, +) == 47_400)
    }

    @Test func anUntreatedGridHasThroughRoutes() throws {
        // A straight interior street crosses the cell: 399.9 m through it against 133.3 + 399.9 +
        // 133.3 = 666.5 m round the boundary between its two ends, saving 266.6 m. The streets are
        // one-way south to north and west to east, so the route runs that way.
        for cell in Self.grid.result.cells {
            let route = try #require(cell.throughRoute)
            #expect(abs(route.length - Self.side) < 1e-6)
            #expect(abs(route.aroundLength - (Self.side + 2 * Self.pitch)) < 1e-6)
            #expect(route.streetIDs.count == 3)
            #expect(Set(route.streetIDs.map { $0.dropLast(2) }).count == 1)  // one line, e.g. ns-4-3, ns-4-4, ns-4-5
        }
    }

    @Test func givenCellsAreMeasuredAlike() throws {
        let district = try DistrictLoader().load([FixtureFiles.sample("synthetic/grid.geojson"), FixtureFiles.sample("synthetic/cells.geojson")])
        let cells = try CellAnalysis().analyse(CellAnalysis.inputs(from: district.cells), in: district)
        #expect(cells.map(\.id) == ["cell-0-0", "cell-0-1", "cell-0-2", "cell-1-0", "cell-1-1", "cell-1-2", "cell-2-0", "cell-2-1", "cell-2-2"])
        #expect(cells.allSatisfy { $0.interiorStreets.count == 12 && $0.throughRoute != nil })
        #expect(cells[4].residents == 4800)
    }
}

/// The through-route test on small hand-made interiors.
@Suite struct InteriorCheckTests {
    /// A 300 m square cell with the given streets (EPSG:25831-like metres).
    func route(_ streets: [(String, [Double], String?)]) throws -> ThroughRoute? {
        var features: [DistrictFeature] = []
        let cell = DistrictFeature(id: "c", layer: .superblock, geometry: .polygon([[0, 0, 300, 0, 300, 300, 0, 300, 0, 0]]),
                                   attributes: Attributes([:]), origin: FeatureOrigin(file: "t", index: 0, id: "c"))
        for (index, (id, xy, oneway)) in streets.enumerated() {
            var tags: [String: PropertyValue] = ["highway": .string("residential")]
            if let oneway { tags["oneway"] = .string(oneway) }
            features.append(DistrictFeature(id: id, layer: .street, geometry: .lineString(xy), attributes: Attributes(tags),
                                            origin: FeatureOrigin(file: "t", index: index + 1, id: id)))
        }
        let district = District(crs: "EPSG:25831", features: [cell] + features)
        return try CellAnalysis().analyse(CellAnalysis.inputs(from: district.cells), in: district)[0].throughRoute
    }

    @Test func straightStreetAcrossIsAThroughRoute() throws {
        let found = try #require(try route([("a", [150, 0, 150, 150], nil), ("b", [150, 150, 150, 300], nil)]))
        #expect(found.streetIDs == ["a", "b"])
        #expect(found.length == 300 && found.aroundLength == 600)
        #expect(found.path == [150, 0, 150, 150, 150, 300])
    }

    @Test func deadEndsAndCornerCutsAreNot() throws {
        // A cul-de-sac from the south side reaches no other gate.
        #expect(try route([("a", [150, 0, 150, 200], nil)]) == nil)
        // An L from the south side to the east side is exactly as long as going round the corner.
        #expect(try route([("a", [150, 0, 150, 150], nil), ("b", [150, 150, 300, 150], nil)]) == nil)
    }

    @Test func oneWayLoopSendsTrafficBack() throws {
        // In from the south, round a one-way loop, out to the south again: a Barcelona superblock's
        // loop. The two south gates are 100 m apart along the boundary; the loop is 400 m.
        let loop: [(String, [Double], String?)] = [
            ("in", [100, 0, 100, 150], "yes"), ("top", [100, 150, 200, 150], "yes"), ("out", [200, 150, 200, 0], "yes"),
        ]
        #expect(try route(loop) == nil)
        // A two-way street from the north side into the loop opens it: north gate -> top -> out to
        // the south is 150 + 50 + 150 = 350 m against 550 m round the west side, 200 m saved.
        let found = try #require(try route(loop + [("north", [150, 150, 150, 300], nil)]))
        #expect(abs(found.saving - 200) < 1e-9 && abs(found.length - 350) < 1e-9)
        #expect(found.streetIDs.contains("north") && found.streetIDs.contains("top"))
    }

    @Test func junctionWithoutASharedVertexStillConnects() throws {
        // The second street ends 0.3 m short of the first's side, between its vertices.
        let found = try #require(try route([("a", [0, 150, 300, 150], nil), ("b", [150, 150.3, 150, 300], nil), ("c", [150, 0, 150, 149.7], nil)]))
        #expect(found.length < 301)
    }
}

/// The cells file of `superblock detect`: polygons with the contract's properties, read back as
/// the `superblock` layer.
@Suite struct CellsFileTests {
    @Test func detectedCellsRoundTripAsTheSuperblockLayer() throws {
        let (district, result) = CellDetectionTests.grid
        let directory = try FixtureFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("cells.geojson")
        try CellsGeoJSON(cells: result.cells, crs: district.crs).write(to: url)

        let collection = try GeoJSONReader().read(contentsOf: url)
        #expect(collection.crs == "EPSG:25831")
        let first = try #require(collection.features.first)
        for key in ["layer", "id", "area_m2", "perimeter_m", "residents", "interior_street_length_m", "interior_streets",
                    "through_route", "through_route_path"] {
            #expect(first.properties[key] != nil, "missing \(key)")
        }
        #expect(first.properties["area_m2"] == .number(159_920.01))
        #expect(first.properties["through_route"] == .string("yes"))
        #expect(first.properties["interior_streets"]?.stringValue?.split(separator: ";").count == 12)

        let reloaded = try DistrictLoader().load([FixtureFiles.sample("synthetic/grid.geojson"), url])
        #expect(reloaded.cells.count == 9)
        let again = try CellAnalysis().analyse(CellAnalysis.inputs(from: reloaded.cells), in: reloaded)
        #expect(again.map(\.interiorStreetIDs) == result.cells.map(\.interiorStreetIDs))
    }
}
