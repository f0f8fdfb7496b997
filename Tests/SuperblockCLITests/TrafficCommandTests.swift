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

    /// `plan --traffic model` (no --reroute): the model's flow on every street of the after file,
    /// the interiors' cut by the fixed share; `analyze --traffic model` of the same file gives the
    /// flows the uncut streets carry.
    @Test func planWithModelledTrafficCutsTheModelsFlows() throws {
        let directory = try FixtureFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let after = directory.appendingPathComponent("after.geojson").path, out = directory.appendingPathComponent("before").path
        #expect(try PlanCommand.parse([Self.grid, "-o", "a", "--traffic", "model"]).trafficOptions.traffic == .model)
        let plan = try CLIRun(["plan", Self.grid, "--cells", Self.cells, "-o", after, "--traffic", "model", "--traffic-cut", "0.5"],
                              timeout: 60)
        #expect(plan.status == 0, "\(plan.output)")
        #expect(plan.output.contains("note: traffic modelled on 180 streets"), "\(plan.output)")
        let analyze = try CLIRun(["analyze", Self.grid, "--only", "space", "--traffic", "model", "--out", out, "--quiet"], timeout: 60)
        #expect(analyze.status == 0, "\(analyze.output)")
        // The model's flow before, per street (streets.csv's vehicles_day_modelled, whole vehicles).
        let table = try String(contentsOfFile: "\(out)/streets.csv", encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let column = try #require(table[0].firstIndex(of: "vehicles_day_modelled"))
        let modelled = Dictionary(table.dropFirst().map { ($0[0], Double($0[column])) }, uniquingKeysWith: { first, _ in first })
        let data = try Data(contentsOf: URL(fileURLWithPath: after))
        let features = try #require((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["features"] as? [[String: Any]])
        var interior = 0, other = 0
        for feature in features {
            let properties = try #require(feature["properties"] as? [String: Any])
            guard let id = properties["id"] as? String, properties["highway"] != nil else { continue }
            let flow = try #require(properties["traffic:modelled"] as? Double, "\(id) carries its modelled flow")
            let before = try #require(modelled[id] ?? nil, "\(id)")
            if properties["superblock"] as? String == "interior" {
                interior += 1
                #expect(abs(flow - before * 0.5) <= 0.5, "\(id): \(flow) against \(before)")
            } else {
                other += 1
                #expect(abs(flow - before) <= 0.5, "\(id): \(flow) against \(before)")
            }
        }
        #expect(interior > 0 && other > 0 && interior + other == 180)
    }

    /// The Consell de Cent axis closed to through traffic, on the Eixample sample with Diputació
    /// (`Samples/tools/make_eixample_diputacio.py`): the plan disconnects nothing, the axis loses
    /// traffic and Diputació, the parallel street south, gains; the before flows are those of
    /// `analyze --traffic model` of the same files (one model, one demand). Without the buildings
    /// the model has no residents, and says so.
    @Test func consellDeCentReroutesOntoDiputacio() throws {
        let directory = try FixtureFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let roads = FixtureFiles.sample("eixample/roads_before_diputacio.geojson").path
        let buildings = FixtureFiles.sample("eixample/buildings.geojson").path
        let cell = FixtureFiles.sample("eixample/consell_de_cent_cell.geojson").path
        let after = directory.appendingPathComponent("after.geojson").path, out = directory.appendingPathComponent("before").path
        let plan = try CLIRun(["plan", roads, "--with", buildings, "--cells", cell, "-o", after, "--reroute"], timeout: 120)
        #expect(plan.status == 0, "\(plan.output)")
        #expect(plan.output.contains("pairs unreachable                 0       0        0"), "\(plan.output)")
        #expect(!plan.output.contains("no residents"))
        let analyze = try CLIRun(["analyze", roads, buildings, "--only", "space", "--traffic", "model", "--out", out, "--quiet"], timeout: 120)
        #expect(analyze.status == 0, "\(analyze.output)")
        let table = try String(contentsOfFile: "\(out)/streets.csv", encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let id = try #require(table[0].firstIndex(of: "id")), name = try #require(table[0].firstIndex(of: "name"))
        let modelled = try #require(table[0].firstIndex(of: "vehicles_day_modelled")), length = try #require(table[0].firstIndex(of: "length_m"))
        var before: [String: (name: String, flow: Double, length: Double)] = [:]
        for row in table.dropFirst() where row.count > modelled {
            if let flow = Double(row[modelled]), let metres = Double(row[length]) { before[row[id]] = (row[name], flow, metres) }
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: after))
        let features = try #require((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["features"] as? [[String: Any]])
        var sums: [String: (before: Double, after: Double)] = [:]
        for feature in features {
            let properties = try #require(feature["properties"] as? [String: Any])
            guard let key = (properties["id"] ?? properties["osm_id"]).map({ "\($0)" }), let old = before[key],
                  let flow = properties["traffic:modelled"] as? Double else { continue }
            let street = old.name.contains("Diputació") ? "Diputació" : old.name.lowercased().contains("consell de cent") ? "axis" : old.name
            sums[street, default: (0, 0)].before += old.flow * old.length
            sums[street, default: (0, 0)].after += flow * old.length
        }
        let axis = try #require(sums["axis"]), diputacio = try #require(sums["Diputació"])
        #expect(axis.after < 0.7 * axis.before, "\(axis)")
        #expect(diputacio.after > 1.02 * diputacio.before, "\(diputacio)")
        // The same plan without the buildings: through traffic only, and a warning that says why.
        let bare = try CLIRun(["plan", roads, "--cells", cell, "-o", directory.appendingPathComponent("bare.geojson").path, "--reroute"], timeout: 120)
        #expect(bare.status == 0, "\(bare.output)")
        #expect(bare.output.contains("warning: the traffic model found no residents or floor area"), "\(bare.output)")
    }

    /// `plan --reroute` then `compare`: the travel rows of `compare.csv`, the same figures as the
    /// plan's, and `streets.csv` with each street's flow before and after.
    @Test func planThenCompareReportsTravelAndTheMovedTraffic() throws {
        let directory = try FixtureFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let after = directory.appendingPathComponent("after.geojson").path, out = directory.appendingPathComponent("compare").path
        let plan = try CLIRun(["plan", Self.grid, "--cells", Self.cells, "-o", after, "--reroute", "--ignore-oneway", "--quiet"], timeout: 60)
        #expect(plan.status == 0, "\(plan.output)")
        let compare = try CLIRun(["compare", Self.grid, after, "--cells", Self.cells, "--out", out, "--ignore-oneway", "--propagation", "free-field", "--quiet"],
                                 timeout: 120)
        #expect(compare.status == 0, "\(compare.output)")
        let rows = try String(contentsOfFile: "\(out)/compare.csv", encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        func district(_ indicator: String) throws -> (before: Double, after: Double) {
            let row = try #require(rows.first { $0.count == 7 && $0[0] == "district" && $0[2] == indicator }, "\(indicator)")
            return (try #require(Double(row[4])), try #require(Double(row[5])))
        }
        #expect(try district("od_pairs_unreachable").after == 0)
        #expect(try district("od_pairs_rerouted_pct").after > 0)
        #expect(try district("car_travel_distance_mean_m").after > (try district("car_travel_distance_mean_m")).before)
        #expect(try district("car_travel_time_mean_s").after > (try district("car_travel_time_mean_s")).before)
        #expect(try district("directness").after < (try district("directness")).before)
        #expect(try district("global_efficiency").after < (try district("global_efficiency")).before)
        #expect(try district("interior_vehicles_day_mean").after < (try district("interior_vehicles_day_mean")).before)
        #expect(try district("perimeter_vehicles_day_mean").after > (try district("perimeter_vehicles_day_mean")).before)
        #expect(try district("perimeter_lw_day_dba_per_m").after > (try district("perimeter_lw_day_dba_per_m")).before)
        #expect(rows.contains { $0.count == 7 && $0[0] == "cell" && $0[1] == "cell-1-1" && $0[2] == "directness" })
        let streets = try String(contentsOfFile: "\(out)/streets.csv", encoding: .utf8).split(separator: "\n")
        #expect(streets.first == "id,name,role,vehicles_day_modelled,vehicles_day_before,vehicles_day_after,vehicles_day_change,lw_day_before_dba_per_m,lw_day_after_dba_per_m")
        #expect(streets.count == 181)
    }
}
