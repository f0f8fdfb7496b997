import DistrictModel
import Foundation
import Indicators
import Reports

/// `make bench`: wall-clock and CPU time of each analysis stage on the bundled samples (release
/// build), the minimum and median of several runs, and the peak resident memory. Plain Swift, no
/// benchmark framework: the stages take seconds, not nanoseconds. CPU time (all threads) is the
/// steadier figure when the machine is busy; wall time shows what parallel stages gain.
@main @MainActor
struct SuperblockBench {
    static let runs = Int(ProcessInfo.processInfo.environment["BENCH_RUNS"] ?? "") ?? 5

    static func main() async throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "grids" {
            try await GridBench.run(files: Array(arguments.dropFirst()))
            return
        }
        if arguments.first == "space-check" {
            try SpaceCheck.run(files: Array(arguments.dropFirst()))
            return
        }
        if arguments.first == "travel" {
            try TravelBench.run(files: Array(arguments.dropFirst()))
            return
        }
        let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let eixample = ["roads", "buildings", "trees"].map { root.appendingPathComponent("Samples/eixample/\($0).geojson") }
            + [root.appendingPathComponent("Samples/barcelona_census/census_sections.geojson")]
        print("superblock bench: \(runs) runs per stage, Eixample sample (1,564 streets, 1,893 buildings, 4,033 trees)")
        print(pad("stage", 22) + pad("wall min s", 12, right: true) + pad("median s", 10, right: true)
            + pad("cpu min s", 11, right: true) + pad("median s", 10, right: true))

        let district = try await measure("load + reproject") { try DistrictLoader().load(eixample) }
        _ = try await measure("street space") { try SpaceAllocator().allocate(district) }
        let population = try await measure("population") { try PopulationEstimator().estimate(district) }
        var freeField = NoiseOptions()
        freeField.method = .freeField
        _ = try await measure("noise, free field") { try await NoiseModel(options: freeField).analyse(district, population: population) }
        _ = try await measure("noise, CNOSSOS-EU") { try await NoiseModel().analyse(district, population: population) }
        _ = try await measure("noise grid, 10 m") { try await NoiseModel().noiseGrid(district, spacing: 10) }
        _ = try await measure("green access") { try GreenAnalyzer().analyse(district, population: population) }
        var walking = GreenOptions()
        walking.access = .walking
        _ = try await measure("green access, walking") { try GreenAnalyzer(options: walking).analyse(district, population: population) }
        print("peak resident memory: \(peakMemoryMiB()) MiB")
    }

    static func measure<T>(_ name: String, _ body: () async throws -> T) async throws -> T {
        var wall: [Double] = [], cpu: [Double] = []
        var result: T?
        for _ in 0..<runs {
            let start = ContinuousClock.now, cpuStart = processCPUSeconds()
            result = try await body()
            let elapsed = ContinuousClock.now - start
            cpu.append(processCPUSeconds() - cpuStart)
            wall.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        wall.sort()
        cpu.sort()
        let cells = [wall[0], wall[runs / 2], cpu[0], cpu[runs / 2]].map { String(format: "%.3f", $0) }
        print(pad(name, 22) + pad(cells[0], 12, right: true) + pad(cells[1], 10, right: true)
            + pad(cells[2], 11, right: true) + pad(cells[3], 10, right: true))
        return result!
    }

    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return right ? fill + text : text + fill
    }

    static func processCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// VmHWM from /proc/self/status (Linux), in MiB.
    static func peakMemoryMiB() -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") else { return "?" }
        return String(format: "%.0f", kilobytes / 1024)
    }
}
