import DistrictModel
import Foundation
import GeoJSON
import GeometryEngine
import Indicators
import Testing
import TestSupport

/// `superblock plan` on the synthetic grid (Samples/synthetic/README.md) and on small hand-made
/// streets, with every expected value worked out by hand.
@Suite struct SuperblockPlanTests {
    static let gridFile = FixtureFiles.sample("synthetic/grid.geojson")
    static let cellsFile = FixtureFiles.sample("synthetic/cells.geojson")
    static let before: District = try! DistrictLoader().load([gridFile, cellsFile])

    /// Green inside one cell after the default plan, by hand:
    /// - straight strips 4 - 5 m either side of the 4 interior centrelines, from 5 m to 394.9 m (the
    ///   outer 5 m are the basic carriageway, traffic): 4 x 2 x 1 m x 389.9 m = 3,119.2 m2;
    /// - less the 4 interior junctions' crossings of strips, 4 squares of 1 m2 each: 16 m2;
    /// - plus in each interior junction the green rings' round caps: with 8 segments a quadrant
    ///   they add up to the annulus between regular 32-gons of radius 5 and 4 (vertices at k pi/16)
    ///   whose part within |x|, |y| < 4 lies in no straight strip: area(P5 within the 8 m square)
    ///   - area(P4) = 12.1425 m2.
    static let greenInCell: Double = {
        let p5 = 16 * 25 * sin(Double.pi / 16), p4 = 16 * 16 * sin(Double.pi / 16)
        // P5 beyond x = 4: its vertices at angles -3..3 pi/16 and the two points where its edges
        // from 3 pi/16 to 4 pi/16 (and their mirror) cross x = 4; shoelace.
        let vertex = { (k: Double) in (5 * cos(k * Double.pi / 16), 5 * sin(k * Double.pi / 16)) }
        let (ax, ay) = vertex(3), (bx, by) = vertex(4)
        let t = (ax - 4) / (ax - bx)
        let crossing = (4.0, ay + t * (by - ay))
        let cap: [(Double, Double)] = [(crossing.0, -crossing.1)] + (-3...3).map { vertex(Double($0)) } + [crossing]
        var twice = 0.0
        for (i, p) in cap.enumerated() {
            let q = cap[(i + 1) % cap.count]
            twice += p.0 * q.1 - q.0 * p.1
        }
        let annulusInside = (p5 - 4 * abs(twice) / 2) - p4
        return 4 * 2 * 389.9 - 4 * 4 + 4 * annulusInside
    }()

    static func plan(_ options: PlanOptions = PlanOptions(), _ district: District = before) throws -> PlanResult {
        try SuperblockPlan(options: options).plan(district, cells: CellAnalysis.inputs(from: district.cells))
    }

    /// The after layout as `superblock plan` writes it, loaded again with the cells (the grid is in
    /// its metric CRS, so squares are written as computed).
    static func after(_ plan: PlanResult, in directory: URL) throws -> District {
        let collection = try GeoJSONReader().read(contentsOf: gridFile)
        let url = directory.appendingPathComponent("after.geojson")
        var written = plan.apply(to: collection, file: gridFile.path)
        written.features += plan.squareFeatures { $0 }
        try GeoJSONWriter(coordinatePrecision: 4).write(written, to: url)
        return try DistrictLoader().load([url, cellsFile])
    }

    @Test func interiorStreetsGetTheirTagsAndTheirTrafficCut() throws {
        let plan = try Self.plan()
        // 9 cells x 12 residential segments; the basic (secondary) streets stay as they were.
        #expect(plan.streets.count == 108)
        #expect(plan.streets.allSatisfy { $0.role == .interior && $0.id.split(separator: "-")[1] != "3" })
        let street = try #require(plan.streets.first { $0.id == "ns-4-4" })
        #expect(street.cellIDs == ["cell-1-1"])
        // 10 m carriageway: 8 m shared (the whole new carriageway), a 1 m green strip each side.
        #expect(street.changes["superblock"] == "interior")
        #expect(street.changes["maxspeed"] == "10")
        #expect(street.changes["carriageway:width"] == "8")
        #expect(street.changes["green:width"] == "1")
        #expect(street.changes["shared:width"] == nil)
        // 3000 vehicles a day less 82 %: 540, still a JSON number as in the input.
        #expect(street.changes["traffic:aadt"] == .number(540))
        #expect(abs(street.dailyFlowBefore - 3000) < 1e-9 && abs(street.dailyFlowAfter - 540) < 1e-9)
        #expect(plan.warnings.isEmpty)
    }

    @Test func theAfterFileAnalysesToThePlannedStreetSpace() throws {
        let directory = try FixtureFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let after = try Self.after(Self.plan(), in: directory)
        #expect(after.features.count == Self.before.features.count)
        let street = try #require(after.streets.first { $0.id == "ns-4-4" })
        let section = CrossSectionInference().crossSection(of: street.attributes)
        #expect(section.carriageway == 8 && section.carriagewayCategory == .shared)
        #expect(section.left == [CrossSection.Band(.green, 1), CrossSection.Band(.pedestrian, 5)])
        #expect(section.totalWidth == 20)

        // Per cell (all nine alike; hand figures in SpaceAllocationTests and ComparisonTests's notes):
        // 44,388 m2 of street, of which 21,294 m2 sidewalk, unchanged; traffic 23,094 -> 7,898 m2.
        let cell = try #require(SpaceAllocator().allocate(after).cells.first { $0.id == "cell-1-1" })
        #expect(abs(cell.areas.total - 44_388) < 0.01)
        #expect(abs(cell.areas[.pedestrian] - 21_294) < 0.01)
        #expect(abs(cell.areas[.traffic] - 7_898) < 0.01)
        #expect(abs(cell.areas[.shared] + cell.areas[.green] - 15_196) < 0.01)
        #expect(abs(cell.areas[.green] - Self.greenInCell) < 0.01)
        #expect(cell.areas.pedestrianSharePercent! > 75)
    }

    /// `--squares`: the crossings where four interior streets of one cell meet, four per cell. Each
    /// junction is the 20 m x 20 m overlap of the streets' outlines; its carriageway is the cross of
    /// the two 10 m carriageways, 10 x 20 + 10 x 5 x 2 = 300 m2, the four 5 m x 5 m corners (100 m2)
    /// sidewalk. The square takes the 300 m2, the default green share 0.2 of it (60 m2) a planter at
    /// its centre; analysed again the junction holds 340 m2 pedestrian and 60 m2 green, nothing else,
    /// and the district's street area does not change.
    @Test func interiorCrossingsBecomeSquares() throws {
        let plan = try Self.plan(PlanOptions(squares: true))
        #expect(plan.squares.count == 36)
        #expect(plan.cellTotals.allSatisfy { $0.squares == 4 && abs($0.squareArea - 1_200) < 0.01 && abs($0.squareGreenArea - 240) < 0.01 })
        #expect(plan.squares.allSatisfy { abs($0.area - 300) < 0.01 && abs($0.greenArea - 60) < 0.01 })
        let square = try #require(plan.squares.first { Set($0.streetIDs) == ["ns-4-3", "ns-4-4", "ew-4-3", "ew-4-4"] })
        #expect(square.cellID == "cell-1-1")
        #expect(abs(square.x - 430_533.2) < 1e-6 && abs(square.y - 4_581_533.2) < 1e-6)
        // Crossings with a basic street stay junctions of the streets.
        #expect(!plan.squares.contains { $0.streetIDs.contains("ns-3-4") })

        let directory = try FixtureFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let after = try Self.after(plan, in: directory)
        #expect(after.streets.count == Self.before.streets.count + 72)
        let allocation = try SpaceAllocator().allocate(after)
        let junction = try #require(allocation.junctions.first { abs($0.x - square.x) < 0.01 && abs($0.y - square.y) < 0.01 })
        #expect(abs(junction.areas[.pedestrian] - 340) < 0.01)
        #expect(abs(junction.areas[.green] - 60) < 0.01)
        #expect(junction.areas[.shared] + junction.areas[.traffic] < 0.01)
        // The squares' own rows hold nothing: their area is their junction's.
        #expect(allocation.streets.filter { $0.id.hasPrefix("square-") }.allSatisfy { $0.areas.total < 0.01 })
        let beforeTotal = try SpaceAllocator().allocate(Self.before).district.total
        #expect(abs(allocation.district.total - beforeTotal) < 0.01)
    }

    /// `--reroute` on the grid driven both ways: the model's demand (residents of the 79
    /// buildings; the grid's frame leaves no boundary crossing) assigned before and after the
    /// interiors become access only.
    @Test func rerouteReassignsTheDemandOnTheAfterNetwork() throws {
        let plan = try Self.plan(PlanOptions(reroute: true, respectsOneway: false))
        let travel = try #require(plan.travel)
        #expect(travel.district.unreachablePairs == 0)
        #expect(travel.district.after.meanDistance > travel.district.before.meanDistance)
        #expect(travel.district.reroutedPercent > 0)
        // Every street of the road graph gets its after flow.
        #expect(plan.streets.count == 180)
        #expect(plan.streets.allSatisfy { $0.changes["traffic:modelled"] != nil })
        let before = try #require(plan.modelBefore), after = try #require(plan.modelAfter)
        for street in plan.streets where street.role == .interior {
            // The cut is the model's. Only trips from and to the cell's own streets stay, now at
            // 10 km/h on the shortest way to a gate: a street by a gate may carry more than
            // before, the cell's interior as a whole carries less (below).
            // The street's own count (3,000 a day) moved by the model's change: in proportion when
            // it falls, added when it rises.
            let old = try #require(before.dailyFlow[street.index]), new = try #require(after.dailyFlow[street.index])
            #expect(street.changes["traffic:aadt"] == SuperblockPlanTests.round2(new <= old ? 3000 * new / old : 3000 + new - old))
        }
        // Through traffic gone: the centre cell's middle segments (the park's sides) keep only the
        // floor of 5 % of the residential default.
        for id in ["ns-4-4", "ew-4-4"] { #expect(plan.streets.first { $0.id == id }?.dailyFlowAfter == 75) }
        for cell in plan.cellTotals {
            #expect(cell.displacedVehicleKilometres > 0)
            #expect(cell.addedDailyFlow > 0)
        }
        // Conservation of the assigned vehicle-km: what the interiors lose, the other streets
        // carry, plus the detours (never less).
        let graph = before.graph
        let interior = Set(plan.streets.filter { $0.role == .interior }.map(\.index))
        var lost = 0.0, gained = 0.0
        for index in Self.before.streets.indices where graph.includesStreet[index] {
            let change = (after.assignedFlow[index] - before.assignedFlow[index]) * graph.streetLength[index]
            if interior.contains(index) { lost -= change } else { gained += change }
        }
        #expect(lost > 0)
        #expect(gained >= lost - 1e-6)
    }

    /// The grid as drawn: every street one-way north or east. Through a cell's interior a car
    /// could go east then north; round it, it would have to come back south or west, which no
    /// street allows: the plan cuts pairs off, and the error names interior streets.
    @Test func aPlanThatDisconnectsTheOneWayGridIsRefusedNamingTheStreets() throws {
        let plan = try Self.plan(PlanOptions(reroute: true))
        let travel = try #require(plan.travel)
        #expect(travel.district.unreachablePairs > 0)
        #expect(!travel.disconnectingStreets.isEmpty)
        let interior = Set(plan.streets.filter { $0.role == .interior }.map(\.id))
        #expect(travel.disconnectingStreets.allSatisfy { interior.contains($0) })
        #expect(throws: TravelImpact.Disconnected.self) { try travel.checkConnected() }
    }

    static func round2(_ value: Double) -> PropertyValue { .number((value * 100).rounded() / 100) }

    @Test func aKeptMotorLaneIsWrittenAsSharedWidth() throws {
        // Half the 10 m carriageway shared, 20 % green: 5 m shared, 1 m green each side, a 3 m lane.
        let plan = try Self.plan(PlanOptions(sharedShare: 0.5, greenShare: 0.2))
        let street = try #require(plan.streets.first { $0.id == "ew-5-4" })
        #expect(street.changes["carriageway:width"] == "8" && street.changes["shared:width"] == "5" && street.changes["green:width"] == "1")
        var attributes = Self.before.streets.first { $0.id == "ew-5-4" }!.attributes
        for (key, value) in street.changes { attributes.values[key] = value }
        let section = CrossSectionInference().crossSection(of: attributes)
        #expect(section.carriageway == 3 && section.carriagewayCategory == .traffic)
        #expect(section.widthByCategory == [.traffic: 3, .shared: 5, .green: 2, .pedestrian: 10])
    }

    @Test func aSecondRunLeavesPlannedStreetsAlone() throws {
        let directory = try FixtureFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let after = try Self.after(Self.plan(), in: directory)
        let again = try Self.plan(PlanOptions(), after)
        #expect(again.streets.isEmpty)
        #expect(again.warnings.count == 108)
    }

    /// One interior street in a 300 m cell, with the given tags.
    static func single(_ tags: [String: String]) throws -> (PlannedStreet, CrossSection, CrossSection) {
        let cell = DistrictFeature(id: "c", layer: .superblock, geometry: .polygon([[0, 0, 300, 0, 300, 300, 0, 300, 0, 0]]),
                                   attributes: Attributes([:]), origin: FeatureOrigin(file: "t", index: 0, id: "c"))
        let street = DistrictFeature(id: "s", layer: .street, geometry: .lineString([150, 0, 150, 300]),
                                     attributes: Attributes(tags.mapValues { .string($0) }), origin: FeatureOrigin(file: "t", index: 1, id: "s"))
        let district = District(crs: "EPSG:25831", features: [cell, street])
        let planned = try #require(try plan(PlanOptions(), district).streets.first)
        var after = street.attributes
        for (key, value) in planned.changes { after.values[key] = value }
        let inference = CrossSectionInference()
        return (planned, inference.crossSection(of: street.attributes), inference.crossSection(of: after))
    }

    @Test func anOSMWidthThatMeantTheCarriagewayGetsExplicitSidewalks() throws {
        // OSM style: width=11 is the carriageway; sidewalks default to 3 m on a residential street.
        let (planned, before, after) = try Self.single(["highway": "residential", "width": "11", "sidewalk": "both"])
        #expect(before.carriageway == 11 && before.totalWidth == 17)
        // 11 m: 8.8 m shared, 1.1 m green each side; written out in full, width = 17 m.
        #expect(planned.changes["carriageway:width"] == "8.8" && planned.changes["green:width"] == "1.1")
        #expect(planned.changes["sidewalk:left:width"] == "3" && planned.changes["width"] == "17", "\(planned.changes)")
        #expect(after.carriageway == 8.8 && after.carriagewayCategory == .shared)
        #expect(after.left == [CrossSection.Band(.green, 1.1), CrossSection.Band(.pedestrian, 3)])
        #expect(after.totalWidth == 17)
    }

    @Test func parkingLanesStayAndOnlyTheMovingCarriagewayChanges() throws {
        let (planned, before, after) = try Self.single(["highway": "residential", "carriageway:width": "14", "parking:both": "parallel",
                                                        "sidewalk:both:width": "4", "traffic:day:light": "300"])
        #expect(before.carriageway == 10)
        // 8 m shared + 2 x 2 m parking between the kerbs; a 1 m green strip each side.
        #expect(planned.changes["carriageway:width"] == "12" && planned.changes["green:width"] == "1")
        #expect(after.widthByCategory == [.shared: 8, .parking: 4, .green: 2, .pedestrian: 8])
        // Hourly counts are cut like a daily flow, kept as text when given as text.
        #expect(planned.changes["traffic:day:light"] == "54")
    }

    @Test func aStreetWithoutTrafficFiguresGetsTheCutClassDefault() throws {
        let (planned, _, _) = try Self.single(["highway": "residential", "carriageway:width": "6", "sidewalk": "no"])
        // Residential default 1,500 vehicles a day (TrafficDefaults) x 0.18.
        #expect(planned.changes["traffic:aadt"] == .number(270))
    }
}
