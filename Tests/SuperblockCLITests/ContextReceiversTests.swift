import Foundation
import Testing
import TestSupport
@testable import superblock

/// Levels at given points (`--receivers`) and on the noise grid hear every street read, the
/// context margin's too: flagging a street as context changes which rows are reported, never what
/// a receiver hears.
@Suite struct ContextReceiversTests {
    /// Two roads of different traffic; the busy one is context in the second run.
    static func district(contextFlag: Bool) -> String {
        let flag = contextFlag ? #","superblock:context":"yes""# : ""
        return #"""
            {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::25831"}},"features":[
            {"type":"Feature","properties":{"id":"quiet","highway":"residential","traffic:aadt":500,"maxspeed":"30"},
             "geometry":{"type":"LineString","coordinates":[[430000,4581000],[430200,4581000]]}},
            {"type":"Feature","properties":{"id":"busy","highway":"primary","traffic:aadt":40000,"maxspeed":"50"\#(flag)},
             "geometry":{"type":"LineString","coordinates":[[430000,4581100],[430200,4581100]]}}]}
            """#
    }

    static let points = #"""
        {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::25831"}},"features":[
        {"type":"Feature","properties":{"id":"near-busy"},"geometry":{"type":"Point","coordinates":[430100,4581090]}},
        {"type":"Feature","properties":{"id":"near-quiet"},"geometry":{"type":"Point","coordinates":[430100,4581010]}}]}
        """#

    static func run(contextFlag: Bool) async throws -> (receivers: String, grid: String, streets: Int) {
        let directory = try FixtureFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("district.geojson"), sites = directory.appendingPathComponent("sites.geojson")
        try Data(district(contextFlag: contextFlag).utf8).write(to: input)
        try Data(points.utf8).write(to: sites)
        let out = directory.appendingPathComponent("out")
        try await AnalyzeCommand.parse([input.path, "--out", out.path, "--receivers", sites.path, "--noise-grid", "50",
                                        "--propagation", "free-field", "--quiet"]).run()
        let streets = try String(contentsOf: out.appendingPathComponent("streets.csv"), encoding: .utf8).split(separator: "\n").count - 1
        return (try String(contentsOf: out.appendingPathComponent("receivers.csv"), encoding: .utf8),
                try String(contentsOf: out.appendingPathComponent("noise_grid.csv"), encoding: .utf8), streets)
    }

    /// Cutting the context keeps what the run was asked for: `--only space` writes no buildings.csv.
    @Test func cuttingTheContextKeepsTheStagesAsked() async throws {
        let directory = try FixtureFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("district.geojson"), out = directory.appendingPathComponent("out")
        try Data(Self.district(contextFlag: true).utf8).write(to: input)
        try await AnalyzeCommand.parse([input.path, "--out", out.path, "--only", "space", "--quiet"]).run()
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: out.path))
        #expect(files.contains("streets.csv") && !files.contains("buildings.csv"))
    }

    @Test func contextStreetsAreHeardAtReceiversAndOnTheGrid() async throws {
        let plain = try await Self.run(contextFlag: false)
        let flagged = try await Self.run(contextFlag: true)
        #expect(plain.streets == 2 && flagged.streets == 1)
        #expect(flagged.receivers == plain.receivers)
        #expect(flagged.grid == plain.grid)
    }
}
