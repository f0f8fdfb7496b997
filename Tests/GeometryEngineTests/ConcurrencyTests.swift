import Testing
import GeometryEngine

/// One context per task, as DESIGN.md requires; run under `make sanitize` (address and thread).
@Suite struct ConcurrencyTests {
    /// Buffers and unions a small street grid; returns the street-space area.
    static func streetArea(offset: Double) throws -> Double {
        let context = GeometryContext()
        var bands: [Geometry] = []
        for k in 0...5 {
            let c = Double(k) * 133.3 + offset
            bands.append(try Geometry.lineString([offset, c, offset + 666.5, c], in: context).buffer(10, style: .flat))
            bands.append(try Geometry.lineString([c, offset, c, offset + 666.5], in: context).buffer(10, style: .flat))
        }
        return try Geometry.union(of: bands, in: context).area
    }

    @Test func parallelTasksWithTheirOwnContextsAgree() async throws {
        let sequential = try Self.streetArea(offset: 0)
        let results = try await withThrowingTaskGroup(of: Double.self) { group in
            for task in 0..<8 {
                group.addTask { try Self.streetArea(offset: Double(task) * 1000) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 8)
        // 12 bands of 666.5 x 20 m, minus the 36 crossings counted twice. Flat caps end at the outer
        // lines, so an overlap is 20 x 20 m inside (16), 20 x 10 m on an edge (16), 10 x 10 m at a corner (4).
        let overlaps: Double = 16 * 400 + 16 * 200 + 4 * 100
        let expected: Double = 12 * 666.5 * 20 - overlaps
        #expect(abs(sequential - expected) < 1e-6)
        for area in results { #expect(abs(area - sequential) < 1e-6) }
    }
}
