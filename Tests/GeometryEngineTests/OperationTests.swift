import Foundation
import Testing
import GeometryEngine

@Suite struct OperationTests {
    let context = GeometryContext()

    func square(_ x: Double, _ y: Double, _ side: Double) throws -> Geometry {
        try Geometry.rectangle(Envelope(minX: x, minY: y, maxX: x + side, maxY: y + side), in: context)
    }

    /// The checked difference is the difference where the overlay keeps the areas: what is left
    /// and what is shared make up the whole.
    @Test func verifiedDifferenceKeepsTheArea() throws {
        let context = GeometryContext()
        let street = try Geometry.lineString([0.0, 0, 100, 0, 130, 40], in: context).buffer(10)
        let junction = try Geometry.rectangle(Envelope(minX: 90, minY: -12, maxX: 112, maxY: 12), in: context)
        let checked = try street.verifiedDifference(junction)
        let plain = try street.difference(junction)
        #expect(abs(checked.area - plain.area) < 1e-9)
        #expect(abs(checked.area + (try street.intersection(junction)).area - street.area) < 1e-6)
        // Nothing shared: the whole is left.
        let far = try Geometry.rectangle(Envelope(minX: 500, minY: 500, maxX: 510, maxY: 510), in: context)
        #expect(abs(try street.verifiedDifference(far).area - street.area) < 1e-9)
    }

    @Test func flatBufferOfALineIsARectangle() throws {
        let line = try Geometry.lineString([0, 0, 100, 0], in: context)
        let band = try line.buffer(5, style: .flat)
        #expect(abs(band.area - 1000) < 1e-9)
        #expect(band.envelope == Envelope(minX: 0, minY: -5, maxX: 100, maxY: 5))
    }

    @Test func roundBufferAddsARegularPolygonOf32Sides() throws {
        // 8 segments a quadrant: the two caps together are a regular 32-gon of radius r, whose area
        // is (n / 2) r^2 sin(2 pi / n) = 16 r^2 sin(pi / 16).
        let line = try Geometry.lineString([0, 0, 100, 0], in: context)
        let band = try line.buffer(5)
        let expected = 2 * 5 * 100 + 16 * 25 * sin(Double.pi / 16)
        #expect(abs(band.area - expected) < 1e-6)
    }

    @Test func singleSidedBufferCoversOneSide() throws {
        let line = try Geometry.lineString([0, 0, 100, 0], in: context)
        let left = try line.buffer(4, style: BufferStyle(cap: .flat, singleSided: true))
        let right = try line.buffer(-4, style: BufferStyle(cap: .flat, singleSided: true))
        #expect(abs(left.area - 400) < 1e-9)
        #expect(abs(right.area - 400) < 1e-9)
        #expect(left.envelope?.minY == 0 && left.envelope?.maxY == 4)
        #expect(right.envelope?.minY == -4 && right.envelope?.maxY == 0)
    }

    @Test func offsetCurveIsParallel() throws {
        let line = try Geometry.lineString([0, 0, 100, 0], in: context)
        let offset = try line.offsetCurve(7.5)
        #expect(offset.length == 100)
        #expect(offset.envelope?.minY == 7.5)
    }

    @Test func overlayAreasAddUp() throws {
        let a = try square(0, 0, 10), b = try square(5, 5, 10)
        #expect(try a.union(b).area == 175)
        #expect(try a.intersection(b).area == 25)
        #expect(try a.difference(b).area == 75)
        let many = try Geometry.union(of: [a, b, try square(20, 0, 1)], in: context)
        #expect(many.area == 176)
    }

    @Test func coverageUnionDissolvesTiles() throws {
        let tiles = try (0..<3).flatMap { i in try (0..<3).map { j in try square(Double(i) * 10, Double(j) * 10, 10) } }
        let merged = try Geometry.collection(tiles, as: .multiPolygon, in: context).coverageUnion()
        #expect(merged.kind == .polygon)
        #expect(merged.area == 900)
        #expect(merged.length == 120)
    }

    @Test func polygonizeTurnsAGridIntoBlocks() throws {
        // Three lines each way, 0..200 m: four 100 m blocks.
        var lines: [Geometry] = []
        for k in 0...2 {
            let c = Double(k) * 100
            lines.append(try Geometry.lineString([c, 0, c, 200], in: context))
            lines.append(try Geometry.lineString([0, c, 200, c], in: context))
        }
        let noded = try Geometry.collection(lines, as: .multiLineString, in: context).noded()
        let blocks = try Geometry.polygonize([noded], in: context)
        #expect(blocks.partCount == 4)
        #expect(blocks.parts.allSatisfy { $0.area == 10_000 })
    }

    @Test func lineMergeJoinsPieces() throws {
        let pieces = try Geometry.collection([
            try Geometry.lineString([0, 0, 10, 0], in: context),
            try Geometry.lineString([10, 0, 20, 0], in: context),
        ], as: .multiLineString, in: context)
        let merged = try pieces.lineMerge()
        #expect(merged.kind == .lineString)
        #expect(merged.coordinates == [0, 0, 10, 0, 20, 0])
    }

    @Test func bowtieIsInvalidAndRepaired() throws {
        let bowtie = try Geometry.polygon([[0, 0, 10, 10, 10, 0, 0, 10, 0, 0]], in: context)
        #expect(!bowtie.isValid)
        let problem = try #require(bowtie.validityProblem)
        #expect(problem.reason == "Self-intersection")
        #expect(problem.location?.x == 5 && problem.location?.y == 5)
        let repaired = try bowtie.makeValid()
        #expect(repaired.isValid)
        #expect(abs(repaired.area - 50) < 1e-9)  // two triangles of 25 m2
        #expect(try square(0, 0, 1).validityProblem == nil)
    }

    @Test func hausdorffDistanceComparesCourses() throws {
        // Same course, different vertices: the discrete distance sees only vertices; densified, the
        // shifted copy is exactly 0.5 m away everywhere.
        let line = try Geometry.lineString([0, 0, 100, 0], in: context)
        let shifted = try Geometry.lineString([0, 0.5, 50, 0.5, 100, 0.5], in: context)
        #expect(abs(try line.hausdorffDistance(to: shifted) - 0.5) < 1e-12)
        #expect(abs(try line.hausdorffDistance(to: shifted, densify: 0.1) - 0.5) < 1e-12)
        let shorter = try Geometry.lineString([0, 0, 80, 0], in: context)
        #expect(abs(try line.hausdorffDistance(to: shorter) - 20) < 1e-12)
    }

    @Test func measures() throws {
        let a = try square(0, 0, 10)
        let p = try Geometry.point(x: 13, y: 14, in: context)
        #expect(try a.distance(to: p) == 5)
        #expect(try a.centroid().coordinates == [5, 5])
        #expect(a.isWithinDistance(5.0001, of: p) && !a.isWithinDistance(4.999, of: p))
        let line = try Geometry.lineString([0, 0, 100, 0], in: context)
        #expect(try line.interpolate(distance: 25).coordinates == [25, 0])
        #expect(line.project(try Geometry.point(x: 40, y: 9, in: context)) == 40)
        #expect(try line.densified(maxSegmentLength: 10).pointCount == 11)
    }

    @Test func preparedGeometryAnswersLikeThePlainOne() throws {
        let zone = try Geometry.point(x: 0, y: 0, in: context).buffer(300)
        let prepared = try PreparedGeometry(zone)
        for x in stride(from: -400.0, through: 400, by: 50) {
            let p = try Geometry.point(x: x, y: 10, in: context)
            #expect(prepared.contains(p) == zone.contains(p))
            #expect(prepared.isWithinDistance(20, of: p) == zone.isWithinDistance(20, of: p))
        }
    }
}
