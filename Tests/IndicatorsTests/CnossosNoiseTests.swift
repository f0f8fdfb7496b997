import DistrictModel
import Foundation
import GeoJSON
@testable import Indicators
import Reports
import Testing

/// CNOSSOS-EU propagation in the district model: the path finder and the receiver sums, checked
/// against the free-field model where the two must agree and against the physics where they differ.
@Suite struct CnossosNoiseTests {
    static let x0 = 430_000.0, y0 = 4_581_000.0

    /// The 400 m road of `NoiseModelTests.district` (20,000 vehicles a day at 50 km/h) and any extra features.
    static func district(_ extra: [DistrictFeature] = [], house: Bool = false) -> District {
        let base = NoiseModelTests.district(aadt: 20_000)
        let road = base.features.filter { $0.layer == .street }
        return District(crs: "EPSG:25831", features: road + (house ? base.buildings : []) + extra)
    }

    static func building(_ id: String, _ ring: [Double], height: Double = 20) -> DistrictFeature {
        DistrictFeature(id: id, layer: .building, geometry: .polygon([ring]),
                        attributes: Attributes(["building": .string("yes"), "height": .number(height)]),
                        origin: FeatureOrigin(file: "t", index: 9, id: id))
    }

    static func options(p: Double = 0.5, reflections: Int = 1, temperature: Double = 15) -> NoiseOptions {
        var options = NoiseOptions()
        options.favourable = PerPeriod(day: p, evening: p, night: p)
        options.reflectionOrder = reflections
        options.airTemperature = temperature
        return options
    }

    /// Over hard ground with no obstacle, the homogeneous CNOSSOS level is the free-field one:
    /// A_ground,H = -3 dB is the free field's +3 dB for the reflecting ground (Annex II eq. 2.5.15
    /// with G_path = 0), and both integrate 1/r^2 exactly along the road. What is left is the air
    /// absorption (ISO 9613-1 at the exact mid-band frequencies against the nominal-frequency table).
    @Test func homogeneousHardGroundIsTheFreeField() {
        let district = Self.district()
        let points = [Self.x0, Self.y0 + 8, Self.x0 + 100, Self.y0 + 60]
        let cnossos = NoiseModel(options: Self.options(p: 0, reflections: 0)).levels(atPoints: points, in: district)
        var freeFieldOptions = NoiseOptions.freeField
        freeFieldOptions.airTemperature = 15
        let freeField = NoiseModel(options: freeFieldOptions).levels(atPoints: points, in: district)
        for (a, b) in zip(cnossos, freeField) {
            #expect(abs(a.day - b.day) < 0.05, "\(a.day) against \(b.day)")
            #expect(abs(a.night - b.night) < 0.05)
        }
    }

    /// Favourable conditions bend the sound down: over hard ground far from the road the lower
    /// bound of A_ground,F (eq. 2.5.20) is below -3 dB, so F is louder than H, by less than 6 dB.
    @Test func favourableConditionsAreLouderFarAway() {
        let district = Self.district()
        let points = [Self.x0, Self.y0 + 150]
        let h = NoiseModel(options: Self.options(p: 0, reflections: 0)).levels(atPoints: points, in: district)[0]
        let f = NoiseModel(options: Self.options(p: 1, reflections: 0)).levels(atPoints: points, in: district)[0]
        #expect(f.day > h.day + 0.5 && f.day < h.day + 6)
    }

    /// A 20 m building between the road and the receiver diffracts: the level drops by many dB but
    /// stays finite (the free-field screening drops the blocked pieces altogether).
    @Test func aBuildingDiffractsTheRoadBehindIt() {
        let x0 = Self.x0, y0 = Self.y0
        let block = Self.building("block", [x0 - 100, y0 + 10, x0 + 100, y0 + 10, x0 + 100, y0 + 30, x0 - 100, y0 + 30, x0 - 100, y0 + 10])
        let behind = [x0, y0 + 32]
        let open = NoiseModel(options: Self.options(reflections: 0)).levels(atPoints: behind, in: Self.district())[0]
        let shielded = NoiseModel(options: Self.options(reflections: 0)).levels(atPoints: behind, in: Self.district([block]))[0]
        #expect(shielded.day.isFinite)
        #expect(shielded.day < open.day - 10, "open \(open.day), shielded \(shielded.day)")
        #expect(shielded.day > open.day - 30)
    }

    /// A long facade across the road reflects the road back to the receiver: up to +3 dB for a
    /// perfect mirror, a little less for the facade's absorption and the longer image path.
    @Test func aFacadeAcrossTheRoadReflects() {
        let x0 = Self.x0, y0 = Self.y0
        let across = Self.building("across", [x0 - 150, y0 - 30, x0 + 150, y0 - 30, x0 + 150, y0 - 10, x0 - 150, y0 - 10, x0 - 150, y0 - 30])
        let point = [x0, y0 + 8]
        let district = Self.district([across])
        let without = NoiseModel(options: Self.options(reflections: 0)).levels(atPoints: point, in: district)[0]
        let with = NoiseModel(options: Self.options(reflections: 1)).levels(atPoints: point, in: district)[0]
        #expect(with.day > without.day + 0.5 && with.day < without.day + 3, "\(without.day) -> \(with.day)")
    }

    /// The END facade level is the incident level: the receiver's own facade does not reflect. With
    /// only the house itself around, reflections change nothing.
    @Test func theOwnFacadeDoesNotReflect() async throws {
        let district = Self.district(house: true)
        let population = try PopulationEstimator().estimate(district)
        let a = try await NoiseModel(options: Self.options(reflections: 0)).analyse(district, population: population)
        let b = try await NoiseModel(options: Self.options(reflections: 1)).analyse(district, population: population)
        let la = try #require(a.buildings[0].levels), lb = try #require(b.buildings[0].levels)
        #expect(abs(la.day - lb.day) < 1e-9)
        #expect(a.model.hasPrefix("CNOSSOS-EU"))
    }

    /// A park (G = 1) between the road and the receiver absorbs: quieter than hard ground.
    @Test func greenGroundAbsorbs() {
        let x0 = Self.x0, y0 = Self.y0
        let park = DistrictFeature(id: "park", layer: .green,
                                   geometry: .polygon([[x0 - 200, y0 + 5, x0 + 200, y0 + 5, x0 + 200, y0 + 95, x0 - 200, y0 + 95, x0 - 200, y0 + 5]]),
                                   attributes: Attributes(["leisure": .string("park")]), origin: FeatureOrigin(file: "t", index: 5, id: "park"))
        let point = [x0, y0 + 80]
        let hard = NoiseModel(options: Self.options(reflections: 0)).levels(atPoints: point, in: Self.district())[0]
        let soft = NoiseModel(options: Self.options(reflections: 0)).levels(atPoints: point, in: Self.district([park]))[0]
        #expect(soft.day < hard.day - 1, "hard \(hard.day), park \(soft.day)")
    }

    /// Buildings without height or levels take the median of the known heights; the notes say so.
    @Test func defaultHeightIsTheMedianOfTheKnownOnes() async throws {
        let x0 = Self.x0, y0 = Self.y0
        func house(_ id: String, _ dx: Double, _ tags: [String: PropertyValue]) -> DistrictFeature {
            DistrictFeature(id: id, layer: .building,
                            geometry: .polygon([[x0 + dx, y0 + 10, x0 + dx + 8, y0 + 10, x0 + dx + 8, y0 + 18, x0 + dx, y0 + 18, x0 + dx, y0 + 10]]),
                            attributes: Attributes(tags.merging(["building": .string("yes")]) { a, _ in a }),
                            origin: FeatureOrigin(file: "t", index: 3, id: id))
        }
        let district = Self.district([house("a", -40, ["height": .number(9)]), house("b", -20, ["building:levels": .number(5)]),
                                      house("c", 0, ["height": .number(30)]), house("d", 20, [:])])
        let population = try PopulationEstimator().estimate(district)
        let noise = try await NoiseModel(options: Self.options()).analyse(district, population: population)
        #expect(noise.defaultBuildingHeight == 15)  // median of 9, 15, 30
        #expect(noise.notes.contains { $0.hasPrefix("Building heights: 2 tagged, 1 from building:levels x 3 m, 1 defaulted to 15.0 m") })
        // buildings.csv reports the height the noise model used for the defaulted one.
        let table = BuildingsTable(district: district, population: population, noise: noise, green: nil).csv
        let row = try #require(table.rows.first { $0[0] == "d" })
        #expect(row.suffix(2) == ["15.0", "default"])
    }
}

/// Second-order reflections (`--reflection-order 2`) in a street canyon: the road between two long
/// facades is heard once more by every double bounce, so each order adds a little, less each time.
@Suite struct SecondOrderReflectionTests {
    @Test func eachOrderAddsLessThanTheOneBefore() {
        let x0 = CnossosNoiseTests.x0, y0 = CnossosNoiseTests.y0
        let north = CnossosNoiseTests.building("north", [x0 - 150, y0 + 10, x0 + 150, y0 + 10, x0 + 150, y0 + 30, x0 - 150, y0 + 30, x0 - 150, y0 + 10])
        let south = CnossosNoiseTests.building("south", [x0 - 150, y0 - 30, x0 + 150, y0 - 30, x0 + 150, y0 - 10, x0 - 150, y0 - 10, x0 - 150, y0 - 30])
        let district = CnossosNoiseTests.district([north, south])
        let point = [x0, y0 + 6]
        let levels = (0 ... 2).map { order in
            NoiseModel(options: CnossosNoiseTests.options(reflections: order)).levels(atPoints: point, in: district)[0].day
        }
        let first = levels[1] - levels[0], second = levels[2] - levels[1]
        #expect(first > 0.5 && first < 3, "order 1 adds \(first)")
        #expect(second > 0.05 && second < first, "order 2 adds \(second)")
    }
}

/// Lateral diffraction (`--lateral-diffraction`): round a free-standing building the sound also
/// travels past its vertical edges, so the level behind it rises; in the open nothing changes.
@Suite struct LateralDiffractionTests {
    @Test func soundGoesRoundABuilding() {
        let x0 = CnossosNoiseTests.x0, y0 = CnossosNoiseTests.y0
        // A 20 m cube 10 m north of the road and a receiver right behind it, 50 m from the road.
        let cube = CnossosNoiseTests.building("cube", [x0 - 10, y0 + 20, x0 + 10, y0 + 20, x0 + 10, y0 + 40, x0 - 10, y0 + 40, x0 - 10, y0 + 20])
        let district = CnossosNoiseTests.district([cube])
        var lateral = CnossosNoiseTests.options(reflections: 0)
        lateral.lateralDiffraction = true
        let behind = [x0, y0 + 50], open = [x0 + 50, y0 + 15]  // every path to the second stays south of the cube
        let without = NoiseModel(options: CnossosNoiseTests.options(reflections: 0)).levels(atPoints: behind + open, in: district)
        let with = NoiseModel(options: lateral).levels(atPoints: behind + open, in: district)
        // Most of the road reaches the receiver past the cube; only the pieces it hides gain.
        #expect(with[0].day > without[0].day + 0.001, "\(without[0].day) -> \(with[0].day)")
        #expect(with[0].day < without[0].day + 3)
        #expect(abs(with[1].day - without[1].day) < 1e-9)
    }

    @Test func theHullChainPassesTheOutermostCorners() {
        // Corners at (20, 5), (50, 8), (80, 4) between (0, 0) and (100, 0): the taut string touches
        // (20, 5)? No: from (0, 0) to (50, 8) the slope 0.16 passes (20, 3.2) below (20, 5), so it does.
        let chain = UrbanPathFinder.hullChain([(20, 5), (50, 8), (80, 4), (60, 1)], length: 100)
        #expect(chain.map(\.u) == [20, 50, 80])
    }
}

/// The grid walk that finds the facades a ray crosses, against a brute-force oracle: every edge
/// the segment really crosses must be among the candidates, whatever the direction and length.
@Suite struct EdgeGridTests {
    @Test func theWalkFindsEveryCrossedEdge() {
        var generator = SystemRandomNumberGenerator()
        let random = { (range: ClosedRange<Double>) in Double.random(in: range, using: &generator) }
        let edges = (0 ..< 400).map { i -> EdgeGrid.Edge in
            let x = random(0 ... 500), y = random(0 ... 500), angle = random(0 ... 2 * Double.pi), length = random(1 ... 40)
            return EdgeGrid.Edge(ax: x, ay: y, bx: x + length * cos(angle), by: y + length * sin(angle), owner: Int32(i))
        }
        let grid = EdgeGrid(edges: edges, cellSize: 15)
        var scratch = QueryScratch()
        for _ in 0 ..< 300 {
            let ax = random(-50 ... 550), ay = random(-50 ... 550), bx = random(-50 ... 550), by = random(-50 ... 550)
            var candidates = Set<Int>()
            grid.forEachCandidate(ax: ax, ay: ay, bx: bx, by: by, scratch: &scratch) { candidates.insert($0) }
            let crossed = edges.indices.filter { grid.crossing($0, px: ax, py: ay, qx: bx, qy: by) != nil }
            #expect(crossed.allSatisfy(candidates.contains), "missed \(crossed.filter { !candidates.contains($0) })")
        }
    }

    /// Features scattered far apart get larger cells instead of a grid of billions.
    @Test func aScatteredDistrictGetsLargerCells() {
        let edges = [EdgeGrid.Edge(ax: 0, ay: 0, bx: 10, by: 0, owner: 0),
                     EdgeGrid.Edge(ax: 90_000, ay: 90_000, bx: 90_010, by: 90_000, owner: 1)]
        let grid = EdgeGrid(edges: edges, cellSize: 15)
        var scratch = QueryScratch()
        var found: [Int] = []
        grid.forEachCandidate(ax: 5, ay: -5, bx: 5, by: 5, scratch: &scratch) { found.append($0) }
        #expect(found.contains(0))
    }
}

/// Ground zones that contain the whole path: no boundary is crossed, so their G comes from the
/// zones around the receiver, walked back to the source.
@Suite struct GroundZoneTests {
    @Test func aPathInsideAParkIsOverSoftGround() {
        let x0 = CnossosNoiseTests.x0, y0 = CnossosNoiseTests.y0
        let park = DistrictFeature(id: "park", layer: .green,
                                   geometry: .polygon([[x0 - 300, y0 - 100, x0 + 300, y0 - 100, x0 + 300, y0 + 200, x0 - 300, y0 + 200, x0 - 300, y0 - 100]]),
                                   attributes: Attributes(["leisure": .string("park")]), origin: FeatureOrigin(file: "t", index: 5, id: "park"))
        let point = [x0, y0 + 80]
        let hard = NoiseModel(options: CnossosNoiseTests.options(reflections: 0)).levels(atPoints: point, in: CnossosNoiseTests.district())[0]
        let soft = NoiseModel(options: CnossosNoiseTests.options(reflections: 0)).levels(atPoints: point, in: CnossosNoiseTests.district([park]))[0]
        #expect(soft.day < hard.day - 1, "hard \(hard.day), inside the park \(soft.day)")
    }
}
