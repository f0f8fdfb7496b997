import DistrictModel
import GeoJSON
import Indicators
import Testing

/// A sample built for the priority score: a 1 ha park at the west end of a row of housing, one
/// vacant lot beside the park and one 600 m east of it, among residents the park does not serve.
@Suite struct VacantLotTests {
    static let x0 = 430_000.0, y0 = 4_581_000.0

    static func square(_ x: Double, _ y: Double, _ size: Double) -> GeoJSONGeometry {
        .polygon([[x, y, x + size, y, x + size, y + size, x, y + size, x, y]])
    }

    static func district() throws -> District {
        var features = [Feature(id: "park", properties: ["leisure": .string("park")], geometry: square(x0, y0, 100))]
        // Houses every 50 m along a 1.2 km row north of the park, 100 residents each.
        for k in 0..<24 {
            features.append(Feature(id: "house-\(k)", properties: ["building": .string("apartments"), "population": .number(100)],
                                    geometry: square(x0 + Double(k) * 50, y0 + 150, 20)))
        }
        features.append(Feature(id: "lot-by-the-park", properties: ["landuse": .string("brownfield")], geometry: square(x0 + 110, y0, 80)))
        features.append(Feature(id: "lot-in-the-gap", properties: ["landuse": .string("brownfield")], geometry: square(x0 + 700, y0, 80)))
        features.append(Feature(id: "sliver", properties: ["vacant": .string("yes")], geometry: square(x0 + 1_100, y0 - 50, 10)))
        return try DistrictLoader().load([NamedCollection(name: "lots.geojson", collection: FeatureCollection(features: features, crs: "EPSG:25831"))])
    }

    @Test func lotsFillingAGreenGapRankAboveLotsNextToAPark() throws {
        let district = try Self.district()
        let population = try PopulationEstimator().estimate(district)
        let green = try GreenAnalyzer().analyse(district, population: population)
        let lots = try LotAnalyzer().analyse(district, population: population, greenToday: green)
        let byID = Dictionary(uniqueKeysWithValues: lots.map { ($0.id, $0) })
        let gap = try #require(byID["lot-in-the-gap"]), park = try #require(byID["lot-by-the-park"]), sliver = try #require(byID["sliver"])
        #expect(gap.priorityRank == 1)
        #expect(park.priorityRank > gap.priorityRank)

        // By hand. House k spans x0 + 50k .. 50k + 20 and y0 + 150 .. 170.
        // Today the park (x0 .. x0 + 100, up to y0 + 100: 50 m below the houses) serves houses with
        // 50k <= 100 + sqrt(300^2 - 50^2) = 395.8: k = 0 ... 7.
        // The lot by the park (x0 + 110 .. 190, 0.64 ha, 10 m from the park, so not merged with it;
        // 70 m below the houses) reaches 50k <= 190 + sqrt(300^2 - 70^2) = 481.7: k = 0 ... 9;
        // newly served: houses 8 and 9.
        #expect(park.residents300m == 1_000)
        #expect(park.newlyServedResidents == 200)
        #expect(park.nearestGreen == 10)
        // The lot in the gap (x0 + 700 .. 780) reaches 50k + 20 >= 700 - 291.7 and 50k <= 780 + 291.7:
        // k = 8 ... 21, none served today: 14 houses.
        #expect(gap.newlyServedResidents == 1_400)
        #expect(abs(gap.nearestGreen! - 600) < 1e-9)
        #expect(gap.residents300m == 1_400)
        // The sliver (x0 + 1100 .. 1110, 40 m below y0; 190 m below the houses) reaches
        // 50k + 20 >= 1100 - 232.4 and 50k <= 1110 + 232.4: k = 17 ... 23, 7 houses; it is 1 km from the park.
        #expect(sliver.residents300m == 700)
        #expect(abs(sliver.nearestGreen! - (1_000.0 * 1_000 + 40 * 40).squareRoot()) < 1e-9)
        // Scores (weights 0.5 newly served, 0.25 residents, 0.25 green gap; each scaled by the largest):
        // gap: 100 (0.5 x 1 + 0.25 x 1 + 0.25 x 600 / d_sliver); park lot: 100 (0.5 x 200/1400 +
        // 0.25 x 1000/1400 + 0.25 x 10 / d_sliver); sliver: 100 (0.25 x 700/1400 + 0.25 x 1).
        let farthest = sliver.nearestGreen!
        #expect(abs(gap.priorityScore - 100 * (0.5 + 0.25 + 0.25 * 600 / farthest)) < 1e-9)
        #expect(abs(park.priorityScore - 100 * (0.5 * 200 / 1400 + 0.25 * 1000 / 1400 + 0.25 * 10 / farthest)) < 1e-9)
        #expect(abs(sliver.priorityScore - 100 * (0.25 * 0.5 + 0.25)) < 1e-9)
        // 4 pi A / P^2 of a square: pi / 4.
        #expect(abs(gap.compactness - Double.pi / 4) < 1e-12)
        #expect(sliver.isSliver && !gap.isSliver)
        #expect(sliver.newlyServedResidents == 0)  // 100 m2 is no park under the WHO rule
    }

    @Test func weightsAreReadAndChangeTheOrder() throws {
        #expect(try LotWeights(parsing: "newly_served=0,residents=0,green_gap=0,quiet=1").quiet == 1)
        #expect(throws: LotWeightsError.self) { try LotWeights(parsing: "bogus=1") }
        #expect(throws: LotWeightsError.self) { try LotWeights(parsing: "residents=-1") }
        #expect(throws: LotWeightsError.self) { try LotWeights(parsing: "newly_served=0,residents=0,green_gap=0") }
        // Weighting only the green gap puts the sliver, the lot farthest from any green, first.
        let district = try Self.district()
        let population = try PopulationEstimator().estimate(district)
        let green = try GreenAnalyzer().analyse(district, population: population)
        let gapOnly = try LotAnalyzer(weights: LotWeights(parsing: "newly_served=0,residents=0,green_gap=1")).analyse(
            district, population: population, greenToday: green)
        #expect(gapOnly.first { $0.priorityRank == 1 }?.id == "sliver")
    }
}

/// A lot touching a park merges with it: a 0.3 ha lot beside a 0.3 ha park makes a 0.6 ha park,
/// which passes the 0.5 ha WHO rule that neither passes alone.
@Suite struct LotMergingTests {
    @Test func aLotBesideAParkCountsAtTheMergedSize() throws {
        let x0 = 430_000.0, y0 = 4_581_000.0
        func rectangle(_ x: Double, _ y: Double, _ w: Double, _ h: Double) -> GeoJSONGeometry {
            .polygon([[x, y, x + w, y, x + w, y + h, x, y + h, x, y]])
        }
        let features = [
            Feature(id: "park", properties: ["leisure": .string("park")], geometry: rectangle(x0, y0, 50, 60)),
            Feature(id: "lot", properties: ["landuse": .string("brownfield")], geometry: rectangle(x0 + 50, y0, 50, 60)),
            Feature(id: "far-lot", properties: ["landuse": .string("brownfield")], geometry: rectangle(x0 + 1_000, y0, 50, 60)),
            Feature(id: "house", properties: ["building": .string("apartments"), "population": .number(50)], geometry: rectangle(x0 + 60, y0 + 200, 10, 10)),
        ]
        let district = try DistrictLoader().load([NamedCollection(name: "merge.geojson", collection: FeatureCollection(features: features, crs: "EPSG:25831"))])
        let population = try PopulationEstimator().estimate(district)
        let green = try GreenAnalyzer().analyse(district, population: population)
        #expect(green.summary.residentsGreen300m == 0)  // the 0.3 ha park alone serves nobody
        let lots = try LotAnalyzer().analyse(district, population: population, greenToday: green)
        #expect(lots.first { $0.id == "lot" }?.newlyServedResidents == 50)
        #expect(lots.first { $0.id == "far-lot" }?.newlyServedResidents == 0)  // 0.3 ha on its own
    }
}
