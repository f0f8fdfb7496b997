import Foundation
import GeoPackage
import GeometryEngine
import Testing
import TestSupport
@testable import superblock

/// `analyze` writes `district.gpkg` (and `--noise-grid` its `noise_bands` layer and
/// `noise_grid.csv`): read back with SQLite and with GDAL's ogrinfo, against the input geometry
/// and the CSV tables of the same run.
@Suite struct GeoPackageOutputTests {
    static let x0 = 430_000.0, y0 = 4_581_000.0

    /// A small district in EPSG:25831: a road with traffic and a footway (the grid's study area is
    /// 200 x 60 m), two buildings, a park, a vacant lot and a superblock cell.
    static let district = #"""
        {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::25831"}},"features":[
        {"type":"Feature","properties":{"id":"road","highway":"secondary","traffic:aadt":12000,"maxspeed":"50","name":"Carrer A"},
         "geometry":{"type":"LineString","coordinates":[[430000,4581000],[430200,4581000]]}},
        {"type":"Feature","properties":{"id":"walk","highway":"footway"},
         "geometry":{"type":"LineString","coordinates":[[430000,4581060],[430100,4581060],[430200,4581060]]}},
        {"type":"Feature","properties":{"id":"b1","building":"apartments","population":40,"height":15},
         "geometry":{"type":"Polygon","coordinates":[[[430020,4581015],[430060,4581015],[430060,4581040],[430020,4581040],[430020,4581015]]]}},
        {"type":"Feature","properties":{"id":"b2","building":"apartments","population":25},
         "geometry":{"type":"Polygon","coordinates":[[[430120,4581015],[430150,4581015],[430150,4581045],[430120,4581045],[430120,4581015]]]}},
        {"type":"Feature","properties":{"id":"park","leisure":"park","name":"Jardins"},
         "geometry":{"type":"Polygon","coordinates":[[[430070,4581015],[430110,4581015],[430110,4581050],[430070,4581050],[430070,4581015]]]}},
        {"type":"Feature","properties":{"id":"lot","landuse":"brownfield"},
         "geometry":{"type":"Polygon","coordinates":[[[430160,4581015],[430190,4581015],[430190,4581035],[430160,4581035],[430160,4581015]]]}},
        {"type":"Feature","properties":{"layer":"superblock","id":"cell","name":"Illa"},
         "geometry":{"type":"Polygon","coordinates":[[[430000,4581000],[430200,4581000],[430200,4581060],[430000,4581060],[430000,4581000]]]}}]}
        """#

    /// Runs `analyze` in-process once for the suite's tests.
    static let run: Task<URL, Error> = Task {
        let directory = try FixtureFiles.temporaryDirectory()
        let input = directory.appendingPathComponent("district.geojson")
        try Data(district.utf8).write(to: input)
        let out = directory.appendingPathComponent("out")
        try await AnalyzeCommand.parse([input.path, "--out", out.path, "--noise-grid", "20", "--propagation", "free-field"]).run()
        return out
    }

    static func csv(_ url: URL) throws -> [[String: String]] {
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
    }

    static let layers = ["streets": 2, "street_space": -1, "buildings": 2, "green": 1, "lots": 1, "cells": 1, "receivers": 2, "noise_bands": -1]

    @Test("the GeoPackage tables: contents, geometry columns, CRS rows, R-tree extensions")
    func requiredTables() async throws {
        let out = try await Self.run.value
        let db = try SQLiteConnection(path: out.appendingPathComponent("district.gpkg").path)
        #expect(try db.query("PRAGMA application_id") == [[.integer(0x4750_4B47)]] && db.query("PRAGMA user_version") == [[.integer(10300)]])
        let contents = try db.query("SELECT table_name, data_type, srs_id FROM gpkg_contents ORDER BY table_name")
        #expect(contents == Self.layers.keys.sorted().map { [.text($0), .text("features"), .integer(25831)] })
        let types = try db.query("SELECT table_name, geometry_type_name FROM gpkg_geometry_columns WHERE srs_id = 25831 AND column_name = 'geom'")
        let typeOf = Dictionary(uniqueKeysWithValues: types.map { ($0[0].text!, $0[1].text!) })
        #expect(typeOf == ["streets": "LINESTRING", "street_space": "MULTIPOLYGON", "buildings": "POLYGON", "green": "POLYGON",
                           "lots": "POLYGON", "cells": "POLYGON", "receivers": "POINT", "noise_bands": "MULTIPOLYGON"])
        let systems = try db.query("SELECT srs_id, organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys ORDER BY srs_id")
        #expect(systems.map { $0[0] } == [.integer(-1), .integer(0), .integer(4326), .integer(25831)])
        #expect(systems[3][3].text?.hasPrefix("PROJCS[\"ETRS89 / UTM zone 31N\"") == true)
        #expect(systems[2][3].text?.hasPrefix("GEOGCS[\"WGS 84\"") == true)
        let extensions = try db.query("SELECT table_name FROM gpkg_extensions WHERE extension_name = 'gpkg_rtree_index' AND column_name = 'geom'")
        #expect(Set(extensions.compactMap { $0[0].text }) == Set(Self.layers.keys))
        for layer in Self.layers.keys {
            #expect(try db.query("SELECT count(*) FROM rtree_\(layer)_geom") == db.query("SELECT count(*) FROM \(layer)"), "\(layer)")
        }
        let styles = try db.query("SELECT f_table_name, styleName FROM layer_styles WHERE useAsDefault = 1 ORDER BY f_table_name")
        #expect(styles.compactMap { $0[0].text } == Self.layers.keys.sorted())
    }

    @Test("features: counts of the CSVs, geometry blobs decode to the input and to the areas written")
    func features() async throws {
        let out = try await Self.run.value
        let db = try SQLiteConnection(path: out.appendingPathComponent("district.gpkg").path)
        let context = GeometryContext()
        func geometry(_ value: SQLValue) throws -> Geometry {
            let decoded = try GeoPackageBinary.decode(try #require(value.blob))
            #expect(decoded.srsID == 25831)
            let geometry = try Geometry.fromWKB(decoded.wkb, in: context)
            let box = try #require(geometry.envelope)
            #expect(decoded.envelope == BoundingBox(minX: box.minX, maxX: box.maxX, minY: box.minY, maxY: box.maxY))
            return geometry
        }
        // Streets: every streets.csv column, typed, and the centreline as given.
        let streetsCSV = try Self.csv(out.appendingPathComponent("streets.csv"))
        let streets = try db.query("SELECT geom, id, length_m, street_area_m2, highway FROM streets ORDER BY fid")
        #expect(streets.count == streetsCSV.count)
        #expect(streets.map { $0[1] } == [.text("road"), .text("walk")])
        #expect(try geometry(streets[1][0]).coordinates == [430000, 4581060, 430100, 4581060, 430200, 4581060])
        #expect(streets[0][2] == .real(200) && streets[0][4] == .text("secondary"))
        #expect(streets[0][3].number == Double(streetsCSV[0]["street_area_m2"]!))
        let columns = try db.query("SELECT name FROM pragma_table_info('streets')").compactMap { $0[0].text }
        #expect(columns == ["fid", "geom"] + (try String(contentsOf: out.appendingPathComponent("streets.csv"), encoding: .utf8)
            .prefix { $0 != "\n" }.split(separator: ",").map(String.init)))
        // Buildings: the footprints' areas, and the levels of buildings.csv.
        let buildingsCSV = try Self.csv(out.appendingPathComponent("buildings.csv"))
        let buildings = try db.query("SELECT geom, id, lden_dba, population FROM buildings ORDER BY fid")
        #expect(buildings.count == buildingsCSV.count)
        #expect(try buildings.map { try geometry($0[0]).area } == [1000, 900])
        #expect(buildings.map { $0[2].number } == buildingsCSV.map { Double($0["lden_dba"]!) })
        // Each building's receiver stands 2 m outside its footprint and carries its Lden.
        let receivers = try db.query("SELECT r.geom, r.lden_dba, b.geom FROM receivers r JOIN buildings b ON b.id = r.building_id ORDER BY b.fid")
        #expect(receivers.count == 2)
        for row in receivers {
            #expect(abs(try geometry(row[0]).distance(to: try geometry(row[2])) - 2) < 1e-9)
        }
        #expect(receivers.map { $0[1] } == buildings.map { $0[2] })
        // Street space: each polygon's area is its area_m2, and they add up to the district's street area.
        let pieces = try db.query("SELECT geom, area_m2, street_id, junction_id, category FROM street_space")
        for piece in pieces { #expect(abs(try geometry(piece[0]).area - piece[1].number!) < 1e-6) }
        let districtCSV = try Self.csv(out.appendingPathComponent("district.csv"))
        let streetRow = try #require(districtCSV.first { $0["indicator"] == "street_area_m2" })
        let streetArea = try #require(Double(streetRow["value"] ?? ""))
        #expect(abs(pieces.compactMap { $0[1].number }.reduce(0, +) - streetArea) < 0.01)
        #expect(Set(pieces.compactMap { $0[2].text }) == ["road", "walk"] && pieces.allSatisfy { $0[3] == .null })
        // Green, lots and cells.
        #expect(try db.query("SELECT id, name, area_m2 FROM green") == [[.text("park"), .text("Jardins"), .real(1400)]])
        let lots = try db.query("SELECT geom, id, area_m2 FROM lots")
        #expect(lots.count == 1)
        let lotArea = try geometry(lots[0][0]).area
        #expect(lots[0][1] == .text("lot") && abs(lotArea - 600) < 1e-9 && lots[0][2] == .real(600))
        #expect(try db.query("SELECT id, cell_area_m2 FROM cells") == [[.text("cell"), .real(12000)]])
    }

    @Test("the noise grid: noise_grid.csv holds every point; the bands add up to the grid cells less the buildings")
    func noiseGrid() async throws {
        let out = try await Self.run.value
        let grid = try Self.csv(out.appendingPathComponent("noise_grid.csv"))
        // 10 x 3 cells of 20 m over the 200 x 60 m street extent; b1 holds the centres (430030, 4581030)
        // and (430050, 4581030), b2 (430130, 4581030) and, on its east wall (a point on a facade is
        // not outside), (430150, 4581030): 26 points, 10,400 m2 less the buildings' parts outside
        // their dropped cells: b1 1,000 - 800 = 200, b2 900 - 600 = 300.
        #expect(grid.count == 26)
        #expect(!grid.contains { $0["x"] == "430030.00" && $0["y"] == "4581030.00" })
        #expect(grid.allSatisfy { Double($0["lden_dba"]!) != nil && Double($0["lnight_dba"]!) == Double($0["ln_dba"]!) })
        let db = try SQLiteConnection(path: out.appendingPathComponent("district.gpkg").path)
        let bands = try db.query("SELECT band, lden_min_dba, lden_max_dba, grid_points, area_m2 FROM noise_bands ORDER BY fid")
        let points = bands.compactMap { $0[3].integer }.reduce(0, +)
        let area = bands.compactMap { $0[4].number }.reduce(0, +)
        #expect(points == 26)
        #expect(abs(area - (10_400 - 200 - 300)) < 0.01)
        for band in bands {
            let lower = band[1].number ?? -.infinity, upper = band[2].number ?? .infinity
            let inBand = grid.filter { (lower..<upper).contains(Double($0["lden_dba"]!)!) }.count
            // Levels in the CSV are rounded to 0.1 dB: a point within 0.05 dB of an edge may read as the next band.
            #expect(abs(inBand - Int(band[3].integer!)) <= 1, "\(band)")
        }
    }

    @Test("ogrinfo lists every layer with its CRS and feature count (make setup installs gdal-bin)")
    func ogrinfo() async throws {
        let ogrinfo = try #require(OGRInfo.path, "ogrinfo is missing: `make setup` installs gdal-bin")
        let out = try await Self.run.value
        let (status, output) = try OGRInfo.summary(of: out.appendingPathComponent("district.gpkg").path, executable: ogrinfo)
        #expect(status == 0)
        #expect(!output.contains("ERROR") && !output.contains("Warning"), "\(output)")
        let db = try SQLiteConnection(path: out.appendingPathComponent("district.gpkg").path)
        // One block per layer, from "Layer name:" to the next.
        let blocks = output.components(separatedBy: "Layer name: ").dropFirst()
        for (layer, expected) in Self.layers {
            let block = try #require(blocks.first { $0.hasPrefix(layer + "\n") }, "\(layer) missing from ogrinfo")
            let count = expected >= 0 ? expected : Int(try #require(try db.query("SELECT count(*) FROM \(layer)")[0][0].integer))
            #expect(block.contains("Feature Count: \(count)\n"), "\(layer)")
            #expect(block.contains("ID[\"EPSG\",25831]]"), "\(layer): CRS")
        }
    }
}
