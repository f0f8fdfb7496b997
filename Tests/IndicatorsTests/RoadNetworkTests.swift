import DistrictModel
import Foundation
import GeoJSON
import Indicators
import Testing
import TestSupport

/// The road graph, fastest paths, travel impact and assignment on the synthetic grid
/// (Samples/synthetic/README.md: pitch P = 133.3 m, 10 x 10 street lines) and on hand-made
/// streets, with every expected figure derived by hand.
@Suite struct RoadNetworkTests {
    static let p = 133.3
    static let x0 = 430_000.0, y0 = 4_581_000.0

    /// The synthetic grid with every street at 30 km/h, so that the fastest path is the shortest
    /// (the file's 50 km/h basic streets make going round a 3 x 3 cell exactly as fast as crossing
    /// it at 30: 5P / 50 = 3P / 30). Driven both ways: the file's streets are all one-way north and east.
    static let grid: District = {
        var district = try! DistrictLoader().load([FixtureFiles.sample("synthetic/grid.geojson"), FixtureFiles.sample("synthetic/cells.geojson")])
        district.features = district.features.map { feature in
            var copy = feature
            if copy.layer == .street { copy.attributes.values["maxspeed"] = "30" }
            return copy
        }
        return district
    }()
    static let twoWay = RoadGraph.Options(respectsOneway: false)

    /// The centre cell's 12 interior segments (lines 4 and 5, segments 3 to 5).
    static let centreInterior: Set<String> = Set(["ns", "ew"].flatMap { d in [4, 5].flatMap { line in (3...5).map { "\(d)-\(line)-\($0)" } } })

    static func closedCentre(_ streets: [DistrictFeature]) -> [Int: RoadAccess] {
        Dictionary(uniqueKeysWithValues: streets.indices.filter { centreInterior.contains(streets[$0].id) }.map { ($0, RoadAccess.accessOnly) })
    }

    static func node(_ graph: RoadGraph, _ i: Double, _ j: Double) throws -> Int {
        try #require(graph.node(atX: x0 + i * p, y: y0 + j * p))
    }

    @Test func closingTheCentreCellLengthensTheTripsThatCrossedItByTheDetour() throws {
        let streets = Self.grid.streets
        let before = RoadGraph(streets: streets, options: Self.twoWay).indexed()
        let after = RoadGraph(streets: streets, options: Self.twoWay, access: Self.closedCentre(streets)).indexed()
        #expect(before.nodeCount == 100)
        #expect(before.edgeCount == 360)  // 180 segments, both ways
        var paths = (before: ShortestPaths(graph: before), after: ShortestPaths(graph: after))
        // Gate to gate across the cell on the interior line y = 4P: 3P straight through; after,
        // one block to the corner, 3P along the basic street, one block back: 5P.
        for (from, to) in [((3.0, 4.0), (6.0, 4.0)), ((4.0, 3.0), (4.0, 6.0)), ((6.0, 5.0), (3.0, 5.0))] {
            paths.before.search(from: try Self.node(before, from.0, from.1))
            paths.after.search(from: try Self.node(after, from.0, from.1))
            let target = try Self.node(before, to.0, to.1)
            #expect(abs(paths.before.distance(to: target) - 3 * Self.p) < 1e-6)
            #expect(abs(paths.after.distance(to: target) - 5 * Self.p) < 1e-6)
            #expect(abs(paths.after.time(to: target) - 5 * Self.p / (30 / 3.6)) < 1e-6)
        }
        // A resident inside still drives out (access) and in: Manhattan distance both ways.
        paths.before.search(from: try Self.node(before, 4, 4))
        paths.after.search(from: try Self.node(after, 4, 4))
        let corner = try Self.node(before, 0, 0)
        #expect(abs(paths.after.distance(to: corner) - 8 * Self.p) < 1e-6)
        #expect(abs(paths.before.distance(to: corner) - 8 * Self.p) < 1e-6)
        paths.after.search(from: corner)
        #expect(abs(paths.after.distance(to: try Self.node(after, 4, 4)) - 8 * Self.p) < 1e-6)

        // All pairs: none cut off, trips longer on average, some rerouted, the same on one thread's order.
        let cells = [(id: "cell-1-1", nodes: before.nodes(ofStreets: Set(streets.indices.filter { Self.centreInterior.contains(streets[$0].id) })))]
        let impact = TravelImpactAnalysis().measure(before: before, after: after, cells: cells)
        #expect(impact.district.unreachablePairs == 0)
        #expect(impact.district.before.pairs == 100 * 99)
        #expect(!impact.sampled && impact.sources == 100)
        #expect(impact.district.after.meanDistance > impact.district.before.meanDistance)
        #expect(impact.district.reroutedPercent > 0)
        #expect(impact.district.after.directness < impact.district.before.directness)
        #expect(impact.district.after.globalEfficiency < impact.district.before.globalEfficiency)
        // The cell's nodes: its 4 interior crossings and the 8 gates where interior streets meet
        // the basic ones. Origins there lose more than the district's average.
        #expect(cells[0].nodes.count == 12)
        let cell = try #require(impact.cells.first)
        #expect(cell.after.meanDistance - cell.before.meanDistance > impact.district.after.meanDistance - impact.district.before.meanDistance)
        // A seeded sample of 30 origins states its size and margin and repeats exactly.
        let sample = TravelImpactAnalysis(maximumSources: 30, seed: 7)
        let first = sample.measure(before: before, after: after), second = sample.measure(before: before, after: after)
        #expect(first.sampled && first.sources == 30 && first.distanceChangeMargin > 0)
        #expect(first.district.after.meanDistance == second.district.after.meanDistance)
    }

    /// An L of two 100 m streets: pairs along one leg are direct (1); the two corner-to-corner
    /// pairs run 200 m for 100 sqrt 2 m. Directness (4 x 1 + 2 x 0.70711) / 6 = 0.90237; global
    /// efficiency (4 / 100 + 2 / 200) / (4 / 100 + 2 / 141.421) = 0.92349.
    @Test func directnessAndEfficiencyFollowSuperblockify() {
        let streets = [Self.street("a", [0, 0, 100, 0]), Self.street("b", [100, 0, 100, 100])]
        let graph = RoadGraph(streets: streets)
        let impact = TravelImpactAnalysis().measure(before: graph, after: graph)
        #expect(impact.district.before.pairs == 6)
        #expect(abs(impact.district.before.directness - (4 + 2 * 100 * 2.0.squareRoot() / 200) / 6) < 1e-9)
        #expect(abs(impact.district.before.globalEfficiency - (4.0 / 100 + 2.0 / 200) / (4.0 / 100 + 2 / (100 * 2.0.squareRoot()))) < 1e-9)
        #expect(abs(impact.district.before.meanDistance - (4 * 100.0 + 2 * 200) / 6) < 1e-9)
        #expect(impact.district.reroutedPercent == 0)
    }

    @Test func onewayAndAccessTagsShapeTheGraph() {
        let streets = [
            Self.street("one", [0, 0, 100, 0], ["oneway": "yes"]),
            Self.street("back", [100, 0, 200, 0], ["oneway": "-1"]),
            Self.street("private", [200, 0, 300, 0], ["access": "private"]),
            Self.street("footway", [300, 0, 400, 0], ["highway": "footway"]),
            Self.street("slow", [0, 0, 0, 100], ["maxspeed": "36"]),
        ]
        let graph = RoadGraph(streets: streets).indexed()
        #expect(graph.nodeCount == 5)
        #expect(graph.edgeCount == 1 + 1 + 2 + 2)
        let a = graph.node(atX: 0, y: 0)!, b = graph.node(atX: 100, y: 0)!, c = graph.node(atX: 200, y: 0)!
        var paths = ShortestPaths(graph: graph)
        paths.search(from: a)
        #expect(paths.distance(to: b) == 100)
        #expect(paths.distance(to: c) == .infinity)  // "back" runs from 200 to 100 only
        paths.search(from: c)
        #expect(paths.distance(to: b) == 100)
        #expect(paths.distance(to: a) == .infinity)  // "one" runs from 0 to 100 only
        paths.search(from: graph.node(atX: 0, y: 100)!)
        #expect(abs(paths.time(to: a) - 10) < 1e-9)  // 100 m at 36 km/h
        #expect(!graph.includesStreet[3])
    }

    /// Two squares joined by one street: closing it to through traffic cuts every trip between
    /// them, and the error names it.
    @Test func aPlanThatDisconnectsTheNetworkNamesTheStreet() {
        func square(_ x: Double, _ name: String) -> [DistrictFeature] {
            [Self.street("\(name)-s", [x, 0, x + 100, 0]), Self.street("\(name)-e", [x + 100, 0, x + 100, 100]),
             Self.street("\(name)-n", [x + 100, 100, x, 100]), Self.street("\(name)-w", [x, 100, x, 0])]
        }
        let streets = square(0, "left") + [Self.street("link", [100, 0, 300, 0])] + square(300, "right")
        let before = RoadGraph(streets: streets)
        let after = RoadGraph(streets: streets, access: [4: .accessOnly])
        let impact = TravelImpactAnalysis().measure(before: before, after: after)
        // 8 nodes, 4 on each side: 2 x 4 x 4 ordered pairs across.
        #expect(impact.district.unreachablePairs == 32)
        #expect(impact.disconnectingStreets == ["link"])
        do {
            try impact.checkConnected()
            Issue.record("a disconnected plan passed the check")
        } catch {
            #expect(error.description.contains("link"))
            #expect(error.description.contains("32"))
        }
    }

    /// One trip each way between the gates of the centre cell's line y = 4P: before, 1,000
    /// vehicles each way on its three interior segments; after, none there and all 2,000 on the
    /// cell's perimeter, and the flow across any line between the gates is the same.
    @Test func cutInteriorFlowReappearsOnThePerimeter() throws {
        let streets = Self.grid.streets
        let west = (x: Self.x0 + 3 * Self.p, y: Self.y0 + 4 * Self.p), east = (x: Self.x0 + 6 * Self.p, y: Self.y0 + 4 * Self.p)
        let demand = TravelDemand(zones: [.init(x: west.x, y: west.y, trips: 1000, isBoundary: false),
                                          .init(x: east.x, y: east.y, trips: 1000, isBoundary: false)])
        let assignment = TrafficAssignment(demand: demand)
        let before = RoadGraph(streets: streets, options: Self.twoWay)
        let after = RoadGraph(streets: streets, options: Self.twoWay, access: Self.closedCentre(streets))
        let flowBefore = before.streetFlows(assignment.assign(on: before).edgeFlow)
        let flowAfter = after.streetFlows(assignment.assign(on: after).edgeFlow)
        func flow(_ flows: [Double], _ id: String) throws -> Double { flows[try #require(streets.firstIndex { $0.id == id })] }
        for segment in 3...5 {
            #expect(abs(try flow(flowBefore, "ew-4-\(segment)") - 2000) < 1e-9)
            #expect(try flow(flowAfter, "ew-4-\(segment)") == 0)
        }
        // Across x = 4.5P: the ten east-west segments ew-j-4.
        let across = { (flows: [Double]) in try (0...9).reduce(0.0) { $0 + (try flow(flows, "ew-\($1)-4")) } }
        #expect(abs(try across(flowBefore) - 2000) < 1e-9)
        #expect(abs(try across(flowAfter) - 2000) < 1e-9)
        #expect(abs(try flow(flowAfter, "ew-3-4") + (try flow(flowAfter, "ew-6-4")) - 2000) < 1e-9)
        // Vehicle-km grow by the detour: 2,000 x 2P.
        let vkm = { (flows: [Double], graph: RoadGraph) in flows.indices.reduce(0.0) { $0 + flows[$1] * graph.streetLength[$1] } }
        #expect(abs(vkm(flowAfter, after) - vkm(flowBefore, before) - 2000 * 2 * Self.p) < 1e-6)
    }

    /// Repairing the before paths gives what searching the after network again gives: on the grid
    /// driven both ways with the centre closed, with every cell closed and the interiors at 11 km/h,
    /// and on the grid's one-way streets, where closing the cells cuts pairs off. (At 10 km/h a
    /// block of interior takes as long as 3 blocks of this grid's 30 km/h streets: equally fast
    /// routes of different lengths, which the two ways may break differently.)
    @Test func repairingThePathsEqualsSearchingAgain() throws {
        let streets = Self.grid.streets
        let cells = try CellAnalysis().analyse(CellAnalysis.inputs(from: Self.grid.cells), in: Self.grid)
        let everyInterior = Set(cells.flatMap(\.interiorStreets))
        var slow = streets
        for index in everyInterior { slow[index].attributes.values["maxspeed"] = "11" }
        let cases: [(RoadGraph.Options, [DistrictFeature], [Int: RoadAccess])] = [
            (Self.twoWay, streets, Self.closedCentre(streets)),
            (Self.twoWay, slow, Dictionary(uniqueKeysWithValues: everyInterior.map { ($0, .accessOnly) })),
            (RoadGraph.Options(), slow, Dictionary(uniqueKeysWithValues: everyInterior.map { ($0, .accessOnly) })),
        ]
        for (number, (options, afterStreets, access)) in cases.enumerated() {
            let before = RoadGraph(streets: streets, options: options), after = RoadGraph(streets: afterStreets, options: options, access: access)
            let repaired = TravelImpactAnalysis(repairs: true).measure(before: before, after: after)
            let searched = TravelImpactAnalysis(repairs: false).measure(before: before, after: after)
            let a = repaired.district, b = searched.district
            #expect(a.unreachablePairs == b.unreachablePairs && a.before.pairs == b.before.pairs && a.after.pairs == b.after.pairs)
            for (name, x, y) in [("time", a.after.meanTime, b.after.meanTime), ("distance", a.after.meanDistance, b.after.meanDistance),
                                 ("directness", a.after.directness, b.after.directness),
                                 ("efficiency", a.after.globalEfficiency, b.after.globalEfficiency), ("rerouted", a.reroutedPercent, b.reroutedPercent)] {
                #expect(abs(x - y) <= 1e-9 * max(1, abs(y)), "case \(number) \(name): \(x) != \(y)")
            }
            #expect(repaired.disconnectingStreets == searched.disconnectingStreets)
        }
    }

    static func street(_ id: String, _ xy: [Double], _ tags: [String: String] = [:]) -> DistrictFeature {
        var values: [String: PropertyValue] = ["highway": "residential", "maxspeed": "30"]
        for (key, value) in tags { values[key] = .string(value) }
        return DistrictFeature(id: id, layer: .street, geometry: .lineString(xy), attributes: Attributes(values), origin: FeatureOrigin(file: "test", index: 0, id: id))
    }
}
