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

    /// With the items prepared, the nearest item and its distance are those of the plain search:
    /// discs of 256 vertices (a park), queried from inside one, between them and far away.
    @Test func preparedNearestMatchesThePlainSearch() throws {
        let discs = try (0..<6).map { i in
            try Geometry.point(x: Double(i % 3) * 100, y: Double(i / 3) * 100, in: context).buffer(20 + Double(i), style: BufferStyle(quadrantSegments: 64))
        }
        let index = try SpatialIndex(discs)
        let prepared = try discs.map { try PreparedGeometry($0) }
        for (qx, qy) in [(5.0, 5.0), (50.0, 50.0), (230.0, 118.0), (-400.0, 30.0), (160.0, -3.0)] {
            let query = try Geometry.rectangle(Envelope(minX: qx, minY: qy, maxX: qx + 4, maxY: qy + 3), in: context)
            let plain = try #require(index.nearest(to: query))
            let fast = try #require(index.nearest(to: query, prepared: prepared))
            #expect(fast == plain)
            #expect(abs(try prepared[fast].distance(to: query) - (try discs[plain].distance(to: query))) < 1e-9)
        }
        #expect(try prepared[0].distance(to: Geometry.point(x: 5, y: 5, in: context)) == 0)
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
