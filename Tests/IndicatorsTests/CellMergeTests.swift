import GeometryEngine
@testable import Indicators
import Testing

/// Merging small faces (`CellDetection.merge`) against the rule done the slow way: the smallest
/// small cell first, into the neighbour with the longest shared boundary measured on the merged
/// polygons themselves, every pair of cells compared each time.
@Suite struct CellMergeTests {
    /// A 7 x 6 grid of rectangles with uneven column and row widths (m), so faces range from
    /// 0.6 ha to 6 ha, ties in shared length occur, and several merges chain.
    static func faces(in context: GeometryContext) throws -> [Geometry] {
        let xs: [Double] = [0, 80, 330, 400, 650, 700, 950, 1_030]
        let ys: [Double] = [0, 240, 320, 560, 640, 880, 960]
        var faces: [Geometry] = []
        for j in 0..<(ys.count - 1) {
            for i in 0..<(xs.count - 1) {
                faces.append(try Geometry.rectangle(Envelope(minX: xs[i], minY: ys[j], maxX: xs[i + 1], maxY: ys[j + 1]), in: context))
            }
        }
        return faces
    }

    static func bruteForce(_ faces: [Geometry], minimumArea: Double) throws -> [(polygon: Geometry, faces: Int)] {
        var cells = faces.map { (polygon: $0, faces: 1, area: $0.area) }
        var isolated = Set<Int>()
        while true {
            let small = cells.indices.filter { cells[$0].area < minimumArea && !isolated.contains($0) }
            guard let smallest = small.min(by: { cells[$0].area < cells[$1].area }) else { break }
            var best: (index: Int, shared: Double)?
            for other in cells.indices where other != smallest {
                let shared = try cells[smallest].polygon.intersection(cells[other].polygon).length
                guard shared > 1e-6 else { continue }
                if best == nil || shared > best!.shared + 1e-9
                    || (abs(shared - best!.shared) <= 1e-9 && cells[other].area < cells[best!.index].area) {
                    best = (other, shared)
                }
            }
            guard let best else { isolated.insert(smallest); continue }
            let union = try cells[smallest].polygon.union(cells[best.index].polygon)
            cells[best.index] = (union, cells[best.index].faces + cells[smallest].faces, union.area)
            cells.remove(at: smallest)
            isolated = Set(isolated.map { $0 > smallest ? $0 - 1 : $0 })
        }
        return cells.map { ($0.polygon, $0.faces) }
    }

    @Test func mergingMatchesThePairwiseRule() throws {
        let context = GeometryContext()
        let faces = try Self.faces(in: context)
        let detection = CellDetection()
        let minimum = detection.analysis.limits.minimumArea
        #expect(faces.filter { $0.area < minimum }.count >= 10)
        let fast = try detection.merge(faces)
        let slow = try Self.bruteForce(faces, minimumArea: minimum)
        #expect(fast.count == slow.count)
        #expect(fast.count < faces.count)
        // Same cells: each fast cell equals one slow cell (symmetric difference of no area).
        for cell in fast {
            let twin = try slow.first { try $0.polygon.union(cell.polygon).area - min($0.polygon.area, cell.polygon.area) < 1e-6 && abs($0.polygon.area - cell.polygon.area) < 1e-6 }
            #expect(twin?.faces == cell.faces)
        }
        // Every face is in exactly one cell, and no small cell is left beside a neighbour.
        #expect(fast.reduce(0) { $0 + $1.faces } == faces.count)
        #expect(abs(fast.reduce(0.0) { $0 + $1.polygon.area } - faces.reduce(0.0) { $0 + $1.area }) < 1e-6)
        #expect(fast.allSatisfy { $0.polygon.area >= minimum } || fast.count == 1)
    }
}
