import DistrictModel
import Foundation
import GeoJSON
import GeometryEngine
@testable import Indicators
import Testing

/// The noise grid on a small district: one 400 m road with traffic along y = y0, a footway without
/// traffic 100 m north (so the street layer's extent, the study area, is 400 x 100 m) and a 24 m
/// square building whose footprint covers four grid points and part of their neighbours' cells.
///
/// At 10 m: 40 x 10 cells, centres at x0 - 195 + 10 i, y0 + 5 + 10 j. The building spans
/// x0 - 12 ... x0 + 12, y0 + 38 ... y0 + 62: the centres x0 +- 5, y0 + 45 / 55 fall inside, so 396
/// points remain, and the band polygons cover 396 x 100 m2 less the part of the building outside
/// the four dropped cells: 576 - 400 = 176 m2, 39,424 m2 in all.
@Suite struct NoiseGridTests {
    static let x0 = 430_000.0, y0 = 4_581_000.0

    static func district() -> District {
        let road = NoiseModelTests.district(aadt: 20_000).streets
        let footway = DistrictFeature(id: "footway", layer: .street, geometry: .lineString([x0 - 200, y0 + 100, x0 + 200, y0 + 100]),
                                      attributes: Attributes(["highway": .string("footway")]), origin: FeatureOrigin(file: "t", index: 1, id: "footway"))
        let ring = [x0 - 12, y0 + 38, x0 + 12, y0 + 38, x0 + 12, y0 + 62, x0 - 12, y0 + 62, x0 - 12, y0 + 38]
        return District(crs: "EPSG:25831", features: road + [footway, CnossosNoiseTests.building("block", ring)])
    }

    /// The free-field model without air absorption, so the levels have a closed form.
    static func grid() async throws -> NoiseGrid {
        var options = NoiseOptions.freeField
        options.propagation.airAbsorption = false
        return try await NoiseModel(options: options).noiseGrid(district(), spacing: 10)
    }

    /// Lp - L'W of an incoherent line source from x0 - 200 to x0 + 200 at a receiver `dx` along it
    /// and `distance` away in plan, 3.95 m above the source: (theta2 - theta1) / D over the slant
    /// distance D, + 10 lg of constants that cancel in a difference.
    static func finiteRoad(dx: Double, distance: Double) -> Double {
        let slant = (distance * distance + 3.95 * 3.95).squareRoot()
        return 10 * log10((atan((200 - dx) / slant) - atan((-200 - dx) / slant)) / slant)
    }

    @Test("points cover the street layer's extent, outside the building; levels fall with distance from the road")
    func pointsAndLevels() async throws {
        let grid = try await Self.grid()
        #expect(grid.points.count == 400 - 4)
        #expect(grid.extent == Envelope(minX: Self.x0 - 200, minY: Self.y0, maxX: Self.x0 + 200, maxY: Self.y0 + 100))
        #expect(!grid.points.contains { abs($0.x - Self.x0) < 12 && $0.y > Self.y0 + 38 && $0.y < Self.y0 + 62 })
        #expect(grid.points.first.map { [$0.x, $0.y] } == [Self.x0 - 195, Self.y0 + 5])
        // Along a column beside the building (transparent in the free-field model) whose points all
        // have the whole road within the 250 m search radius, Lden falls row by row.
        let column = grid.points.filter { $0.x == Self.x0 + 15 }.sorted { $0.y < $1.y }
        #expect(column.count == 10)
        for (near, far) in zip(column, column.dropFirst()) { #expect(far.levels.lden < near.levels.lden) }
        // 5 m and 95 m from the road: 13.1 dB apart (10 lg(95 / 5) = 12.8 for an infinite road at ground level).
        let drop = column[0].levels.lden - column[9].levels.lden
        let expected = Self.finiteRoad(dx: 15, distance: 5) - Self.finiteRoad(dx: 15, distance: 95)
        #expect(abs(expected - 13.098) < 0.001)
        #expect(abs(drop - expected) < 0.1)
    }

    @Test("bands hold their points, add up to the grid cells less the building, and decode to their areas")
    func bands() async throws {
        let grid = try await Self.grid()
        #expect(grid.bands.map(\.pointCount).reduce(0, +) == grid.points.count)
        for band in grid.bands {
            #expect(grid.points.filter { band.contains($0.levels.lden) }.count == band.pointCount)
            let context = GeometryContext()
            let polygon = try Geometry.fromWKB(band.wkb, in: context)
            #expect(polygon.isValid && abs(polygon.area - band.area) < 1e-6)
        }
        #expect(abs(grid.bands.map(\.area).reduce(0, +) - 39_424) < 0.01)
        #expect(grid.bands.count >= 3)  // the road's side of the grid is loud, its far side quieter
        #expect(NoiseGrid.bandIndex(lden: 54.99) == 0 && NoiseGrid.bandIndex(lden: 55) == 1 && NoiseGrid.bandIndex(lden: 75) == 5)
        #expect((0...5).map(NoiseGrid.bandName) == ["<55", "55-60", "60-65", "65-70", "70-75", ">=75"])
    }

    @Test("a grid of more than a million points is refused before any work")
    func tooFine() {
        #expect { try NoiseGrid.layout(of: Self.district(), spacing: 0.1) } throws: { "\($0)".contains("use a larger spacing") }
        #expect(throws: NoiseGridError.self) { try NoiseGrid.layout(of: Self.district(), spacing: -1) }
    }
}
