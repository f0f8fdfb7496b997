import Testing
import Projection

/// One context per task; run under `swift test --sanitize=thread` as well.
@Suite struct ConcurrencyTests {
    static let pointsPerTask = 10_000

    /// Makes its own context and transformer, as every task must; returns Sendable coordinates.
    static func project(task: Int) throws -> [Double] {
        let context = try ProjectionContext()
        let transformer = try CoordinateTransformer(from: "EPSG:4326", to: "EPSG:25831", context: context)
        var xy = SampleGrid.barcelona(points: pointsPerTask, offset: Double(task) * 0.01)
        let report = transformer.transform(&xy)
        guard report.allSucceeded else {
            throw ProjectionError(reason: .pointNotTransformed, attempt: "project task \(task)",
                                  crs: [transformer.source, transformer.target], projMessage: report.failureMessage)
        }
        return xy
    }

    @Test func parallelTasksWithTheirOwnContextsAgree() async throws {
        let sequential = try (0..<8).map { try Self.project(task: $0) }
        let parallel = try await withThrowingTaskGroup(of: (Int, [Double]).self) { group in
            for task in 0..<8 {
                group.addTask { (task, try Self.project(task: task)) }
            }
            var results = [[Double]](repeating: [], count: 8)
            for try await (task, xy) in group { results[task] = xy }
            return results
        }
        #expect(parallel.count == 8)
        for task in 0..<8 {
            #expect(parallel[task].count == 2 * Self.pointsPerTask)
            #expect(parallel[task] == sequential[task], "task \(task)")
        }
    }
}
