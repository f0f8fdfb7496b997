import GeometryEngine
@testable import Indicators
import Testing

/// The nearest green part: measured first against the parts within `nearbyReach` of a building,
/// through the tree only when none is that close. Either way it must be the brute-force nearest.
@Suite struct NearestGreenTests {
    @Test func nearestMatchesBruteForceInsideAndBeyondTheWindow() throws {
        let context = GeometryContext()
        // Parks (many-vertex discs) along a line, 150 m to 1.2 km apart, so some buildings have a
        // park within 300 m and others only far beyond it.
        let centres: [Double] = [0, 150, 700, 1_900]
        let parks = try centres.map { x in try Geometry.point(x: x, y: 0, in: context).buffer(40, style: BufferStyle(quadrantSegments: 32)) }
        let parts = try IndexedParts(parks)
        #expect(IndexedParts.nearbyReach == 300)
        var beyond = 0
        for x in stride(from: -900.0, through: 2_600, by: 97) {
            for y in [-20.0, 55, 420] {
                let building = try Geometry.rectangle(Envelope(minX: x, minY: y, maxX: x + 12, maxY: y + 9), in: context)
                let brute = try parks.map { try $0.distance(to: building) }.min()!
                let found = try #require(try parts.nearestDistance(to: building))
                #expect(abs(found - brute) < 1e-9, "building at \(x), \(y)")
                if brute > IndexedParts.nearbyReach { beyond += 1 }
            }
        }
        #expect(beyond > 5)  // the fallback path is exercised
        #expect(try IndexedParts([]).nearestDistance(to: Geometry.point(x: 0, y: 0, in: context)) == nil)
    }
}
