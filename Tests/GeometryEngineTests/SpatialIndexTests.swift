import Testing
import GeometryEngine

@Suite struct SpatialIndexTests {
    let context = GeometryContext()

    /// 20 x 20 points on a 10 m grid, in a scrambled order so indices differ from positions.
    func points() throws -> [Geometry] {
        try (0..<400).map { n in
            let k = (n * 37) % 400
            return try Geometry.point(x: Double(k % 20) * 10, y: Double(k / 20) * 10, in: context)
        }
    }

    @Test func envelopeQueryMatchesBruteForce() throws {
        let items = try points()
        let index = try SpatialIndex(items)
        let box = Envelope(minX: 15, minY: 25, maxX: 62, maxY: 80)
        let expected = items.indices.filter { items[$0].envelope!.intersects(box) }
        #expect(index.query(box) == expected)
        #expect(expected.count == 5 * 6)  // x 20..60, y 30..80
        #expect(index.query(Envelope(minX: 1000, minY: 1000, maxX: 1001, maxY: 1001)).isEmpty)
    }

    @Test func nearestMatchesBruteForce() throws {
        let items = try points()
        let index = try SpatialIndex(items)
        for (qx, qy) in [(33.0, 41.0), (-50.0, -50.0), (187.0, 3.0), (96.0, 104.0)] {
            let query = try Geometry.point(x: qx, y: qy, in: context)
            let found = try #require(index.nearest(to: query))
            let best = try items.map { try $0.distance(to: query) }.min()!
            #expect(try items[found].distance(to: query) == best)
        }
    }

    @Test func indexOverPolygons() throws {
        let squares = try (0..<10).map { i in
            try Geometry.rectangle(Envelope(minX: Double(i) * 10, minY: 0, maxX: Double(i) * 10 + 5, maxY: 5), in: context)
        }
        let index = try SpatialIndex(squares)
        #expect(index.query(Envelope(minX: 12, minY: 1, maxX: 31, maxY: 2)) == [1, 2, 3])
        let probe = try Geometry.point(x: 57, y: 2, in: context)
        #expect(index.nearest(to: probe) == 5)
    }
}
