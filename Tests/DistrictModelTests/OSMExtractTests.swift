import Foundation
import GeoJSON
import Testing
import TestSupport
@testable import DistrictModel

/// The OSM route on a hand-built `.osm` file (Fixtures/osm/courtyard.osm): osmium runs for real.
@Suite struct OSMExtractTests {
    static let file = FixtureFiles.fixture("osm/courtyard.osm")

    func read() throws -> OSMExtractResult {
        try OSMExtractReader.onPath().read(Self.file, name: "courtyard.osm")
    }

    @Test func multipolygonBuildingKeepsItsCourtyardAndTags() throws {
        let result = try read()
        let building = try #require(result.collection.features.first { $0.id == "r1" })
        guard case .multiPolygon(let polygons) = building.geometry else { Issue.record("not a MultiPolygon: \(String(describing: building.geometry))"); return }
        #expect(polygons.count == 1)
        let rings = try #require(polygons.first)
        #expect(rings.count == 2)  // outer and courtyard
        // Each ring closes and holds exactly its ways' nodes (lon, lat as written in the file).
        let outer = Set(stride(from: 0, to: rings[0].count, by: 2).map { Corner(rings[0][$0], rings[0][$0 + 1]) })
        let inner = Set(stride(from: 0, to: rings[1].count, by: 2).map { Corner(rings[1][$0], rings[1][$0 + 1]) })
        #expect(outer == [Corner(6.1400, 46.2000), Corner(6.1410, 46.2000), Corner(6.1410, 46.2006), Corner(6.1400, 46.2006)])
        #expect(inner == [Corner(6.1403, 46.2002), Corner(6.1407, 46.2002), Corner(6.1407, 46.2004), Corner(6.1403, 46.2004)])
        #expect(rings[0].count == 10 && rings[1].count == 10)
        #expect(building.properties["building"] == .string("apartments"))
        #expect(building.properties["building:levels"] == .string("5"))
        #expect(building.properties["height"] == .string("16.5"))
        #expect(building.properties["@osm_type"] == nil && building.properties["@osm_id"] == nil)
    }

    @Test func parkRelationIsAssembledFromItsSplitOuterWays() throws {
        let park = try #require(try read().collection.features.first { $0.id == "r2" })
        #expect(park.properties["leisure"] == .string("park"))
        #expect(park.properties["name"] == .string("Parc d'essai"))
        guard case .multiPolygon(let polygons) = park.geometry else { Issue.record("not a MultiPolygon"); return }
        #expect(polygons.count == 1 && polygons[0].count == 1)
        let ring = polygons[0][0]
        #expect(ring.count == 10)  // 4 corners from two ways, closed
        #expect(Set(stride(from: 0, to: ring.count, by: 2).map { Corner(ring[$0], ring[$0 + 1]) })
                == [Corner(6.1420, 46.2000), Corner(6.1440, 46.2000), Corner(6.1440, 46.2010), Corner(6.1420, 46.2010)])
    }

    @Test func streetsAreLinesWithTheirCrossSectionTags() throws {
        let features = try read().collection.features
        let street = try #require(features.first { $0.id == "w300" })
        #expect(street.geometry == .lineString([6.1395, 46.1995, 6.1415, 46.1995, 6.1450, 46.1995]))
        for (key, value) in ["highway": "residential", "width": "12", "lanes": "2", "sidewalk": "both", "maxspeed": "30",
                             "parking:both": "parallel", "cycleway:right": "lane", "name": "Rue de l'Exemple"] {
            #expect(street.properties[key] == .string(value), "\(key)")
        }
        let footway = try #require(features.first { $0.id == "w301" })
        #expect(footway.geometry == .lineString([6.1415, 46.1995, 6.1415, 46.2015]))
        #expect(footway.properties["superblock"] == .string("interior"))
    }

    @Test func onlyWhatTheToolkitReadsComesOut() throws {
        let result = try read()
        // Not the crossing node, the bench, the river, nor the member ways of the relations.
        #expect(Set(result.collection.features.compactMap(\.id)) == ["r1", "r2", "w300", "w301", "n40"])
        #expect(result.collection.features.first { $0.id == "n40" }?.geometry == .point(x: 6.1412, y: 46.1997))
    }

    @Test func brokenMultipolygonIsAProblemNamingTheRelation() throws {
        let result = try read()
        #expect(result.problems.count == 1)
        let problem = try #require(result.problems.first)
        #expect(problem.description.hasPrefix("courtyard.osm: relation 3: "))
        #expect(problem.action == .skipped)
    }

    @Test func notesNameOsmiumAndTheMissingTimestamp() throws {
        let result = try read()
        #expect(result.osmiumVersion.hasPrefix("osmium 1."))
        #expect(result.timestamp == nil)  // an XML file without osmosis_replication_timestamp
        #expect(result.notes == ["courtyard.osm: read with \(result.osmiumVersion); no replication timestamp in its header"])
    }

    @Test func loaderSortsTheExtractIntoLayersInMetres() throws {
        let district = try DistrictLoader().load([Self.file])
        #expect(district.crs == "EPSG:25832")  // 6.14 E: ETRS89 / UTM 32N
        #expect(district.layerCounts == [.street: 2, .green: 1, .building: 1, .vacant: 0, .superblock: 0, .tree: 1, .census: 0])
        #expect(district.unclassifiedCount == 0)
        #expect(district.problems.map(\.description) == [
            "\(Self.file.relativePath): relation 3: osmium could not assemble the multipolygon (rings that do not close, "
                + "or members missing from the extract) (skipped)",
        ])
        #expect(district.inputNotes.count == 1)
        // The courtyard is a hole: area = outer - inner, from degrees by the local ellipsoid scale
        // (WGS 84 metres per degree at 46.2003 N); UTM's scale factor here (~1.0002) is within 0.1 %.
        let building = try #require(district.buildings.first)
        let area = try GeometryContextBox().area(of: building.geometry)
        let latitude = 46.2003 * Double.pi / 180
        let metresLat = 111_132.954 - 559.822 * cos(2 * latitude) + 1.175 * cos(4 * latitude)
        let metresLon = 111_412.84 * cos(latitude) - 93.5 * cos(3 * latitude) + 0.118 * cos(5 * latitude)
        let expected = (0.0010 * 0.0006 - 0.0004 * 0.0002) * metresLat * metresLon
        #expect(abs(area / expected - 1) < 0.001, "\(area) vs \(expected)")
        #expect(building.id == "r1")
    }

    @Test func missingOsmiumNamesThePackage() {
        #expect(throws: OSMReadError.missingOsmium) { try Osmium.locate(path: "/nonexistent-directory") }
        #expect(OSMReadError.missingOsmium.description.contains("osmium-tool"))
    }

    @Test func failedOsmiumRunNamesTheFileAndOsmiumsMessage() throws {
        let directory = try FixtureFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let broken = directory.appendingPathComponent("broken.osm.pbf")
        try Data("not a PBF file".utf8).write(to: broken)
        do {
            _ = try DistrictLoader().load([broken])
            Issue.record("a broken PBF loaded")
        } catch {
            #expect(error.file == broken.relativePath)
            #expect(error.message.hasPrefix("osmium export failed (exit status 1): "))
        }
    }
}

/// A position compared exactly: the export writes the file's decimal degrees back unchanged.
private struct Corner: Hashable {
    var x: Double, y: Double
    init(_ x: Double, _ y: Double) { self.x = x; self.y = y }
}
