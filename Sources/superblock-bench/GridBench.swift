import DistrictModel
import Foundation
import Indicators
import Reports

/// `superblock-bench grids FILE...`: the whole `analyze` pipeline on generated grids of growing
/// size (Samples/tools/make_bench_grid.py), each stage's wall and CPU time and peak memory, then
/// the exponent of time against the street count between the smallest and the largest grid.
///
/// Peak memory per stage: Linux's high-water mark (VmHWM) is reset before each stage by writing 5
/// to /proc/self/clear_refs, so each figure is that stage's own peak, not the run's.
@MainActor
enum GridBench {
    nonisolated static let stages = ["load", "space", "population", "noise", "green", "lots", "write"]

    struct Run {
        var streets: Int
        var wall: [String: Double] = [:]
        var cpu: [String: Double] = [:]
        var peakMiB: [String: Double] = [:]
        var total: Double { stages.reduce(0) { $0 + (wall[$1] ?? 0) } }
    }

    /// - Parameter files: grid files, optionally after `--only STAGES` (as `analyze --only`).
    static func run(files arguments: [String]) async throws {
        var files = arguments
        var pipeline = AnalysisPipeline()
        if files.first == "--only", files.count > 1 {
            pipeline.stages = try AnalysisStage.parseList(files[1])
            files.removeFirst(2)
        }
        var runs: [Run] = []
        let only = pipeline.stages.count < AnalysisStage.allCases.count ? " --only " + pipeline.stages.sorted().map(\.rawValue).joined(separator: ",") : ""
        print("analyze\(only) on generated grids (default models, release build), one run per size")
        print(SuperblockBench.pad("grid", 16) + SuperblockBench.pad("streets", 9, right: true)
            + stages.map { SuperblockBench.pad($0, 11, right: true) }.joined() + SuperblockBench.pad("total s", 10, right: true)
            + SuperblockBench.pad("peak MiB", 10, right: true))
        for file in files {
            var run = Run(streets: 0)
            func mark() -> (ContinuousClock.Instant, Double) {
                resetPeak()
                return (ContinuousClock.now, SuperblockBench.processCPUSeconds())
            }
            func record(_ stage: String, since start: (ContinuousClock.Instant, Double)) {
                run.wall[stage] = seconds(ContinuousClock.now - start.0)
                run.cpu[stage] = SuperblockBench.processCPUSeconds() - start.1
                run.peakMiB[stage] = peakMiB()
            }
            var start = mark()
            let district = try DistrictLoader().load([URL(fileURLWithPath: file)])
            record("load", since: start)
            run.streets = district.streets.count
            // The pipeline reports each stage as it ends; the next one starts from there.
            start = mark()
            let report = try await pipeline.run(district) { stage, _ in
                record(stage, since: start)
                start = mark()
            }
            let out = FileManager.default.temporaryDirectory.appendingPathComponent("superblock-bench-\(UUID().uuidString)")
            start = mark()
            var warnings: [String] = []
            try report.write(to: OutputDirectory(path: out.path), warnings: &warnings)
            record("write", since: start)
            try? FileManager.default.removeItem(at: out)
            runs.append(run)
            let cells = stages.map { SuperblockBench.pad(String(format: "%.2f", run.wall[$0] ?? 0), 11, right: true) }.joined()
            print(SuperblockBench.pad(URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent, 16)
                + SuperblockBench.pad(String(run.streets), 9, right: true) + cells
                + SuperblockBench.pad(String(format: "%.2f", run.total), 10, right: true)
                + SuperblockBench.pad(String(format: "%.0f", run.peakMiB.values.max() ?? 0), 10, right: true))
        }
        print("CPU s per stage (all threads):")
        for run in runs {
            print(SuperblockBench.pad("", 16) + SuperblockBench.pad(String(run.streets), 9, right: true)
                + stages.map { SuperblockBench.pad(String(format: "%.2f", run.cpu[$0] ?? 0), 11, right: true) }.joined())
        }
        print("peak MiB per stage:")
        for run in runs {
            print(SuperblockBench.pad("", 16) + SuperblockBench.pad(String(run.streets), 9, right: true)
                + stages.map { SuperblockBench.pad(String(format: "%.0f", run.peakMiB[$0] ?? 0), 11, right: true) }.joined())
        }
        if let first = runs.first, let last = runs.last, last.streets > first.streets {
            let ratio = log(Double(last.streets) / Double(first.streets))
            func exponent(_ a: Double, _ b: Double) -> String { a > 0 && b > 0 ? String(format: "%.2f", log(b / a) / ratio) : "-" }
            print("exponent of wall time against street count, \(first.streets) to \(last.streets) streets:")
            print(SuperblockBench.pad("", 25) + stages.map { SuperblockBench.pad(exponent(first.wall[$0] ?? 0, last.wall[$0] ?? 0), 11, right: true) }.joined()
                + SuperblockBench.pad(exponent(first.total, last.total), 10, right: true))
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func resetPeak() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    static func peakMiB() -> Double {
        Double(SuperblockBench.peakMemoryMiB()) ?? 0
    }
}
