import Foundation
import GeoJSON
import Testing
@testable import DistrictModel

/// Validation at the edge (README "Bad input and limits"): bad numbers are dropped where the file
/// is read, with a problem naming the feature; runaway extents, duplicates and impossible
/// coordinates are caught before any analysis.
@Suite struct EdgeValidationTests {
    static func street(_ y: Double, _ properties: [String: PropertyValue]) -> Feature {
        var properties = properties
        properties["highway"] = properties["highway"] ?? .string("secondary")
        return Feature(id: nil, properties: properties, geometry: .lineString([430_000, y, 430_100, y]))
    }

    static func load(_ features: [Feature], crs: String? = "EPSG:25831") throws(DistrictLoadError) -> District {
        try DistrictLoader().load([NamedCollection(name: "edge.geojson", collection: FeatureCollection(features: features, crs: crs))])
    }

    @Test(arguments: [PropertyValue.string("0"), .string("nan"), .number(-30), .string("inf"), .string("1e9"), .number(.infinity)])
    func impossibleSpeedsAreDroppedWithAProblem(_ speed: PropertyValue) throws {
        let district = try Self.load([Self.street(4_581_000, ["id": .string("s"), "maxspeed": speed])])
        #expect(district.streets.count == 1)
        #expect(district.streets[0].attributes["maxspeed"] == nil)
        let problem = try #require(district.problems.first)
        #expect(problem.origin.index == 0 && problem.origin.id == "s" && problem.action == .kept)
        #expect(problem.message.hasPrefix("maxspeed=\(speed.stringValue ?? "")"))
        #expect(problem.message.contains("ignored: the default speed of its class is used"))
    }

    @Test func plausibleValuesStay() throws {
        let district = try Self.load([Self.street(4_581_000, ["maxspeed": .string("30 mph"), "traffic:aadt": .number(12_000),
                                                              "traffic:day:light": .string("800"), "TV_D": .number(900)]),
                                      Self.street(4_581_100, ["maxspeed": .string("none")])])
        #expect(district.problems.isEmpty)
        #expect(district.streets[0].attributes.string("maxspeed") == "30 mph")
        #expect(district.streets[1].attributes.string("maxspeed") == "none")  // not a number: the reader's business
    }

    @Test func everyKindOfAttributeIsChecked() {
        let origin = FeatureOrigin(file: "f", index: 3, id: "x")
        let cases: [(Layer, String, PropertyValue)] = [
            (.street, "traffic:aadt", .number(1e12)), (.street, "traffic:evening:heavy", .number(20_001)),
            (.street, "speed:night:light", .string("-5")), (.street, "HV_SPD_N", .number(0)), (.street, "traffic:heavy_share", .number(1.5)),
            (.building, "population", .number(1e19)), (.building, "building:levels", .number(301)), (.building, "height", .string("1001 m")),
            (.building, "dwellings", .string("nan")), (.census, "population", .number(-1)), (.tree, "diameter_crown", .string("51")),
        ]
        for (layer, key, value) in cases {
            let (cleaned, problems) = AttributeLimits.check(Attributes([key: value, "keep": .string("1e9")]), layer: layer, origin: origin)
            #expect(cleaned[key] == nil, "\(key)")
            #expect(cleaned["keep"] != nil)
            #expect(problems.count == 1 && problems[0].message.hasPrefix("\(key)="), "\(key)")
        }
    }

    @Test func exactDuplicateGeometriesAreSkipped() throws {
        let copies = (0..<1000).map { Self.street(4_581_000, ["id": .string("s\($0)")]) }
        let district = try Self.load(copies + [Self.street(4_581_050, [:])])
        #expect(district.streets.count == 2)
        #expect(district.problems.count == 999)
        #expect(district.problems[0].message == "the same street geometry as edge.geojson: feature 0 (id s0)")
        #expect(district.problems.allSatisfy { $0.action == .skipped })
    }

    @Test func aFarOutlierIsAnErrorNamingIt() {
        var features = (0..<5).map { Self.street(4_581_000 + Double($0) * 50, [:]) }
        features.insert(Feature(id: "far", properties: ["highway": .string("primary")], geometry: .lineString([1e12, 4_581_000, 1e12 + 10, 4_581_000])), at: 2)
        #expect {
            _ = try Self.load(features)
        } throws: { error in
            let text = "\(error)"
            return text.contains("more than the 100 km x 100 km") && text.contains("far from the rest: edge.geojson: feature 2 (id far)")
                && !text.contains("feature 0")
        }
    }

    @Test func degreesDeclaredAsMetresAreAnError() {
        let lonLat = Feature(id: "a", properties: ["highway": .string("primary")], geometry: .lineString([2.16, 41.39, 2.163, 41.3915]))
        #expect {
            _ = try Self.load([lonLat])
        } throws: { error in "\(error)".contains("look like longitude and latitude, but the file is read as EPSG:25831") }
    }

    @Test func metresReadAsDegreesAreAnErrorNotATrap() {
        let metres = Feature(id: "m", properties: ["highway": .string("primary")], geometry: .lineString([430_000, 4_581_000, 430_100, 4_581_000]))
        #expect {
            _ = try DistrictLoader(options: LoadOptions(inputCRS: "EPSG:4326")).load([NamedCollection(name: "m.geojson", collection: FeatureCollection(features: [metres]))])
        } throws: { error in "\(error)".contains("feature 0 (id m): coordinates such as (430000.0, 4581000.0) are not longitude and latitude") }
    }

    @Test func webMercatorIsReplacedByUTMWithAWarning() throws {
        let mercator = Feature(id: "w", properties: ["building": .string("yes")],
                               geometry: .polygon([[240556, 5069738, 240578, 5069738, 240578, 5069768, 240556, 5069768, 240556, 5069738]]))
        let district = try Self.load([mercator], crs: "EPSG:3857")
        #expect(district.crs == "EPSG:25831")
        #expect(district.warnings.count == 1 && district.warnings[0].contains("EPSG:3857 distorts areas by 7"))
        // 22 x 30 Mercator metres at 41.4 N are about 16.5 x 22.5 m on the ground.
        let bounds = try #require(district.buildings.first?.geometry.envelope)
        #expect(abs((bounds.maxX - bounds.minX) - 22 * cos(41.39 * .pi / 180)) < 0.5)  // kept as Mercator: 5.5 m off
        // UTM itself is kept.
        #expect(try Self.load([Self.street(4_581_000, [:])]).warnings.isEmpty)
    }

    @Test func aGeometryWithMillionsOfVerticesIsSkipped() throws {
        var xy: [Double] = []
        xy.reserveCapacity(2 * (ExtentLimit.maximumVertices + 1))
        for i in 0...ExtentLimit.maximumVertices { xy += [430_000 + Double(i) * 0.01, 4_581_000 + Double(i % 2)] }
        let district = try Self.load([Feature(id: "huge", properties: ["highway": .string("residential")], geometry: .lineString(xy)),
                                      Self.street(4_581_500, [:])])
        #expect(district.streets.count == 1)
        #expect(district.problems.map(\.message) == ["1000001 vertices, more than the 1000000 one feature may have"])
    }

    @Test func emptyPolygonsAndDuplicateKeysAreReported() throws {
        var feature = Feature(id: "e", properties: ["building": .string("yes")], geometry: .polygon([]))
        feature.duplicatePropertyKeys = ["building"]
        let district = try Self.load([feature, Self.street(4_581_000, [:])])
        #expect(district.buildings.isEmpty)
        #expect(district.problems.map(\.message) == ["property building is given more than once; the last value is used", "empty Polygon"])
    }
}
