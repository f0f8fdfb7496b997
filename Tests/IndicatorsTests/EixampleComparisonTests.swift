import DistrictModel
import Foundation
import Indicators
import Testing
import TestSupport

/// The Consell de Cent green axis: the before layout made by Samples/tools/make_eixample_before.py
/// (the axis retagged as the pre-2022 three-lane street, 20 m with a 10 m carriageway) against the
/// OSM extract as it is. Buildings are left out here to keep the test quick (noise and residents
/// are in the README's run).
@Suite struct EixampleComparisonTests {
    @Test func theAxisCarriagewayIsReallocatedToPeople() async throws {
        let loader = DistrictLoader()
        let before = try loader.load([FixtureFiles.sample("eixample/roads_before.geojson")])
        let after = try loader.load([FixtureFiles.sample("eixample/roads.geojson")])
        let comparison = try await Comparison().compare(before: before, after: after)
        // The script keeps ids and geometry: every street pairs by id, none is one-sided.
        #expect(comparison.matches.count == 1564 && comparison.matches.allSatisfy { $0.method == .id })
        let summary = comparison.summary
        #expect(summary.onlyBefore.isEmpty && summary.onlyAfter.isEmpty)

        // 37 ways, 1,222 m of centreline, were given a 10 m carriageway: at most 12,223 m2 of it can
        // change hands. Less does: where the axis crosses other streets their carriageway stays
        // traffic, and OSM maps the axis as a 3 - 6 m shared platform, so part of the old
        // carriageway (and the old sidewalks) is no street space at all in the after layout.
        let moved = try #require(summary.row("moved_vehicle_to_people_m2")?.change)
        #expect(moved > 0.5 * 12_223 && moved < 12_223)
        #expect(abs(moved - 7_200.5) < 5)  // measured on this extract: 4,933.6 to shared, 2,266.9 to pedestrian
        #expect(abs(comparison.transfers[.traffic, .shared] - 4_933.6) < 5)
        #expect(summary.row("moved_people_to_vehicle_m2")!.change! < 1)
        #expect(summary.row("vehicle_area_m2")!.change! < -moved)
        #expect(summary.row("pedestrian_share_pct")!.change! > 0)
    }
}
