import DistrictModel
import GeoJSON
import GeometryEngine
import Indicators
import Testing
import TestSupport

@Suite struct GreenAccessTests {
    /// On the synthetic grid the park is block (4, 4). The gap between blocks k apart is
    /// g(k) = 0, 20, 153.3, 286.6, 419.9 m (k x 133.3 m pitch less the 113.3 m block, ...); a
    /// building k, l blocks away is sqrt(g(k)^2 + g(l)^2) from the park. Counting offsets with
    /// that distance <= 300 m: (0,1) x4, (1,1) x4, (0,2) x4, (1,2) x8, (2,2) x4, (0,3) x4, (1,3) x8
    /// = 36 blocks of 600 residents; (2,3) is 325 m away. The vacant block (1,7) is at offset (3,3).
    @Test func syntheticGridAccessMatchesTheHandCount() throws {
        let district = try DistrictLoader().load([FixtureFiles.sample("synthetic/grid.geojson")])
        let population = try PopulationEstimator().estimate(district)
        let green = try GreenAnalyzer().analyse(district, population: population)
        let summary = green.summary
        #expect(summary.residents == 79 * 600)
        #expect(summary.residentsGreen300m == 36 * 600)
        #expect(abs(summary.percent(summary.residentsGreen300m)! - 100.0 * 36 / 79) < 1e-9)
        // The park is 1.28 ha, so the 1 ha rule gives the same.
        #expect(summary.residentsGreen300m1ha == 36 * 600)
        #expect(abs(summary.greenArea - 113.3 * 113.3) < 0.01)
        // BCNecologia's first class: >= 1,000 m2 within 200 m, offsets with distance <= 200 m:
        // (0,1) x4, (1,1) x4, (0,2) x4, (1,2) x8 = 20 blocks.
        #expect(summary.residentsPerProximityClass[0] == 20 * 600)
        // Every building sees 3 or more street trees within 15 m (trees stand 2.5 m from the kerb).
        #expect(summary.residentsTreesNear == summary.residents)
    }

    /// Buildings placed inside and just outside 300 m of a 0.5 ha park (and a park just too small).
    @Test func threeHundredMetreRuleAtItsEdges() throws {
        let x0 = 430_000.0, y0 = 4_581_000.0
        let side = 5_000.0.squareRoot() + 0.01  // a park of just over 0.5 ha
        func square(_ x: Double, _ y: Double, _ size: Double) -> GeoJSONGeometry {
            .polygon([[x, y, x + size, y, x + size, y + size, x, y + size, x, y]])
        }
        func building(_ id: String, gap: Double) -> Feature {
            Feature(id: id, properties: ["building": .string("apartments"), "population": .number(10)],
                    geometry: square(x0 + side + gap, y0, 10))
        }
        let features = [
            Feature(id: "park", properties: ["leisure": .string("park")], geometry: square(x0, y0, side)),
            building("inside", gap: 299.5), building("outside", gap: 300.5), building("far", gap: 800),
        ]
        let district = try DistrictLoader().load([NamedCollection(name: "edge.geojson", collection: FeatureCollection(features: features, crs: "EPSG:25831"))])
        let green = try GreenAnalyzer().analyse(district, population: try PopulationEstimator().estimate(district))
        #expect(green.buildings.map(\.green300m) == [true, false, false])
        #expect(abs(green.buildings[0].nearestGreen! - 299.5) < 1e-6)
        #expect(green.summary.residentsGreen300m == 10)
        #expect(green.buildings.allSatisfy { !$0.green300m1ha })

        // The same park a little under 0.5 ha serves nobody.
        var small = features
        small[0].geometry = square(x0 + 1, y0, side - 1)
        let smallDistrict = try DistrictLoader().load([NamedCollection(name: "edge.geojson", collection: FeatureCollection(features: small, crs: "EPSG:25831"))])
        let none = try GreenAnalyzer().analyse(smallDistrict, population: try PopulationEstimator().estimate(smallDistrict))
        #expect(none.summary.residentsGreen300m == 0)
    }

    /// Walking distance is never shorter than the straight line. On the grid (park at block 4-4):
    /// the blocks across a street walk straight over it, 10 + 10 m; the diagonal ones meet the park
    /// at a shared junction, 2 x sqrt(10^2 + 10^2) m; those two blocks away go along the street
    /// between: more than the straight 153.3 m, and at most junction to junction, 133.3 + 2 sqrt(200)
    /// m (entering the network a little down the street, across its surface, is shorter still).
    @Test func walkingAccessFollowsTheStreets() throws {
        let district = try DistrictLoader().load([FixtureFiles.sample("synthetic/grid.geojson")])
        let population = try PopulationEstimator().estimate(district)
        var options = GreenOptions()
        options.access = .walking
        let walking = try GreenAnalyzer(options: options).analyse(district, population: population)
        let straight = try GreenAnalyzer().analyse(district, population: population)
        for (w, s) in zip(walking.buildings, straight.buildings) {
            if let walked = w.nearestGreen, let direct = s.nearestGreen { #expect(walked >= direct - 1e-6) }
        }
        #expect(walking.summary.residentsGreen300m <= straight.summary.residentsGreen300m)
        let distance = Dictionary(uniqueKeysWithValues: walking.buildings.map { ($0.id, $0.nearestGreen ?? .infinity) })
        let diagonal = 2 * 200.0.squareRoot()
        for id in ["bldg-4-5", "bldg-4-3", "bldg-3-4", "bldg-5-4"] { #expect(abs(distance[id]! - 20) < 1e-6, "\(id)") }
        for id in ["bldg-3-3", "bldg-3-5", "bldg-5-3", "bldg-5-5"] { #expect(abs(distance[id]! - diagonal) < 1e-6, "\(id)") }
        for id in ["bldg-4-6", "bldg-4-2", "bldg-2-4", "bldg-6-4"] {
            #expect(distance[id]! > 153.3 && distance[id]! <= 133.3 + diagonal + 1e-6, "\(id)")
        }
    }
}
