import DistrictModel
import Foundation
import Indicators

/// The indicator families `analyze` can compute (`--only`).
public enum AnalysisStage: String, CaseIterable, Sendable, Comparable {
    case space, population, noise, green, lots

    public static func < (lhs: Self, rhs: Self) -> Bool { allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)! }

    /// What a stage needs computed first. Those run too, but only the stages asked for are
    /// reported: residents are needed for exposure and access, green and noise for the lots' score.
    var prerequisites: Set<AnalysisStage> {
        switch self {
        case .space, .population: []
        case .noise, .green: [.population]
        case .lots: [.population, .noise, .green]
        }
    }

    /// Parses `space,green`; an unknown name is an error that lists the known ones.
    public static func parseList(_ text: String) throws(PipelineError) -> Set<AnalysisStage> {
        var stages: Set<AnalysisStage> = []
        for name in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            guard let stage = AnalysisStage(rawValue: name) else {
                throw PipelineError(stage: nil, message: "unknown stage '\(name)' in --only; known: \(allCases.map(\.rawValue).joined(separator: ", "))")
            }
            stages.insert(stage)
        }
        guard !stages.isEmpty else { throw PipelineError(stage: nil, message: "--only needs at least one stage") }
        return stages
    }
}

/// A failure of one stage, naming it.
public struct PipelineError: Error, CustomStringConvertible, Sendable {
    public var stage: String?
    public var message: String
    public var description: String { stage.map { "\($0) failed: \(message)" } ?? message }
}

/// The stages of `analyze` in order, each timed: the command and `make bench` run the same code.
public struct AnalysisPipeline: Sendable {
    /// The stages asked for (reported); their prerequisites run as well.
    public var stages: Set<AnalysisStage> = Set(AnalysisStage.allCases)
    public var allocator = SpaceAllocator()
    public var noise = NoiseOptions()
    public var green = GreenOptions()
    public var health = HealthOptions()
    public var lotWeights = LotWeights()
    /// `--green-lots`: the green indicators again with every vacant lot green.
    public var greenLots = false
    /// Hears each stage begin (and the long loops' counts), for the terminal's progress bar.
    public var progress: (any ProgressReporter)?

    public init() {}

    /// What the progress bar calls the stages that do not name themselves.
    static let stageLabels = ["space": "street space", "population": "residents", "green": "green", "lots": "vacant lots"]

    /// Stages that run: those asked for and what they need.
    public var running: Set<AnalysisStage> {
        stages.reduce(into: stages) { $0.formUnion($1.prerequisites) }
    }

    /// Runs the stages; `timing` hears each stage's name and wall time as it ends.
    /// Runs on the caller's executor (`nonisolated(nonsending)`), so `timing` may be an ordinary closure.
    nonisolated(nonsending) public func run(_ district: District, timing: (String, Duration) -> Void = { _, _ in }) async throws(PipelineError) -> AnalysisReport {
        let running = self.running
        let clock = ContinuousClock()
        func timed<T>(_ name: String, _ body: () throws(PipelineError) -> T) throws(PipelineError) -> T {
            progress?.beginStage(Self.stageLabels[name] ?? name, total: nil)
            let start = clock.now
            let result = try body()
            timing(name, clock.now - start)
            return result
        }
        func fail(_ stage: String, _ error: Error) -> PipelineError {
            PipelineError(stage: stage, message: "\(error)")
        }

        var space = SpaceAllocation.notMeasured(thresholds: allocator.thresholds)
        if running.contains(.space) {
            space = try timed("space") { () throws(PipelineError) in
                do { return try allocator.allocate(district) } catch { throw fail("street-space allocation", error) }
            }
        }
        var estimate: PopulationEstimate?
        if running.contains(.population) {
            estimate = try timed("population") { () throws(PipelineError) in
                do { return try PopulationEstimator().estimateWithCensus(district) } catch { throw fail("population estimate", error) }
            }
        }
        let population = estimate?.buildings ?? []
        var noiseResult: NoiseAnalysis?
        if running.contains(.noise) {
            let start = clock.now
            do { noiseResult = try await NoiseModel(options: noise, progress: progress).analyse(district, population: population) } catch {
                throw fail("noise model", error)
            }
            timing("noise", clock.now - start)
        }
        var greenResult: GreenAnalysis?, greenIfLotsGreen: GreenAnalysis?
        if running.contains(.green) {
            (greenResult, greenIfLotsGreen) = try timed("green") { () throws(PipelineError) in
                do {
                    let analyzer = GreenAnalyzer(options: green, progress: progress)
                    let withLots = GreenAnalyzer(options: green, progress: progress?.prefixed("lots green: "))
                    return (try analyzer.analyse(district, population: population),
                            greenLots && stages.contains(.green) ? try withLots.analyse(district, population: population, extraGreen: district.vacantLots) : nil)
                } catch { throw fail("green indicators", error) }
            }
        }
        var lots: [LotIndicators] = []
        if running.contains(.lots), let greenResult {
            lots = try timed("lots") { () throws(PipelineError) in
                do {
                    let points = try LotAnalyzer.interiorPoints(of: district)
                    let levels = NoiseModel(options: noise).levels(atPoints: points, in: district, streets: noiseResult?.streets)
                    return try LotAnalyzer(weights: lotWeights, green: green).analyse(district, population: population, greenToday: greenResult, noise: levels)
                } catch { throw fail("vacant-lot indicators", error) }
            }
        }
        let reportedNoise = stages.contains(.noise) ? noiseResult : nil
        var report = AnalysisReport(district: district, space: space, population: population, noise: reportedNoise,
                                    health: reportedNoise.map { HealthImpact(buildings: $0.buildings, options: health) },
                                    green: stages.contains(.green) ? greenResult : nil, greenIfLotsGreen: greenIfLotsGreen, lots: lots)
        report.censusUnallocated = estimate?.unallocated ?? []
        report.stages = stages
        return report
    }
}
