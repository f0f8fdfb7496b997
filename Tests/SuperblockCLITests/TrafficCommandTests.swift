import Foundation
import Testing
import TestSupport
@testable import superblock

/// `--traffic`, `plan --reroute` and its refusal of a plan that disconnects the network (issue 13).
@Suite struct TrafficCommandTests {
    static let grid = FixtureFiles.sample("synthetic/grid.geojson").path
    static let cells = FixtureFiles.sample("synthetic/cells.geojson").path

    @Test func theTrafficOptionParsesOnAnalyzeAndCompare() throws {
        #expect(try AnalyzeCommand.parse([Self.grid, "--out", "x", "--traffic", "model"]).trafficOptions.traffic == .model)
        #expect(try AnalyzeCommand.parse([Self.grid, "--out", "x"]).trafficOptions.traffic == .defaults)
        #expect(try CompareCommand.parse([Self.grid, Self.grid, "--out", "x", "--traffic", "model"]).trafficOptions.traffic == .model)
        #expect(throws: (any Error).self) { try AnalyzeCommand.parse([Self.grid, "--out", "x", "--traffic", "counts"]) }
        // With --reroute the model gives the cut: a fixed share beside it is refused.
        #expect(throws: (any Error).self) { try PlanCommand.parse([Self.grid, "--cells", Self.cells, "-o", "a", "--reroute", "--traffic-cut", "0.5"]) }
    }

    /// The grid's streets all run one way north or east: round a closed interior no car gets
    /// back. The plan is refused, naming interior streets, and nothing is written.
    @Test func aDisconnectingPlanFailsAndWritesNothing() throws {
        let directory = try FixtureFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let after = directory.appendingPathComponent("after.geojson").path
        let run = try CLIRun(["plan", Self.grid, "--cells", Self.cells, "-o", after, "--reroute", "--quiet"], timeout: 60)
        #expect(run.status != 0)
        #expect(run.output.contains("disconnects the road network"), "\(run.output)")
        #expect(run.output.range(of: #"(ns|ew)-[0-9]-[0-9]"#, options: .regularExpression) != nil)
        #expect(!FileManager.default.fileExists(atPath: after))

        // Driven both ways it runs, and every street of the after file carries its modelled flow.
        let both = try CLIRun(["plan", Self.grid, "--cells", Self.cells, "-o", after, "--reroute", "--ignore-oneway"], timeout: 60)
        #expect(both.status == 0, "\(both.output)")
        #expect(both.output.contains("directness"))
        let written = try String(contentsOfFile: after, encoding: .utf8)
        #expect(written.components(separatedBy: "\"traffic:modelled\"").count - 1 == 180)
    }
}
