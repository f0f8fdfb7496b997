@testable import Indicators
import Testing

/// The overlay of two layouts' street space is shared out between workers: the figures must not
/// depend on how many there are (the sums are taken in the pieces' order, whoever measured them).
@Suite struct ComparisonOverlayTests {
    @Test func transfersDoNotDependOnTheNumberOfWorkers() async throws {
        let comparison = try await ComparisonTests.comparison()
        let old = comparison.before.space.pieces, new = comparison.after.space.pieces
        let cells = comparison.after.district.cells
        #expect(!old.isEmpty && !new.isEmpty && cells.count == 9)
        let one = try Comparison.transfers(from: old, to: new, cells: cells, workers: 1)
        // What the comparison itself found, with the workers this machine gave it.
        #expect(one.district == comparison.transfers)
        #expect(one.cells == comparison.cellTransfers)
        #expect(one.owners == comparison.ownerTransfers)
        for workers in [2, 3, 7] {
            let many = try Comparison.transfers(from: old, to: new, cells: cells, workers: workers)
            #expect(many.district == one.district)
            #expect(many.cells == one.cells)
            #expect(many.owners == one.owners)
        }
        // And they are the interior carriageway of nine cells, moved.
        #expect(abs(one.district.total(from: SpaceTransfers.vehicle, to: [.shared, .green]) - 9 * ComparisonTests.interiorCarriageway) < 9)
    }
}
