import Foundation
import Testing
import TestSupport

/// `extract` then `analyze` on the hand-built `.osm` file, through the binary: the context park is
/// nobody's row but still the building's nearest green.
@Suite struct OSMCommandTests {
    static let osm = FixtureFiles.fixture("osm/courtyard.osm")

    static func rows(_ path: URL) throws -> [[String: String]] {
        let lines = try String(contentsOf: path, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
    }

    @Test func extractThenAnalyzeReportsTheDistrictAndUsesTheMargin() throws {
        let scratch = try FixtureFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let district = scratch.appendingPathComponent("district.geojson")
        let extract = try CLIRun(["extract", Self.osm.path, "--bbox", "6.1399,46.1990,6.1416,46.2007", "-o", district.path], timeout: 60)
        #expect(extract.status == 0, "\(extract.output)")
        #expect(extract.output.contains("1 of them context"))
        #expect(extract.output.contains("relation 3"))

        let out = scratch.appendingPathComponent("out")
        let analyze = try CLIRun(["analyze", district.path, "--propagation", "free-field", "--out", out.path], timeout: 60)
        #expect(analyze.status == 0, "\(analyze.output)")
        #expect(try Self.rows(out.appendingPathComponent("streets.csv")).map { $0["id"] } == ["w300", "w301"])
        let buildings = try Self.rows(out.appendingPathComponent("buildings.csv"))
        #expect(buildings.map { $0["id"] } == ["r1"])
        // The park (1.7 ha, 77 m east of the building) lies in the margin and is still reached.
        #expect(buildings.first?["green_300m"] == "1")
        let districtRows = try Self.rows(out.appendingPathComponent("district.csv"))
        #expect(districtRows.first { $0["indicator"] == "context_features" }?["value"] == "1")
    }

    @Test func analyzeReadsTheExtractItselfAndNotesOsmium() throws {
        let scratch = try FixtureFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let run = try CLIRun(["analyze", Self.osm.path, "--propagation", "free-field", "--out", scratch.path], timeout: 60)
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("note: \(Self.osm.path): read with osmium 1."))
        #expect(try Self.rows(scratch.appendingPathComponent("district.csv")).first { $0["indicator"] == "load_problems" }?["value"] == "1")
    }

    @Test func missingOsmiumIsAnErrorNamingThePackage() throws {
        let scratch = try FixtureFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("out")
        let run = try CLIRun(["analyze", Self.osm.path, "--out", out.path], timeout: 60, environment: ["PATH": scratch.path])
        #expect(run.status == 1, "\(run.output)")
        #expect(run.output.contains("install the package osmium-tool"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
