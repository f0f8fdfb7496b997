import Foundation
import Testing
import TestSupport
@testable import superblock

/// `analyze --only`: only the families asked for are written, their numbers are those of the
/// full run, and the stages they need run unreported.
@Suite struct OnlyStagesTests {
    static let grid = [FixtureFiles.sample("synthetic/grid.geojson").path, FixtureFiles.sample("synthetic/cells.geojson").path]

    static func run(_ arguments: [String]) async throws -> URL {
        let out = try FixtureFiles.temporaryDirectory().appendingPathComponent("out")
        try await AnalyzeCommand.parse(grid + ["--out", out.path, "--propagation", "free-field", "--quiet"] + arguments).run()
        return out
    }

    static func table(_ url: URL) throws -> (header: [String], rows: [[String]]) {
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return (lines[0], Array(lines.dropFirst()))
    }

    static func indicators(_ out: URL) throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try table(out.appendingPathComponent("district.csv")).rows.map { ($0[0], $0[1]) })
    }

    static func files(_ out: URL) throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: out.path))
    }

    @Test func spaceAloneWritesTheStreetSpaceTablesOnly() async throws {
        let out = try await Self.run(["--only", "space"])
        #expect(try Self.files(out) == ["streets.csv", "district.csv", "junctions.csv", "cells.csv", "district.gpkg", "report.html"])
        let district = try Self.indicators(out)
        #expect(district["residents"] == nil && district["residents_lden_ge_65_pct"] == nil && district["green_area_m2"] == nil)
        // No separate sidewalks on the grid: each row is what the street holds itself, and the rows
        // and the junctions add up to the district's street space.
        let streets = try Self.table(out.appendingPathComponent("streets.csv"))
        let area = try #require(streets.header.firstIndex(of: "street_area_m2")), own = try #require(streets.header.firstIndex(of: "own_street_area_m2"))
        #expect(streets.header.last == "section_pedestrian_share_pct" && !streets.header.contains("lw_day_dba_per_m"))
        #expect(streets.rows.allSatisfy { $0[area] == $0[own] })
        // Every street between two crossings holds its section's 50 % (10 m of sidewalk in 20 m).
        let section = try #require(streets.header.firstIndex(of: "section_pedestrian_share_pct"))
        #expect(streets.rows.filter { $0[0].hasPrefix("ns-") || $0[0].hasPrefix("ew-") }.allSatisfy { $0[section] == "50.00" })
        let rows = streets.rows.reduce(0.0) { $0 + Double($1[own])! }
        let junctionArea = try #require(Double(district["junction_area_m2"] ?? ""))
        #expect(district["junctions"] == "96")
        #expect(abs(rows + junctionArea - Double(district["street_area_m2"]!)!) < 0.01 * Double(streets.rows.count))
        // The junction table's total is the district row, and its nodes are grid crossings.
        let junctions = try Self.table(out.appendingPathComponent("junctions.csv"))
        let total = try #require(junctions.header.firstIndex(of: "junction_area_m2")), x = try #require(junctions.header.firstIndex(of: "x"))
        #expect(abs(junctions.rows.reduce(0.0) { $0 + Double($1[total])! } - junctionArea) < 0.01 * Double(junctions.rows.count))
        for row in junctions.rows {
            let offset = (Double(row[x])! - 430_000) / 133.3
            #expect(abs(offset - offset.rounded()) < 1e-6)
        }
    }

    /// Noise alone: streets.csv is who each street is and its emission; buildings.csv has levels
    /// and the residents they rest on, and no green columns; no street space is measured.
    @Test func noiseAloneReportsNoiseWithTheResidentsItNeeds() async throws {
        let full = try await Self.run([])
        let out = try await Self.run(["--only", "noise"])
        #expect(try Self.files(out).isSuperset(of: ["streets.csv", "district.csv", "buildings.csv"]))
        #expect(!(try Self.files(out)).contains("junctions.csv"))
        let streets = try Self.table(out.appendingPathComponent("streets.csv"))
        #expect(Array(streets.header.prefix(4)) == ["id", "name", "highway", "lw_day_dba_per_m"])
        let district = try Self.indicators(out), fullDistrict = try Self.indicators(full)
        #expect(district["street_area_m2"] == nil)
        #expect(district["residents_lden_ge_65_pct"] == fullDistrict["residents_lden_ge_65_pct"])
        let buildings = try Self.table(out.appendingPathComponent("buildings.csv"))
        let lden = try #require(buildings.header.firstIndex(of: "lden_dba")), green = try #require(buildings.header.firstIndex(of: "green_300m"))
        #expect(buildings.rows.allSatisfy { !$0[lden].isEmpty && $0[green].isEmpty })
        #expect(try Self.table(full.appendingPathComponent("buildings.csv")).rows.map { $0[lden] } == buildings.rows.map { $0[lden] })
    }

    @Test func anUnknownStageIsAUsageError() {
        #expect(throws: (any Error).self) { try AnalyzeCommand.parse(Self.grid + ["--out", "x", "--only", "space,trafic"]) }
        #expect(throws: (any Error).self) { try AnalyzeCommand.parse(Self.grid + ["--out", "x", "--only", ","]) }
    }
}
