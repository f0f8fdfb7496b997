import DistrictModel
import Foundation
import Indicators

/// `superblock-bench travel FILE...`: the travel-impact metrics (all pairs of graph nodes, before
/// and after every detected cell's interior becomes access only) on generated grids, against
/// superblockify's 232 s for partitioning and measuring a 90 x 90-block grid (issue 13). The
/// generated grids tag every street one-way in one direction (a grid in which no car gets back),
/// so the graph here drives them both ways, as superblockify's street grids do.
@MainActor
enum TravelBench {
    static func run(files: [String]) throws {
        print("travel impact, all pairs of graph nodes (release build, two-way grid)")
        print(SuperblockBench.pad("grid", 16) + SuperblockBench.pad("nodes", 8, right: true) + SuperblockBench.pad("cells", 7, right: true)
            + SuperblockBench.pad("detect s", 10, right: true) + SuperblockBench.pad("metrics s", 11, right: true)
            + SuperblockBench.pad("cpu s", 9, right: true) + SuperblockBench.pad("peak MiB", 10, right: true))
        for file in files {
            let district = try DistrictLoader().load([URL(fileURLWithPath: file)])
            let detectStart = ContinuousClock.now
            let cells = try CellDetection().detect(district).cells
            let detect = seconds(ContinuousClock.now - detectStart)
            let start = ContinuousClock.now, cpuStart = SuperblockBench.processCPUSeconds()
            let impact = TravelImpactAnalysis(maximumSources: .max).measure(streets: district.streets, cells: cells,
                                                                              options: RoadGraph.Options(respectsOneway: false))
            let wall = seconds(ContinuousClock.now - start), cpu = SuperblockBench.processCPUSeconds() - cpuStart
            print(SuperblockBench.pad(URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent, 16)
                + SuperblockBench.pad(String(impact.nodes), 8, right: true) + SuperblockBench.pad(String(cells.count), 7, right: true)
                + SuperblockBench.pad(String(format: "%.2f", detect), 10, right: true) + SuperblockBench.pad(String(format: "%.2f", wall), 11, right: true)
                + SuperblockBench.pad(String(format: "%.2f", cpu), 9, right: true) + SuperblockBench.pad(SuperblockBench.peakMemoryMiB(), 10, right: true))
            let d = impact.district
            print(String(format: "  pairs %d: distance %.1f -> %.1f m, time %.1f -> %.1f s, directness %.4f -> %.4f, efficiency %.4f -> %.4f, rerouted %.1f %%, unreachable %d",
                         d.before.pairs, d.before.meanDistance, d.after.meanDistance, d.before.meanTime, d.after.meanTime,
                         d.before.directness, d.after.directness, d.before.globalEfficiency, d.after.globalEfficiency, d.reroutedPercent, d.unreachablePairs))
            var paths = ShortestPaths(graph: RoadGraph(streets: district.streets, options: RoadGraph.Options(respectsOneway: false)))
            let searchStart = ContinuousClock.now
            let searches = min(500, impact.nodes)
            for source in 0..<searches { paths.search(from: source) }
            print(String(format: "  one search (all nodes): %.3f ms", 1000 * seconds(ContinuousClock.now - searchStart) / Double(max(searches, 1))))
            if wall > 0 { print(String(format: "  superblockify, 90 x 90 grid, partition and metrics: 232 s; ratio at this size: %.1f", 232 / (wall + detect))) }
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
