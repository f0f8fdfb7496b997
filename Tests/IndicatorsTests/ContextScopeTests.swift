import DistrictModel
import GeoJSON
import Indicators
import Reports
import Testing

/// The context margin: its features act on the reported ones (a street is heard, a park is
/// reached) but appear in no row and no total.
@Suite struct ContextScopeTests {
    static let context: [String: PropertyValue] = [ContextMargin.key: .string("yes")]

    static func square(_ x: Double, _ y: Double, _ size: Double) -> GeoJSONGeometry {
        .polygon([[x, y, x + size, y, x + size, y + size, x, y + size, x, y]])
    }

    /// Street A and building P are the district; street B (meeting A end to end), building Q and
    /// an 80 m x 80 m park lie in the margin.
    static func district(withContextStreet: Bool = true) throws -> District {
        let street: [String: PropertyValue] = ["highway": .string("primary"), "width": .string("20"), "lanes": .string("2")]
        var features = [
            Feature(id: "A", properties: street, geometry: .lineString([0, 0, 200, 0])),
            Feature(id: "P", properties: ["building": .string("yes"), "population": .number(50)], geometry: square(50, 20, 20)),
            Feature(id: "Q", properties: ["building": .string("yes"), "population": .number(80)].merging(context) { $1 }, geometry: square(250, 20, 20)),
            Feature(id: "park", properties: ["leisure": .string("park")].merging(context) { $1 }, geometry: square(100, 60, 80)),
        ]
        if withContextStreet {
            features.append(Feature(id: "B", properties: street.merging(context) { $1 }, geometry: .lineString([200, 0, 400, 0])))
        }
        return try DistrictLoader().load([NamedCollection(name: "ctx.geojson", collection: FeatureCollection(features: features, crs: "EPSG:25831"))])
    }

    static func report(_ district: District) async throws -> AnalysisReport {
        let space = try SpaceAllocator().allocate(district)
        let population = try PopulationEstimator().estimate(district)
        let noise = try await NoiseModel(options: .freeField).analyse(district, population: population)
        let green = try GreenAnalyzer().analyse(district, population: population)
        return AnalysisReport(district: district, space: space, population: population, noise: noise, green: green)
    }

    @Test func contextFeaturesAreNoRowAndNoTotal() async throws {
        let full = try await Self.report(try Self.district())
        let report = full.withoutContext()
        #expect(report.contextFeatureCount == 3)
        #expect(report.space.streets.map(\.id) == ["A"])
        #expect(report.streetsTable.rows.count == 1)
        #expect(BuildingsTable(district: report.district, population: report.population, noise: report.noise, green: report.green).csv.rows.map(\.[0]) == ["P"])
        let rows = report.districtRows
        #expect(rows.value(of: "residents") == 50)
        #expect(rows.value(of: "context_features") == 3)
        #expect(report.noise?.exposure.residents == 50)
        #expect(report.green?.summary.residents == 50)
        // The district's street space is street A's alone, smaller than A and B together.
        let a = try #require(report.space.streets.first).areas.total
        #expect(abs(report.space.district.total - a) < 1e-6)
        #expect(full.space.district.total > a + 1000)
        // The pieces behind the rows are A's, renumbered, and add up to the district.
        #expect(report.space.pieces.allSatisfy { $0.owner == .street(0) })
        if !full.space.pieces.isEmpty {
            #expect(abs(report.space.pieces.reduce(0) { $0 + $1.area } - a) < 1e-6 * a)
        }
    }

    /// A road's row also counts the separately mapped sidewalk beside it; the district's total
    /// without the margin still counts that sidewalk once (the pieces behind the rows add up to it).
    @Test func aSidewalkCountedInItsRoadsRowIsCountedOnceInTheTotal() throws {
        let road: [String: PropertyValue] = ["highway": .string("secondary"), "carriageway:width": .string("10")]
        let features = [
            Feature(id: "A", properties: road, geometry: .lineString([0, 0, 200, 0])),
            Feature(id: "S", properties: ["highway": .string("footway"), "footway": .string("sidewalk"), "width": .string("4")],
                    geometry: .lineString([0, 7, 200, 7])),
            Feature(id: "C", properties: road.merging(Self.context) { $1 }, geometry: .lineString([0, 500, 200, 500])),
        ]
        let district = try DistrictLoader().load([NamedCollection(name: "sw.geojson", collection: FeatureCollection(features: features, crs: "EPSG:25831"))])
        let space = ReportedScope(district).space(try SpaceAllocator().allocate(district))
        let a = try #require(space.streets.first { $0.id == "A" }), sidewalk = try #require(space.streets.first { $0.id == "S" })
        #expect(sidewalk.alongsideRoads == ["A"])
        #expect(abs(a.areas.total - a.ownAreas.total - sidewalk.ownAreas.total) < 1e-6)
        let pieces = space.pieces.reduce(0) { $0 + $1.area }
        #expect(abs(space.district.total - pieces) < 1e-6)
        #expect(abs(space.district.total - a.ownAreas.total - sidewalk.ownAreas.total) < 1e-6)
    }

    @Test func contextBuildingsGetNoReceiversButContextStreetsAreHeard() async throws {
        let full = try await Self.report(try Self.district())
        let levels = Dictionary(uniqueKeysWithValues: (full.noise?.buildings ?? []).map { ($0.id, $0.levels) })
        #expect(levels["Q"] == .some(nil))  // no facade receivers in the margin
        let withB = try #require(levels["P"] ?? nil)
        let withoutB = try #require(try await Self.report(try Self.district(withContextStreet: false)).noise?.buildings.first { $0.id == "P" }?.levels)
        // B, 130 m and more from P, adds energy: P is louder with it.
        #expect(withB.lden > withoutB.lden + 0.1)
    }

    @Test func theMarginsParkIsReached() async throws {
        let report = try await Self.report(try Self.district()).withoutContext()
        let p = try #require(report.green?.buildings.first)
        #expect(p.id == "P")
        #expect(p.green300m)  // the 0.64 ha park of the margin, 20 m away
        #expect(report.green?.summary.residentsGreen300m == 50)
    }
}
