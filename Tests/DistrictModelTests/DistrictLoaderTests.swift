import Foundation
import TestSupport
import GeoJSON
import Testing
@testable import DistrictModel

@Suite struct DistrictLoaderTests {
    @Test func syntheticGridLoadsWithItsLayers() throws {
        let district = try DistrictLoader().load([FixtureFiles.sample("synthetic/grid.geojson"), FixtureFiles.sample("synthetic/cells.geojson")])
        #expect(district.crs == "EPSG:25831")
        let counts = district.layerCounts
        #expect(counts[.street] == 180)
        #expect(counts[.building] == 79)
        #expect(counts[.green] == 1)
        #expect(counts[.vacant] == 1)
        #expect(counts[.superblock] == 9)
        #expect(district.problems.isEmpty)
        // Projected input stays as it is: the park is a 113.3 m square at block (4, 4).
        let park = try #require(district.greens.first)
        #expect(park.id == "park-centre")
        #expect(park.geometry.bounds?.minX == 430_000 + 4 * 133.3 + 10)
        // Extent: the outer street centrelines span 9 x 133.3 m.
        let extent = try #require(district.extent)
        #expect(abs(extent.width - 9 * 133.3) < 1e-6)
    }

    @Test func wgs84InputIsProjectedToItsUTMZone() throws {
        let district = try DistrictLoader().load([FixtureFiles.fixture("lorient/roads.geojson")])
        #expect(district.crs == "EPSG:25830")  // Lorient, 3.37 W: ETRS89 / UTM 30N
        #expect(district.streets.count == 549)
        #expect(district.problems.isEmpty)
        let extent = try #require(district.geographicExtent)
        #expect(extent.minX > -3.40 && extent.maxX < -3.33 && extent.minY > 47.72 && extent.maxY < 47.77)
    }

    @Test func projectedInputCanBeReprojected() throws {
        // The Lorient buildings are in Lambert-93 (EPSG:2154, legacy crs member).
        let lambert = try DistrictLoader().load([FixtureFiles.fixture("lorient/buildings.geojson")])
        #expect(lambert.crs == "EPSG:2154")
        #expect(lambert.buildings.count == 1701)
        let utm = try DistrictLoader(options: LoadOptions(metricCRS: "EPSG:25830")).load([FixtureFiles.fixture("lorient/buildings.geojson")])
        #expect(utm.crs == "EPSG:25830")
        // Both are conformal projections with scale errors well under 0.1 %: areas agree closely.
        let area = { (district: District) -> Double in
            let context = GeometryContextBox()
            return district.buildings.reduce(0.0) { $0 + ((try? context.area(of: $1.geometry)) ?? 0) }
        }
        let ratio = area(utm) / area(lambert)
        #expect(abs(ratio - 1) < 0.002)
    }

    @Test func aGeographicMetricCRSIsRefused() {
        #expect {
            try DistrictLoader(options: LoadOptions(metricCRS: "EPSG:4326")).load([FixtureFiles.fixture("lorient/roads.geojson")])
        } throws: { error in
            "\(error)" == "--metric-crs: EPSG:4326 is geographic (degrees); give a projected CRS in metres, e.g. EPSG:25831"
        }
    }

    @Test func invalidPolygonsAreRepairedOrSkippedAsAsked() throws {
        let bowtie = GeoJSONGeometry.polygon([[0, 0, 10, 10, 10, 0, 0, 10, 0, 0]])
        let square = GeoJSONGeometry.polygon([[20, 0, 30, 0, 30, 10, 20, 10, 20, 0]])
        let collection = FeatureCollection(features: [
            Feature(id: "b1", properties: ["building": .string("yes")], geometry: bowtie),
            Feature(id: "b2", properties: ["building": .string("yes")], geometry: square),
        ], crs: "EPSG:25831")
        let input = [NamedCollection(name: "bad.geojson", collection: collection)]

        let repaired = try DistrictLoader(options: LoadOptions(invalidGeometry: .repair)).load(input)
        #expect(repaired.buildings.map(\.id) == ["b1", "b2"])
        let problem = try #require(repaired.problems.first)
        #expect(problem.action == .repaired)
        #expect(problem.description == "bad.geojson: feature 0 (id b1): invalid Polygon: Self-intersection at (5.0, 5.0) (repaired)")
        #expect(abs((try GeometryContextBox().area(of: repaired.buildings[0].geometry)) - 50) < 1e-9)

        let skipped = try DistrictLoader(options: LoadOptions(invalidGeometry: .skip)).load(input)
        #expect(skipped.buildings.map(\.id) == ["b2"])
        #expect(skipped.problems.map(\.action) == [.skipped])
    }

    @Test func wrongGeometryForALayerIsSkippedAndNamed() throws {
        let collection = FeatureCollection(features: [
            Feature(id: nil, properties: ["natural": .string("tree")], geometry: .point(x: 2.16, y: 41.39)),
            Feature(id: nil, properties: ["leisure": .string("park"), "osm_id": .number(42)], geometry: .lineString([2.16, 41.39, 2.17, 41.39])),
            Feature(id: nil, properties: ["amenity": .string("bench")], geometry: .point(x: 2.16, y: 41.39)),
            Feature(id: "x", properties: ["highway": .string("residential")], geometry: nil),
        ])
        let district = try DistrictLoader().load([NamedCollection(name: "mixed.geojson", collection: collection)])
        #expect(district.trees.count == 1)
        #expect(district.trees[0].id == "mixed.geojson#0")
        #expect(district.unclassifiedCount == 2)  // the bench, and the park drawn as a line (not an area)
        #expect(district.problems.map(\.description) == ["mixed.geojson: feature 3 (id x): has no geometry (skipped)"])
        #expect(district.crs == "EPSG:25831")
    }

    @Test func duplicateStreetIDsAreReported() throws {
        let line = GeoJSONGeometry.lineString([430_000, 4_581_000, 430_100, 4_581_000])
        let collection = FeatureCollection(features: [
            Feature(id: nil, properties: ["highway": .string("residential"), "id": .string("s1")], geometry: line),
            // Not the same geometry: an exact copy would be skipped as a duplicate (tested below).
            Feature(id: nil, properties: ["highway": .string("residential"), "id": .string("s1")],
                    geometry: .lineString([430_000, 4_581_010, 430_100, 4_581_010])),
        ], crs: "EPSG:25831")
        let district = try DistrictLoader().load([NamedCollection(name: "dup.geojson", collection: collection)])
        #expect(district.streets.count == 2)
        #expect(district.problems.map(\.message) == ["id s1 is also used by dup.geojson: feature 0 (id s1)"])
    }

    @Test func unreadableFilesNameTheFile() throws {
        let directory = try FixtureFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bad = directory.appendingPathComponent("broken.geojson")
        try Data("{\"type\": \"FeatureCollection\", \"features\": [".utf8).write(to: bad)
        #expect {
            try DistrictLoader().load([bad])
        } throws: { error in
            guard let error = error as? DistrictLoadError else { return false }
            return error.file == bad.path && error.description.hasPrefix(bad.path + ": ")
        }
        let outOfRange = directory.appendingPathComponent("range.geojson")
        try Data(#"{"type":"FeatureCollection","features":[{"type":"Feature","id":"w1","properties":{"highway":"primary"},"geometry":{"type":"LineString","coordinates":[[2.1,41.3],[2.2,95]]}}]}"#.utf8).write(to: outOfRange)
        #expect {
            try DistrictLoader().load([outOfRange])
        } throws: { error in
            "\(error)".hasPrefix(outOfRange.path + ": feature 0 (id w1): LineString position 1 (2.2, 95.0) is outside longitude")
        }
        let unknownCRS = FeatureCollection(features: [Feature(properties: ["building": .string("yes")], geometry: .polygon([[0, 0, 1, 0, 1, 1, 0, 0]]))], crs: "EPSG:999999")
        #expect(throws: DistrictLoadError.self) {
            try DistrictLoader().load([NamedCollection(name: "crs.geojson", collection: unknownCRS)])
        }
    }

    @Test func tenThousandFeaturesLoadWithTheGeneratorsCounts() throws {
        let generated = SyntheticCollection(featureCount: 10_000)
        let directory = try FixtureFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("generated.geojson")
        try GeoJSONWriter().write(generated.collection, to: file)
        let district = try DistrictLoader().load([file])
        #expect(district.layerCounts == generated.expectedCounts)
        #expect(district.unclassifiedCount == generated.expectedUnclassified)
        #expect(district.problems.isEmpty)
        #expect(district.crs == "EPSG:25831")
    }
}

/// GEOS and PROJ together in parallel tasks, each with its own contexts (run by `make sanitize`).
@Suite struct ParallelLoadingTests {
    @Test func loadingInParallelTasksGivesIdenticalDistricts() async throws {
        let files = [FixtureFiles.fixture("lorient/roads.geojson"), FixtureFiles.fixture("lorient/buildings.geojson")]
        let options = LoadOptions(metricCRS: "EPSG:25830")
        let reference = try DistrictLoader(options: options).load(files)
        let districts = try await withThrowingTaskGroup(of: District.self) { group in
            for _ in 0..<6 { group.addTask { try DistrictLoader(options: options).load(files) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(districts.count == 6)
        for district in districts {
            #expect(district.features == reference.features)
            #expect(district.problems == reference.problems)
        }
        #expect(reference.streets.count == 549 && reference.buildings.count == 1701)
    }
}
