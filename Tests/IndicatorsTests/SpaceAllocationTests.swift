import DistrictModel
import Foundation
import GeoJSON
import GeometryEngine
import Indicators
import Testing
import TestSupport

/// Street space on the synthetic Eixample grid (Samples/synthetic/README.md), against areas
/// computed by hand from the grid's geometry.
@Suite struct SpaceAllocationTests {
    /// 9 x 133.3 m between the outer centrelines.
    static let span = 9 * 133.3
    /// A quarter of GEOS's round cap: a regular 32-gon of radius r has area 16 r^2 sin(pi / 16).
    static func quarterCap(_ radius: Double) -> Double { 16 * radius * radius * sin(Double.pi / 16) / 4 }

    static let grid: (district: District, allocation: SpaceAllocation) = {
        let district = try! DistrictLoader().load([FixtureFiles.sample("synthetic/grid.geojson"), FixtureFiles.sample("synthetic/cells.geojson")])
        return (district, try! SpaceAllocator().allocate(district))
    }()

    @Test func gridCarriagewaysAndSidewalksMatchTheHandComputation() {
        let areas = Self.grid.allocation.district
        // 20 carriageway strips 10 m wide; crossings counted once: 64 inside (10 x 10), 32 on the
        // edge (10 x 5), 4 corners (5 x 5); round caps add a quarter disc of radius 5 at each corner.
        let crossings: Double = 64 * 100 + 32 * 50 + 4 * 25
        let strips: Double = 20 * 10 * Self.span
        let traffic: Double = strips - crossings + 4 * Self.quarterCap(5)
        // All street space: the square out to the outer building lines less the 81 blocks, with the
        // four outer corners rounded by the sidewalks' caps (radius 10).
        let blocks: Double = 81 * 113.3 * 113.3
        let outerSquare: Double = (Self.span + 20) * (Self.span + 20)
        let corners: Double = 4 * (100 - Self.quarterCap(10))
        let total: Double = outerSquare - blocks - corners
        #expect(abs(areas[.traffic] / traffic - 1) < 0.005)
        #expect(abs(areas.total / total - 1) < 0.005)
        #expect(abs(areas[.pedestrian] / (total - traffic) - 1) < 0.005)
        #expect(areas[.parking] == 0 && areas[.cycle] == 0 && areas[.shared] == 0)
    }

    @Test func categoriesAddUpToTheUnionOfAllStreetPolygons() throws {
        try Self.expectAreasAddUp(Self.grid.district, Self.grid.allocation)
    }

    @Test func eachCellHoldsOneNinthOfTheGrid() throws {
        let cells = Self.grid.allocation.cells
        #expect(cells.count == 9)
        // Inside one 399.9 m cell: half-strips along its 4 sides, 2 full strips each way inside.
        let strips: Double = 2 * (2 * 5 * 399.9 + 2 * 10 * 399.9)
        let overlaps: Double = 4 * 100 + 4 * 50 + 4 * 50 + 4 * 25
        let traffic: Double = strips - overlaps
        let streetSpace: Double = 399.9 * 399.9 - 9 * 113.3 * 113.3
        for cell in cells {
            #expect(abs(cell.areas[.traffic] - traffic) < 0.01)
            #expect(abs(cell.areas.total - streetSpace) < 0.01)
            #expect(cell.rating == .belowMinimum)  // 48 % for people
        }
    }

    @Test func streetsAndJunctionsSumToTheDistrict() {
        let allocation = Self.grid.allocation
        #expect(allocation.streets.count == 180)
        let sum = allocation.streets.reduce(SpaceAreas()) { $0 + $1.ownAreas } + allocation.junctions.reduce(SpaceAreas()) { $0 + $1.areas }
        for category in SpaceCategory.allCases {
            #expect(abs(sum[category] - allocation.district[category]) < 1e-6)
        }
        #expect(allocation.streets.allSatisfy { $0.defaulted.isEmpty })
        #expect(abs(allocation.lengthByCategory[.traffic]! - 20 * Self.span) < 1e-6)
        // The pieces behind the rows are the same square metres.
        let pieces = allocation.pieces.reduce(0) { $0 + $1.area }
        #expect(abs(pieces - allocation.district.total) < 1e-6)
    }

    /// Junctions by hand: 8 x 8 inner crossings of four 20 m streets are 20 x 20 m squares (the
    /// outlines' caps, discs of radius 10, lie inside them); the 32 T-junctions on the edge are the
    /// half square on the grid's side plus the half disc beyond the through street's centreline;
    /// the 4 corners, where one street turns into the next, are no junction.
    @Test func junctionsAreTheCrossingsSquares() {
        let junctions = Self.grid.allocation.junctions
        #expect(junctions.count == 64 + 32)
        let inner = junctions.filter { $0.streets.count == 4 }
        let edge = junctions.filter { $0.streets.count == 3 }
        #expect(inner.count == 64 && edge.count == 32)
        for junction in inner {
            #expect(abs(junction.areas.total - 400) < 1e-6)
            // Carriageway 10 x 10 in the middle, the rest sidewalk corners and crossings by priority:
            // where one street's carriageway meets the other's sidewalk, traffic wins.
            #expect(abs(junction.areas[.traffic] - (400 - 4 * 25)) < 1e-6)
        }
        let halfDisc = 2 * Self.quarterCap(10)
        for junction in edge { #expect(abs(junction.areas.total - (200 + halfDisc)) < 1e-6) }
    }

    /// A street between two crossings holds its cross-section over the block's length: 20 m x
    /// 113.3 m, half of it sidewalk, so its pedestrian share is its section's 50 %.
    @Test func aStreetBetweenCrossingsHasItsSectionsShare() throws {
        let allocation = Self.grid.allocation
        let inner = allocation.streets.filter { street in
            // ns-i-s with 0 < i < 9 and 0 < s < 8 ends at two inner crossings.
            let parts = street.id.split(separator: "-")
            guard let line = Int(parts[1]), let segment = Int(parts[2]) else { return false }
            return (1...8).contains(line) && (1...7).contains(segment)
        }
        #expect(inner.count == 2 * 8 * 7)
        for street in inner {
            #expect(abs(street.areas.total - 20 * 113.3) < 1e-6)
            #expect(abs(street.areas[.pedestrian] - 10 * 113.3) < 1e-6)
            #expect(abs(try #require(street.areas.pedestrianSharePercent) - 50) < 1e-9)
        }
    }

    /// The invariant of DESIGN.md section 4.1: category areas add up to the union of all street
    /// polygons (computed here independently: one GEOS union of every band) within 0.1 %.
    static func expectAreasAddUp(_ district: District, _ allocation: SpaceAllocation) throws {
        let context = GeometryContext()
        let polygons = try SpaceAllocator().bandPolygons(of: district, context: context).map(\.polygon)
        let union = try Geometry.union(of: polygons, in: context)
        #expect(abs(allocation.district.total / union.area - 1) < 0.001)
    }
}

/// Streets mapped as areas are used as they are, and overlaps with centreline bands count once.
@Suite struct StreetAreaTests {
    @Test func areaHighwayPolygonIsUsedAsItIs() throws {
        let x0 = 430_000.0, y0 = 4_581_000.0
        let square: GeoJSONGeometry = .polygon([[x0, y0, x0 + 40, y0, x0 + 40, y0 + 40, x0, y0 + 40, x0, y0]])
        let collection = FeatureCollection(features: [
            Feature(id: "square", properties: ["area:highway": .string("pedestrian")], geometry: square),
            // A 10 m carriageway along the square's south edge: 5 m of it overlaps the square.
            Feature(id: "road", properties: ["highway": .string("residential"), "carriageway:width": .string("10"), "sidewalk": .string("no")],
                    geometry: .lineString([x0, y0, x0 + 40, y0])),
        ], crs: "EPSG:25831")
        let district = try DistrictLoader().load([NamedCollection(name: "area.geojson", collection: collection)])
        let allocation = try SpaceAllocator().allocate(district)
        let square0 = try #require(allocation.streets.first { $0.id == "square" })
        let road = try #require(allocation.streets.first { $0.id == "road" })
        #expect(square0.section == nil)
        // Traffic keeps its band (priority); the square keeps the rest of its 1,600 m2.
        let caps = 16 * 25 * sin(Double.pi / 16)  // both round caps of radius 5: a 32-gon
        #expect(abs(road.areas[.traffic] - (400 + caps)) < 1e-6)
        #expect(abs(square0.areas[.pedestrian] - (1_600 - 200)) < 1e-6)
        try SpaceAllocationTests.expectAreasAddUp(district, allocation)
    }
}

/// A junction of streets whose two sides differ: the outline reaches the wider side's distance on
/// both sides, so inside the junction it holds area no band claims, and that area stays out of
/// the junction (the shortcut that gives a junction's last category the rest is not taken).
@Suite struct AsymmetricJunctionTests {
    @Test func areaNoBandClaimsIsNoJunctionSpace() throws {
        let x0 = 430_000.0, y0 = 4_581_000.0
        // Two halves of one east-west street, sidewalk on the south (their right) only: traffic to
        // 5 m each side, then 5 m of sidewalk on the south; the north 5 to 10 m is in no band.
        let halfStreet: [String: PropertyValue] = ["highway": .string("residential"), "carriageway:width": .string("10"),
                                                   "sidewalk": .string("right"), "sidewalk:right:width": .string("5")]
        let collection = FeatureCollection(features: [
            Feature(id: "west", properties: halfStreet, geometry: .lineString([x0 - 100, y0, x0, y0])),
            Feature(id: "east", properties: halfStreet, geometry: .lineString([x0, y0, x0 + 100, y0])),
            // A carriageway from the south, ending at the node.
            Feature(id: "south", properties: ["highway": .string("residential"), "carriageway:width": .string("10"), "sidewalk": .string("no")],
                    geometry: .lineString([x0, y0 - 100, x0, y0])),
        ], crs: "EPSG:25831")
        let district = try DistrictLoader().load([NamedCollection(name: "asymmetric.geojson", collection: collection)])
        let allocation = try SpaceAllocator().allocate(district)
        let junction = try #require(allocation.junctions.first)
        #expect(allocation.junctions.count == 1)
        // The halves' round caps overlap in the 32-gon of radius 10 about the node; its segment
        // north of 5 m (r^2 acos(1/2) - 5 sqrt(75), about 61 m2 for the circle) is in no band.
        #expect(junction.areas[.traffic] > 0 && junction.areas[.pedestrian] > 0)
        let context = GeometryContext()
        let node = try Geometry.point(x: x0, y: y0, in: context)
        let northOfBands = try Geometry.rectangle(Envelope(minX: x0 - 10, minY: y0 + 5.001, maxX: x0 + 10, maxY: y0 + 10), in: context)
        let junctionPolygon = try Geometry.fromWKB(junction.wkb, in: context)
        #expect(try junctionPolygon.intersection(northOfBands).area < 1e-6)
        #expect(junctionPolygon.intersects(node))
        // Every square metre once: the rows add up to the union of all band polygons, exactly.
        let polygons = try SpaceAllocator().bandPolygons(of: district, context: context).map(\.polygon)
        let union = try Geometry.union(of: polygons, in: context)
        let rows = allocation.streets.reduce(0) { $0 + $1.ownAreas.total } + allocation.junctions.reduce(0) { $0 + $1.areas.total }
        #expect(abs(rows - union.area) < 1e-6)
        #expect(abs(allocation.district.total - union.area) < 1e-6)
    }
}

/// A share needs an area to be a share of.
@Suite struct ShareOfResidueTests {
    @Test func residueOfOverlaysHasNoShare() throws {
        // A short street wholly inside its junctions keeps square millimetres of overlay residue.
        #expect(SpaceAreas([.pedestrian: 0.004, .traffic: 1e-9]).pedestrianSharePercent == nil)
        #expect(SpaceAreas([.pedestrian: 0.004]).percent(.pedestrian) == nil)
        #expect(SpaceAreas().pedestrianSharePercent == nil)
        // A square decimetre is a share again.
        #expect(try #require(SpaceAreas([.pedestrian: 0.01]).pedestrianSharePercent) == 100)
        #expect(try #require(SpaceAreas([.pedestrian: 3, .traffic: 1]).pedestrianSharePercent) == 75)
    }
}

/// `section_pedestrian_share_pct`: a street's share by its own section, its separately mapped
/// sidewalks included at their widths, beside the share its geometry gives.
@Suite struct SectionShareTests {
    /// A 10 m carriageway 100 m long with a 4 m sidewalk mapped as its own way 7 m off each side,
    /// along its whole length: by hand 8 m of 18 m, 44.44 %. The sidewalk's own section is 100 %.
    @Test func separateSidewalksCountAtTheirWidths() throws {
        let x0 = 430_000.0, y0 = 4_581_000.0
        let sidewalk: [String: PropertyValue] = ["highway": .string("footway"), "footway": .string("sidewalk"), "width": .string("4")]
        let collection = FeatureCollection(features: [
            Feature(id: "road", properties: ["highway": .string("residential"), "width": .string("10")], geometry: .lineString([x0, y0, x0 + 100, y0])),
            Feature(id: "north", properties: sidewalk, geometry: .lineString([x0, y0 + 7, x0 + 100, y0 + 7])),
            Feature(id: "south", properties: sidewalk, geometry: .lineString([x0, y0 - 7, x0 + 100, y0 - 7])),
        ], crs: "EPSG:25831")
        let district = try DistrictLoader().load([NamedCollection(name: "section.geojson", collection: collection)])
        let allocation = try SpaceAllocator().allocate(district)
        let road = try #require(allocation.streets.first { $0.id == "road" })
        #expect(road.section?.left.isEmpty == true && road.section?.right.isEmpty == true)  // both sides mapped on their own
        let widths = try #require(road.sectionWidths)
        #expect(abs(widths[.traffic] - 10) < 1e-9 && abs(widths[.pedestrian] - 8) < 1e-9)
        #expect(abs(try #require(road.sectionPedestrianSharePercent) - 800.0 / 18) < 1e-9)
        #expect(allocation.streets.first { $0.id == "north" }?.sectionPedestrianSharePercent == 100)
        // Without the sidewalks, the section has none (the road's own tags name no sidewalk width,
        // so its default sidewalks are in its own bands instead).
        let bare = try DistrictLoader().load([NamedCollection(name: "bare.geojson", collection: FeatureCollection(features: [collection.features[0]], crs: "EPSG:25831"))])
        let alone = try #require(try SpaceAllocator().allocate(bare).streets.first)
        let own = try #require(alone.section)
        let expected = 100 * (own.widthByCategory[.pedestrian] ?? 0) / own.totalWidth
        #expect(abs(try #require(alone.sectionPedestrianSharePercent) - expected) < 1e-9)
    }
}
