import DistrictModel
import GeometryEngine

/// The street space of a set of streets (a whole district, or a strip with its margin), measured in
/// one GEOS context: bands, junctions, claims, and the areas that go into the tables.
struct SpaceMeasurement {
    /// What one street ends up with. Sendable, so strips measured in parallel can be joined.
    struct StreetMeasure: Sendable {
        var areas: SpaceAreas
        /// Per cell (position among the district's cells) that holds some of it.
        var cellAreas: [Int: SpaceAreas]
        var length: Double
        var section: CrossSection?
        /// The claimed polygons as WKB, with their areas.
        var pieces: [(category: SpaceCategory, area: Double, wkb: [UInt8])]
        /// For a separately mapped sidewalk, the roads it runs beside (district positions) and the
        /// share of its length along each.
        var alongsideRoads: [(position: Int, share: Double)] = []
    }

    /// What one junction holds.
    struct JunctionMeasure: Sendable {
        var x: Double
        var y: Double
        /// District positions of the streets meeting there.
        var streets: [Int]
        var areas: SpaceAreas
        /// Per cell (position among the district's cells) that holds some of it.
        var cellAreas: [Int: SpaceAreas]
        var pieces: [(category: SpaceCategory, area: Double, wkb: [UInt8])]
        /// The whole junction (the union of its pieces) as WKB, for the maps.
        var wkb: [UInt8] = []
    }

    /// Per owned street (position among the measured streets).
    var streets: [Int: StreetMeasure] = [:]
    /// The junctions owned: those whose first street is owned.
    var junctions: [JunctionMeasure] = []

    /// - Parameters:
    ///   - streets: the streets to build, in district order.
    ///   - positions: their district positions (ascending).
    ///   - owned: positions among `streets` whose rows (and junctions) are wanted.
    ///   - allStreets: the whole district's streets, where separate sidewalks are looked for.
    init(streets: [DistrictFeature], positions: [Int], owned: [Int], allStreets: [DistrictFeature], cells: [DistrictFeature],
         allocator: SpaceAllocator, context: GeometryContext) throws(GeometryError) {
        let finder = try SeparateSidewalkFinder(streets: allStreets, searchDistance: allocator.separateSidewalkSearch, context: context)
        let shapes = try StreetShape.shapes(of: streets, inference: allocator.inference, sidewalks: finder, context: context)
        let bands = try BandIndex(shapes: shapes)
        let nodes = JunctionNodes(streets: streets, eligible: shapes.indices.filter { shapes[$0].section != nil && shapes[$0].outline != nil })
        let built = try JunctionShape.build(nodes: nodes.nodes, shapes: shapes, bandIndex: bands, context: context)
        let junctionShapes = built.compactMap { $0 }
        var claims = try StreetClaims(bands: bands, junctions: junctionShapes, context: context)
        let cellShapes = try cells.map { cell throws(GeometryError) in try CellShape(cell, context: context) }
        // A city has thousands of cells: each piece is measured against those its box meets only.
        let cellIndex = cellShapes.isEmpty ? nil : try SpatialIndex(cellShapes.map(\.polygon.base))

        func measured(_ polygons: [(category: SpaceCategory, polygon: Geometry)]) throws(GeometryError)
            -> (areas: SpaceAreas, cells: [Int: SpaceAreas], pieces: [(category: SpaceCategory, area: Double, wkb: [UInt8])]) {
            var areas = SpaceAreas()
            var inCells: [Int: SpaceAreas] = [:]
            var pieces: [(SpaceCategory, Double, [UInt8])] = []
            for (category, polygon) in polygons {
                let area = polygon.area
                guard area > 0 else { continue }
                areas[category] += area
                for k in cellIndex?.query(polygon) ?? [] {
                    let inside = try cellShapes[k].area(of: polygon)
                    if inside > 0 { inCells[k, default: SpaceAreas()][category] += inside }
                }
                pieces.append((category, area, try polygon.areal().wkb()))
            }
            return (areas, inCells, pieces)
        }

        for position in owned {
            let mine = try GeometryError.naming(streets[position].origin) { () throws(GeometryError) in try claims.claims(of: position) }
            let result = try measured(mine)
            self.streets[position] = StreetMeasure(areas: result.areas, cellAreas: result.cells, length: shapes[position].length,
                                                   section: shapes[position].section, pieces: result.pieces,
                                                   alongsideRoads: shapes[position].alongsideRoads)
        }
        let ownedSet = Set(owned)
        for junction in junctionShapes where ownedSet.contains(junction.node.streets[0]) {
            let result = try measured(junction.pieces)
            self.junctions.append(JunctionMeasure(x: junction.node.x, y: junction.node.y, streets: junction.node.streets.map { positions[$0] },
                                                  areas: result.areas, cellAreas: result.cells, pieces: result.pieces,
                                                  wkb: try junction.polygon.areal().wkb()))
        }
    }
}
