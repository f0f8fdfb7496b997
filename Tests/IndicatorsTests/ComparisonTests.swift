import DistrictModel
import Foundation
import GeoJSON
import GeometryEngine
import Indicators
import Reports
import Testing
import TestSupport

/// `superblock plan` then `superblock compare` on the synthetic grid, against figures derived by
/// hand from the grid's geometry (Samples/synthetic/README.md) and the allocator's rules
/// (DESIGN.md section 4.1: round caps with 8 segments a quadrant; overlaps go to the higher
/// priority traffic > parking > cycle > green > shared > pedestrian).
///
/// One cell, local coordinates 0 ... 399.9 m; basic centrelines on its boundary, interior
/// centrelines at 133.3 and 266.6 m each way; every carriageway 10 m, sidewalks 5 m.
///
/// Before (all cells alike):
/// - street space 399.9^2 - 9 x 113.3^2 = 44,388 m2;
/// - traffic: the basic carriageways' inner halves, 4 x 5 x 399.9 - 4 x 25 (corners) = 7,898 m2, plus
///   the interior carriageways: 12 segments x 133.3 m x 10 m = 15,996 m2, less the 4 interior
///   crossings counted twice (4 x 100 m2) and less the 8 half-squares (10 x 5 m) where an interior
///   street enters the basic carriageway, which stays the basic street's traffic before and after:
///   15,996 - 400 - 400 = 15,196 m2; total 23,094 m2;
/// - pedestrian: 44,388 - 23,094 = 21,294 m2: 48.0 % for people, below BCNecologia's 60 %.
///
/// After the default plan (8 m shared, a 1 m green strip each side of every interior street):
/// - the 15,196 m2 of interior carriageway move, all of them, to shared space and green;
/// - green (see `SuperblockPlanTests.greenInCell`) 3,151.77 m2, shared 15,196 - 3,151.77 = 12,044.23 m2;
/// - people: (21,294 + 12,044.23) / 44,388 = 75.1 %, over the desirable 75 %.
@Suite struct ComparisonTests {
    static let interiorCarriageway: Double = 12 * 133.3 * 10 - 4 * 100 - 8 * 50

    /// The plan written and read back, then compared with the before layout (computed once).
    static func comparison() async throws -> LayoutComparison { try await SyntheticComparison.shared.value() }

    @Test func handFiguresOfTheGreen() {
        #expect(abs(SuperblockPlanTests.greenInCell - 3151.77) < 0.01)
        #expect(abs(Self.interiorCarriageway - 15_196) < 1e-9)
    }

    @Test func theInteriorCarriagewayMovesToSharedSpaceAndGreen() async throws {
        let comparison = try await Self.comparison()
        let cell = try #require(comparison.cellTransfers["cell-1-1"])
        let toShared = cell[.traffic, .shared], toGreen = cell[.traffic, .green]
        #expect(abs(toShared + toGreen - Self.interiorCarriageway) < 1)
        #expect(abs(toGreen - SuperblockPlanTests.greenInCell) < 1)
        #expect(abs(toShared - (Self.interiorCarriageway - SuperblockPlanTests.greenInCell)) < 1)
        #expect(cell.total(from: SpaceTransfers.people, to: SpaceTransfers.vehicle) < 1e-6)
        // The district: nine cells' worth (the interior streets' caps at the grid's edge lie in the
        // outer basic carriageways, which keep them).
        let summary = comparison.summary
        #expect(abs(summary.row("moved_vehicle_to_people_m2")!.change! - 9 * (Self.interiorCarriageway - SuperblockPlanTests.greenInCell)) < 9)
        #expect(abs(summary.row("moved_vehicle_to_green_m2")!.change! - 9 * SuperblockPlanTests.greenInCell) < 9)
        #expect(abs(summary.row("vehicle_area_m2")!.change! + 9 * Self.interiorCarriageway) < 9)
        #expect(abs(summary.row("street_area_m2")!.change!) < 1e-6)
    }

    @Test func theCellsPedestrianShareCrossesTheDesirableLine() async throws {
        let comparison = try await Self.comparison()
        let before = try #require(comparison.before.space.cells.first { $0.id == "cell-1-1" })
        let after = try #require(comparison.after.space.cells.first { $0.id == "cell-1-1" })
        #expect(abs(before.areas.pedestrianSharePercent! - 100 * 21_294 / 44_388) < 0.01)  // 47.97 %
        let expected = 100 * (21_294 + Self.interiorCarriageway - SuperblockPlanTests.greenInCell) / 44_388  // 75.11 %
        #expect(abs(after.areas.pedestrianSharePercent! - expected) < 0.01)
        #expect(before.rating == .belowMinimum && after.rating == .desirable)
    }

    @Test func everyStreetIsPairedByIdAndTheQuietStreetsAreQuieter() async throws {
        let comparison = try await Self.comparison()
        #expect(comparison.matches.count == 180 && comparison.matches.allSatisfy { $0.method == .id && $0.before == $0.after })
        let summary = comparison.summary
        #expect(summary.onlyBefore.isEmpty && summary.onlyAfter.isEmpty && summary.geometryMatches.isEmpty)
        // An interior street's emission per metre: the 82 % cut gives 10 lg(0.18) = -7.4 dB, but the
        // same cars now spend three times as long on each metre (10 instead of 30 km/h: the
        // density term 10 lg(Q / v) gains 10 lg 3 = +4.8 dB), while their power terms fall from
        // 30 km/h to the 20 km/h floor: about 2.2 dB less. About 5 dB quieter in all.
        let index = try #require(comparison.before.district.streets.firstIndex { $0.id == "ns-4-4" })
        let drop = comparison.before.noise.streets[index].lwA(.day)! - comparison.after.noise.streets[index].lwA(.day)!
        #expect(drop > 7.4 - 4.8 && drop < 7.4)
        #expect(summary.row("residents_lden_ge_65")!.change! <= 0)
    }
}

/// The synthetic comparison, made once and shared by the tests that read it.
actor SyntheticComparison {
    static let shared = SyntheticComparison()
    private var task: Task<LayoutComparison, Error>?

    func value() async throws -> LayoutComparison {
        if task == nil {
            task = Task {
                let directory = try FixtureFiles.temporaryDirectory()
                defer { try? FileManager.default.removeItem(at: directory) }
                let after = try SuperblockPlanTests.after(SuperblockPlanTests.plan(), in: directory)
                return try await Comparison(noise: NoiseModel(options: .freeField)).compare(before: SuperblockPlanTests.before, after: after)
            }
        }
        return try await task!.value
    }

    /// The traffic part, as `compare` measures it with the cells of the after layout (the grid's
    /// one-way streets driven both ways, as the plan tests do).
    static func traffic(_ comparison: LayoutComparison) throws -> TrafficComparison {
        let cells = try CellAnalysis().analyse(CellAnalysis.inputs(from: comparison.after.district.cells), in: comparison.after.district)
        return TrafficComparison(comparison, cells: cells, graphOptions: RoadGraph.Options(respectsOneway: false))
    }
}

/// Pairing streets between layouts, and what happens to the ones that have no partner.
@Suite struct StreetMatchingTests {
    static func street(_ id: String, _ xy: [Double], _ tags: [String: String] = ["highway": "residential"], index: Int = 0) -> DistrictFeature {
        DistrictFeature(id: id, layer: .street, geometry: .lineString(xy), attributes: Attributes(tags.mapValues { .string($0) }),
                        origin: FeatureOrigin(file: "t", index: index, id: id))
    }

    static let before = [street("a", [0, 0, 100, 0]), street("b", [0, 50, 100, 50]), street("c", [0, 100, 100, 100])]
    /// "a" kept; "b" redrawn 0.4 m off with another id and an extra vertex; "c" gone; "d" new.
    static let after = [street("a", [0, 0, 100, 0]), street("b2", [0, 50.4, 40, 50.4, 100, 50.4]), street("d", [0, 200, 100, 200])]

    @Test func idsFirstThenGeometryThenOneSidedLists() throws {
        let matches = try StreetMatcher().match(before: Self.before, after: Self.after)
        #expect(matches.map(\.method) == [.id, .geometry, .onlyBefore, .onlyAfter])
        #expect(matches[1].before == 1 && matches[1].after == 1 && abs(matches[1].distance! - 0.4) < 1e-9)
        #expect(matches[2].before == 2 && matches[2].after == nil)
        #expect(matches[3].before == nil && matches[3].after == 2)
        // Beyond the tolerance the redrawn street is two one-sided streets.
        let strict = try StreetMatcher(tolerance: 0.3).match(before: Self.before, after: Self.after)
        #expect(strict.filter { $0.method == .onlyBefore }.count == 2 && strict.filter { $0.method == .onlyAfter }.count == 2)
    }

    @Test func repeatedIdsPairInOrder() throws {
        let before = [Self.street("x", [0, 0, 10, 0]), Self.street("x", [0, 10, 10, 10])]
        let after = [Self.street("x", [0, 10, 10, 10])]
        let matches = try StreetMatcher().match(before: before, after: after)
        #expect(matches.map(\.method) == [.id, .onlyBefore])
    }

    @Test func oneSidedStreetsAreListedAndKeptInCompareCSV() async throws {
        let comparison = try await Comparison().compare(before: District(crs: "EPSG:25831", features: Self.before),
                                                        after: District(crs: "EPSG:25831", features: Self.after))
        let summary = comparison.summary
        #expect(summary.onlyBefore == ["c"] && summary.onlyAfter == ["d"])
        #expect(summary.geometryMatches.count == 1 && summary.geometryMatches[0].before == "b" && summary.geometryMatches[0].after == "b2")
        let rows = ComparisonTables(comparison).long.rows.filter { $0[0] == "street" && $0[2] == "traffic_m2" }
        #expect(rows.map { $0[1] } == ["a", "b->b2", "c", "d"])
        #expect(rows[2][4] != "" && rows[2][5] == "" && rows[2][6] == "")  // only before: no after, no change
        #expect(rows[3][4] == "" && rows[3][5] != "")                      // only after
        #expect(ComparisonTables(comparison).long.header == ["level", "id", "indicator", "unit", "before", "after", "change"])
        #expect(ComparisonTables(comparison).text.contains("Only before: c"))
    }
}

/// The vacant lot of the synthetic grid (block 1-7) turned into a park: green access in compare.
@Suite struct GreenComparisonTests {
    @Test func aLotTurnedIntoAParkShowsInGreenAccess() async throws {
        let before = try DistrictLoader().load([FixtureFiles.sample("synthetic/grid.geojson")])
        var after = before
        for index in after.features.indices where after.features[index].layer == .vacant {
            after.features[index].layer = .green
        }
        let comparison = try await Comparison().compare(before: before, after: after)
        let access = try #require(comparison.summary.row("residents_green_300m_pct"))
        // By hand (block offsets as in GreenAccessTests): the park at 4-4 serves 36 of the 79
        // housing blocks; the new 1.28 ha park at 1-7 reaches 21 blocks, 11 of them not served
        // before (0-4 ... 0-8, 1-6, 1-8, 2-7, 2-8, 3-8, 4-8): 47 of 79.
        #expect(abs(access.before! - 100.0 * 36 / 79) < 1e-9)
        #expect(abs(access.after! - 100.0 * 47 / 79) < 1e-9)
        let area = try #require(comparison.summary.row("green_area_m2"))
        #expect(abs(area.change! - 113.3 * 113.3) < 0.01)
    }
}
