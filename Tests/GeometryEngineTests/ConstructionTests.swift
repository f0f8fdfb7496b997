import Testing
import GeometryEngine

@Suite struct ConstructionTests {
    let context = GeometryContext()

    @Test func lineStringRoundTripsItsCoordinates() throws {
        let xy = [0.0, 0, 3, 4, 3, 10]
        let line = try Geometry.lineString(xy, in: context)
        #expect(line.kind == .lineString)
        #expect(line.coordinates == xy)
        #expect(line.pointCount == 3)
        #expect(line.length == 11)  // 5 + 6
    }

    @Test func polygonWithHoleKeepsItsRings() throws {
        let outer = [0.0, 0, 10, 0, 10, 10, 0, 10, 0, 0]
        let hole = [2.0, 2, 2, 4, 4, 4, 4, 2, 2, 2]
        let polygon = try Geometry.polygon([outer, hole], in: context)
        #expect(polygon.rings == [outer, hole])
        #expect(polygon.area == 96)
        #expect(polygon.length == 48)  // perimeter of both rings
    }

    /// The ring between two buffers of one line, built from their boundaries, is the ring the
    /// overlay finds: valid, with the same area, and refused for shapes that are not one polygon
    /// without holes.
    @Test func annulusOfNestedBuffersIsTheirDifference() throws {
        let line = try Geometry.lineString([0.0, 0, 40, 0, 60, 25], in: context)
        let inner = try line.buffer(3), outer = try line.buffer(8)
        let ring = try #require(try Geometry.annulus(outer: outer, inner: inner))
        #expect(ring.isValid)
        #expect(abs(ring.area - (try outer.difference(inner)).area) < 1e-9)
        #expect(abs(ring.area - (outer.area - inner.area)) < 1e-9)
        let overlay = try outer.difference(inner)
        #expect(try ring.difference(overlay).area + (try overlay.difference(ring)).area < 1e-9)
        let holed = try Geometry.polygon([[0.0, 0, 10, 0, 10, 10, 0, 10, 0, 0], [2.0, 2, 2, 4, 4, 4, 4, 2, 2, 2]], in: context)
        #expect(try Geometry.annulus(outer: try holed.buffer(20), inner: holed) == nil)
        #expect(try Geometry.annulus(outer: holed, inner: try Geometry.rectangle(Envelope(minX: 5, minY: 5, maxX: 6, maxY: 6), in: context)) == nil)
    }

    @Test func tooFewPointsIsAnErrorNotACrash() {
        #expect(throws: GeometryError(operation: "line string", message: "needs at least 2 points, found 1")) {
            try Geometry.lineString([1, 2], in: context)
        }
        #expect(throws: GeometryError(operation: "polygon", message: "ring 0 needs at least 4 points, found 3")) {
            try Geometry.polygon([[0, 0, 1, 0, 0, 0]], in: context)
        }
    }

    @Test func unclosedRingIsReported() {
        #expect(throws: GeometryError(operation: "polygon", message: "ring 1 is not closed")) {
            try Geometry.polygon([[0, 0, 10, 0, 10, 10, 0, 0], [1, 1, 2, 1, 2, 2, 1, 1.5]], in: context)
        }
    }

    @Test func collectionsCloneTheirMembers() throws {
        let a = try Geometry.point(x: 1, y: 2, in: context)
        let b = try Geometry.point(x: 3, y: 4, in: context)
        let multi = try Geometry.collection([a, b], as: .multiPoint, in: context)
        #expect(multi.kind == .multiPoint)
        #expect(multi.partCount == 2)
        #expect(multi.coordinates == [1, 2, 3, 4])
        // The members are still usable: the collection took clones.
        #expect(a.coordinates == [1, 2])
        #expect(multi.parts.map(\.coordinates) == [[1, 2], [3, 4]])
    }

    @Test func geometriesFromDifferentContextsDoNotMix() throws {
        let other = GeometryContext()
        let a = try Geometry.rectangle(Envelope(minX: 0, minY: 0, maxX: 1, maxY: 1), in: context)
        let b = try Geometry.rectangle(Envelope(minX: 0, minY: 0, maxX: 1, maxY: 1), in: other)
        #expect(throws: GeometryError.self) { try a.union(b) }
    }

    @Test func wkbAndWktRoundTrip() throws {
        let polygon = try Geometry.polygon([[0, 0, 10, 0, 10, 10, 0, 0]], in: context)
        let bytes = try polygon.wkb()
        #expect(bytes.count == 1 + 4 + 4 + 4 + 4 * 16)  // order, type, ring count, point count, 4 points
        #expect(bytes[0] == 1)  // little endian
        let back = try Geometry.fromWKB(bytes, in: context)
        #expect(back.rings == polygon.rings)
        #expect(try polygon.wkt(precision: 1) == "POLYGON ((0 0, 10 0, 10 10, 0 0))")
        let parsed = try Geometry.fromWKT("LINESTRING (0 0, 30 40)", in: context)
        #expect(parsed.length == 50)
        #expect(throws: GeometryError.self) { try Geometry.fromWKT("LINESTRING (0 0,", in: context) }
    }
}
