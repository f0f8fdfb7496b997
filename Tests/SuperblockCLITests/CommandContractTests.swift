import Foundation
import GeoPackage
import Testing
import TestSupport
@testable import superblock

/// The names users and scripts rely on: commands, options, files and columns (README).
@Suite struct CommandContractTests {
    @Test func emissionOptionsParse() throws {
        let command = try EmissionCommand.parse([
            "--coefficients", "2015", "--surface", "NL05", "--temperature", "12", "--studded-share", "0.2", "--studded-months", "4",
            "--gradient", "3", "--two-way", "--junction-distance", "20", "--junction-type", "roundabout",
            "--light", "1000@50", "--medium", "20@50", "--heavy", "30@40", "--moped", "5@30", "--motorcycle", "10@50", "--format", "csv",
        ])
        #expect(command.flows.count == 5)
        #expect(command.flows[.heavy]?.vehiclesPerHour == 30 && command.flows[.heavy]?.speedKmh == 40)
        #expect(command.twoWay && command.gradient == 3 && command.format == .csv)
        #expect(throws: (any Error).self) { try EmissionCommand.parse([]) }  // no flow
        #expect(throws: (any Error).self) { try EmissionCommand.parse(["--light", "1000"]) }  // not Q@V
        #expect(throws: (any Error).self) { try EmissionCommand.parse(["--light", "1000@50", "--junction-distance", "10"]) }
        #expect(throws: (any Error).self) { try EmissionCommand.parse(["--light", "1000@50", "--surface", "gravel"]) }
    }

    @Test func analyzeWritesTheDocumentedTables() async throws {
        let directory = try FixtureFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("out").path
        // Two sensor sites in the grid's own CRS: one in the middle of a street at 4 m, one over a
        // block's courtyard at 10 m.
        let sensors = directory.appendingPathComponent("sensors.geojson")
        try Data(#"""
            {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::25831"}},"features":[
            {"type":"Feature","properties":{"id":"s1"},"geometry":{"type":"Point","coordinates":[430000.0,4581066.0]}},
            {"type":"Feature","properties":{"id":"s2","height":10},"geometry":{"type":"Point","coordinates":[430066.0,4581066.0]}}]}
            """#.utf8).write(to: sensors)
        let command = try AnalyzeCommand.parse([
            FixtureFiles.sample("synthetic/grid.geojson").path, FixtureFiles.sample("synthetic/cells.geojson").path,
            "--out", out, "--green-lots", "--lot-weights", "newly_served=1,residents=1", "--format", "json", "--ihd-incidence", "250",
            "--propagation", "free-field", "--receivers", sensors.path,
        ])
        #expect(command.healthOptions.options.ihdIncidencePer100000 == 250)
        try await command.run()
        func header(_ name: String) throws -> [String] {
            let text = try String(contentsOfFile: "\(out)/\(name)", encoding: .utf8)
            return text.split(separator: "\n")[0].split(separator: ",").map(String.init)
        }
        let streets = try header("streets.csv")
        #expect(Array(streets.prefix(11)) == ["id", "name", "highway", "length_m", "pedestrian_m2", "shared_m2", "cycle_m2", "green_m2",
                                              "parking_m2", "traffic_m2", "defaulted"])
        #expect(streets.contains("lw_day_dba_per_m") && streets.contains("lw_evening_dba_per_m") && streets.contains("lw_night_dba_per_m"))
        #expect(try header("district.csv") == ["indicator", "value", "unit"])
        #expect(Array(try header("buildings.csv").prefix(7)) == ["id", "population", "ld_dba", "le_dba", "ln_dba", "lden_dba", "lnight_dba"])
        #expect(try header("buildings.csv").contains("green_300m") && (try header("buildings.csv")).contains("trees_15m"))
        for column in ["highly_annoyed", "highly_sleep_disturbed", "height_m", "height_source"] {
            #expect(try header("buildings.csv").contains(column), "\(column)")
        }
        #expect(Array(try header("lots.csv").prefix(7)) == ["id", "area_m2", "compactness", "residents_300m", "newly_served_residents",
                                                             "nearest_green_m", "lden_dba"])
        #expect(try header("cells.csv").contains("pedestrian_share_pct"))
        // Issue 12: junctions as units, a contract; the streets' new columns come last.
        #expect(Array(try header("junctions.csv").prefix(8)) == ["id", "streets", "pedestrian_m2", "shared_m2", "cycle_m2", "green_m2",
                                                                 "parking_m2", "traffic_m2"])
        #expect(Array(streets.suffix(3)) == ["own_street_area_m2", "alongside_roads", "section_pedestrian_share_pct"])
        let junctionRows = try String(contentsOfFile: "\(out)/junctions.csv", encoding: .utf8).split(separator: "\n").count - 1
        #expect(junctionRows == 96)
        let gpkg = try SQLiteConnection(path: "\(out)/district.gpkg")
        #expect(try gpkg.query("SELECT count(*) FROM junctions") == [[.integer(Int64(junctionRows))]])
        #expect(try gpkg.query("SELECT count(*) FROM street_space WHERE junction_id IS NOT NULL") == [[.integer(2 * 96)]])
        #expect(try header("receivers.csv") == ["id", "x", "y", "height_m", "ld_dba", "le_dba", "ln_dba", "lden_dba", "lnight_dba"])
        let receivers = try String(contentsOfFile: "\(out)/receivers.csv", encoding: .utf8).split(separator: "\n").dropFirst()
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(receivers.count == 2)
        #expect(receivers.first?.prefix(4) == ["s1", "430000.00", "4581066.00", "4.00"])
        #expect(receivers.last?[3] == "10.00")
        // On the street centreline it is louder than over the courtyard, 66 m from every street.
        let onStreet = try #require(Double(receivers[0][7])), courtyard = try #require(Double(receivers[1][7]))
        #expect(onStreet > courtyard + 5)
        let district = try String(contentsOfFile: "\(out)/district.csv", encoding: .utf8)
        let indicators = Set(district.split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[0]) })
        for name in ["street_area_m2", "pedestrian_area_m2", "shared_area_m2", "cycle_area_m2", "green_strip_area_m2", "parking_area_m2",
                     "traffic_area_m2", "pedestrian_share_pct", "residents_lden_ge_53_pct", "residents_lden_ge_55_pct",
                     "residents_lden_ge_65_pct", "residents_lnight_ge_45_pct", "residents_ld_lt_65_pct", "residents_lden_55_59",
                     "residents_lden_ge_75", "residents_lnight_50_54", "residents_lnight_ge_70", "residents", "green_area_m2",
                     "green_m2_per_resident", "residents_green_300m_pct", "residents_green_300m_1ha_pct", "residents_3_30_300_pct",
                     "canopy_pct", "residents_green_300m_pct_if_lots_green",
                     // Issue 9: health outcomes (a contract) and what was assumed.
                     "residents_highly_annoyed", "residents_highly_sleep_disturbed", "ihd_cases_attributable", "ihd_incidence_per_100000",
                     "noise_model", "street_length_default_traffic_pct", "buildings_default_height_pct", "residents_without_census_pct"] {
            #expect(indicators.contains(name), "\(name)")
        }
        #expect(indicators.count == district.split(separator: "\n").count - 1)  // no indicator twice
        #expect(district.contains("ihd_incidence_per_100000,250.0,"))
        #expect(!district.contains("ihd_cases_attributable,,"))  // assessed: the grid has levels
    }

    /// `--max-error`, the CNOSSOS-EU error budget: 0.1 dB unless given, 0 ... 3 on analyze and
    /// compare, and a bad value is refused before anything is read.
    @Test func maxErrorIsAContract() throws {
        let grid = FixtureFiles.sample("synthetic/grid.geojson").path
        #expect(try AnalyzeCommand.parse([grid, "--out", "x"]).noiseOptions.options.maxError == 0.1)
        #expect(try AnalyzeCommand.parse([grid, "--out", "x", "--max-error", "0"]).noiseOptions.options.maxError == 0)
        #expect(try CompareCommand.parse([grid, grid, "--out", "x", "--max-error", "0.5"]).noiseOptions.options.maxError == 0.5)
        for bad in ["-1", "nan", "5"] {
            #expect(throws: (any Error).self) { try AnalyzeCommand.parse([grid, "--out", "x", "--max-error", bad]) }
        }
    }

    @Test func ihdIncidenceIsValidated() throws {
        let grid = FixtureFiles.sample("synthetic/grid.geojson").path
        #expect(try AnalyzeCommand.parse([grid, "--out", "x"]).healthOptions.ihdIncidence == 140)
        #expect(throws: (any Error).self) { try AnalyzeCommand.parse([grid, "--out", "x", "--ihd-incidence", "-5"]) }
        #expect(try CompareCommand.parse([grid, grid, "--out", "x", "--ihd-incidence", "90"]).healthOptions.options.ihdIncidencePer100000 == 90)
    }

    @Test func badInputFailsWithoutWritingAnything() async throws {
        let directory = try FixtureFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let broken = directory.appendingPathComponent("broken.geojson")
        try Data(#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"highway":"primary"},"geometry":{"type":"LineString","coordinates":[[2.1,41.3]]}}]}"#.utf8).write(to: broken)
        let out = directory.appendingPathComponent("out").path
        let command = try AnalyzeCommand.parse([broken.path, "--out", out])
        await #expect {
            try await command.run()
        } throws: { error in
            "\(error)".contains(broken.path) && "\(error)".contains("feature 0")
        }
        #expect(!FileManager.default.fileExists(atPath: "\(out)/streets.csv"))
    }
}
