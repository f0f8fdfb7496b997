import DistrictModel
import Foundation
import GeoJSON
import GeometryEngine
import Synchronization

/// Splits a district's street space between people, bicycles, greenery and vehicles.
///
/// Each street becomes band polygons; where bands overlap (junctions, separately mapped sidewalks)
/// the area goes to the category first in `SpaceCategory`'s priority order, and within a category
/// to the street listed first, so every square metre is counted exactly once: the category areas
/// add up to the area of the union of all street polygons (tested).
public struct SpaceAllocator: Sendable {
    public var inference: CrossSectionInference
    public var thresholds: PedestrianShareThresholds
    /// How far beside a road a separately mapped sidewalk (`footway=sidewalk`) is looked for.
    public var separateSidewalkSearch = 12.0

    public init(inference: CrossSectionInference = CrossSectionInference(), thresholds: PedestrianShareThresholds = .bcnEcologia) {
        self.inference = inference
        self.thresholds = thresholds
    }

    /// Streets per worker below which splitting the district is not worth the duplicated margins.
    static let streetsPerWorker = 400

    /// The allocation. Large districts are cut into strips measured in parallel, each task with its
    /// own GEOS context and the streets near its strip loaded too, so the result is the same as one
    /// pass over the whole district (tested).
    public func allocate(_ district: District) throws(GeometryError) -> SpaceAllocation {
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, district.streets.count / Self.streetsPerWorker)
        return workers > 1 ? try allocate(district, workers: workers) : try resolve(district, context: GeometryContext()).allocation
    }

    /// The allocation and, per street, the polygons it claims (in `context`): a comparison of two
    /// layouts overlays these to find the square metres that changed hands.
    func resolve(_ district: District, context: GeometryContext) throws(GeometryError) -> ResolvedStreetSpace {
        let streets = district.streets
        let measured = try measure(streets, owned: Array(streets.indices), allStreets: streets, cells: district.cells, context: context)
        return ResolvedStreetSpace(allocation: assemble(district, measures: measured.measures), claims: measured.claims)
    }

    /// `allocate` split into `workers` strips ordered west to east.
    func allocate(_ district: District, workers: Int) throws(GeometryError) -> SpaceAllocation {
        let streets = district.streets
        let boxes = streets.map { $0.geometry.envelope }
        // How far a street's bands can reach beyond its centreline: the widest section, or a
        // separately mapped sidewalk at the widest sidewalk default.
        let reach = streets.reduce(inference.defaults.mainSidewalk) { widest, street in
            max(widest, inference.crossSection(of: street.attributes).totalWidth / 2)
        } + 1
        let order = streets.indices.sorted { (boxes[$0]?.center.x ?? 0, $0) < (boxes[$1]?.center.x ?? 0, $1) }
        let strips = (0..<workers).map { k in Array(order[(k * order.count / workers)..<((k + 1) * order.count / workers)]).sorted() }
        let results = Mutex<[Int: StreetMeasure]>([:])
        let failure = Mutex<GeometryError?>(nil)
        DispatchQueue.concurrentPerform(iterations: strips.count) { k in
            let owned = strips[k]
            guard let stripBox = owned.compactMap({ boxes[$0] }).reduce(nil, { $0?.union($1) ?? $1 }) else { return }
            // Two reaches: a neighbour's bands can meet an owned street's bands.
            let window = stripBox.expanded(by: 2 * reach)
            let loaded = streets.indices.filter { boxes[$0].map(window.intersects) ?? false }
            let local = Dictionary(uniqueKeysWithValues: loaded.enumerated().map { ($1, $0) })
            do throws(GeometryError) {
                let measured = try measure(loaded.map { streets[$0] }, owned: owned.compactMap { local[$0] }, allStreets: streets,
                                           cells: district.cells, context: GeometryContext())
                results.withLock { all in
                    for (position, value) in measured.measures { all[loaded[position]] = value }
                }
            } catch {
                failure.withLock { $0 = $0 ?? error }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        let measures = results.withLock { $0 }
        return assemble(district, measures: measures)
    }

    /// Bands, claims and areas of the `owned` positions of `streets` (a whole district, or a strip
    /// with its margin, in district order); separate sidewalks are looked for among `allStreets`.
    func measure(_ streets: [DistrictFeature], owned: [Int], allStreets: [DistrictFeature], cells: [DistrictFeature],
                 context: GeometryContext) throws(GeometryError)
        -> (measures: [Int: StreetMeasure], claims: [[(category: SpaceCategory, polygon: Geometry)]]) {
        let finder = try SeparateSidewalkFinder(streets: allStreets, searchDistance: separateSidewalkSearch, context: context)
        var shapes: [StreetShape] = []
        shapes.reserveCapacity(streets.count)
        for street in streets {
            shapes.append(try GeometryError.naming(street.origin) { () throws(GeometryError) in
                try StreetShape(street, inference: inference, sidewalks: finder, context: context)
            })
        }
        // What each street keeps after overlaps, found among its neighbours only.
        let indexed = shapes.indices.filter { shapes[$0].footprint != nil }
        var claims = [[(category: SpaceCategory, polygon: Geometry)]](repeating: [], count: shapes.count)
        if !indexed.isEmpty {
            let index = try SpatialIndex(indexed.map { shapes[$0].footprint! })
            for position in owned {
                guard let footprint = shapes[position].footprint else { continue }
                let neighbours = index.query(footprint).map { indexed[$0] }
                claims[position] = try GeometryError.naming(streets[position].origin) { () throws(GeometryError) in
                    try Self.claims(of: position, among: neighbours, shapes: shapes, context: context)
                }
            }
        }
        let cellShapes = try cells.map { cell throws(GeometryError) in try CellShape(cell, context: context) }
        var measures: [Int: StreetMeasure] = [:]
        for position in owned {
            var areas = SpaceAreas()
            var inCells = cellShapes.map { _ in SpaceAreas() }
            for (category, polygon) in claims[position] {
                let area = polygon.area
                guard area > 0 else { continue }
                areas[category] += area
                for (cellIndex, cell) in cellShapes.enumerated() { inCells[cellIndex][category] += try cell.area(of: polygon) }
            }
            let pieces = try claims[position].map { category, polygon throws(GeometryError) in (category, polygon.area, try polygon.wkb()) }
            measures[position] = StreetMeasure(areas: areas, cellAreas: inCells, length: shapes[position].length, section: shapes[position].section,
                                               pieces: pieces.filter { $0.1 > 0 })
        }
        return (measures, claims)
    }

    /// Per street, per cell and district totals from the streets' measures.
    func assemble(_ district: District, measures: [Int: StreetMeasure]) -> SpaceAllocation {
        var warnings: [LoadProblem] = []
        var cellAreas = district.cells.map { _ in SpaceAreas() }
        var streetResults: [StreetAllocation] = []
        var districtAreas = SpaceAreas()
        var lengthByCategory: [SpaceCategory: Double] = [:]
        var pieces: [SpacePiece] = []
        for (position, street) in district.streets.enumerated() {
            let measure = measures[position] ?? StreetMeasure(areas: SpaceAreas(), cellAreas: [], length: 0, section: nil, pieces: [])
            pieces += measure.pieces.map { SpacePiece(owner: .street(position), category: $0.category, area: $0.area, wkb: $0.wkb) }
            for warning in measure.section?.warnings ?? [] {
                warnings.append(LoadProblem(origin: street.origin, message: warning + "; default used", action: .kept))
            }
            for (cellIndex, areas) in measure.cellAreas.enumerated() { cellAreas[cellIndex] += areas }
            districtAreas += measure.areas
            if let section = measure.section {
                lengthByCategory[section.carriagewayCategory, default: 0] += measure.length
            }
            streetResults.append(StreetAllocation(
                id: street.id, name: street.attributes.string("name"), highway: street.highway, length: measure.length,
                section: measure.section, areas: measure.areas, defaulted: measure.section?.defaulted ?? [], origin: street.origin))
        }
        let cells = zip(district.cells, cellAreas).map { cell, areas in
            CellAllocation(id: cell.id, name: cell.attributes.string("name"), cellArea: Self.area(of: cell), areas: areas,
                           rating: areas.pedestrianSharePercent.map(thresholds.rating(ofPercent:)))
        }
        var allocation = SpaceAllocation(streets: streetResults, cells: cells, district: districtAreas, lengthByCategory: lengthByCategory,
                                         thresholds: thresholds, warnings: warnings)
        allocation.pieces = pieces
        return allocation
    }

    static func area(of cell: DistrictFeature) -> Double {
        (try? GeometryContext().geometry(from: cell.geometry).area) ?? 0
    }

    /// Every band polygon of every street, before overlaps are resolved (for maps and for checking
    /// that the resolved areas add up to their union).
    public func bandPolygons(of district: District, context: GeometryContext) throws(GeometryError) -> [(street: Int, category: SpaceCategory, polygon: Geometry)] {
        try streetShapes(of: district, context: context).enumerated().flatMap { position, shape in
            shape.bands.map { (position, $0.category, $0.polygon) }
        }
    }

    /// What one street ends up with. Sendable, so strips measured in parallel can be joined.
    struct StreetMeasure: Sendable {
        var areas: SpaceAreas
        var cellAreas: [SpaceAreas]
        var length: Double
        var section: CrossSection?
        /// The claimed polygons as WKB, with their areas.
        var pieces: [(category: SpaceCategory, area: Double, wkb: [UInt8])]
    }

    func streetShapes(of district: District, context: GeometryContext) throws(GeometryError) -> [StreetShape] {
        let streets = district.streets
        let sidewalkFinder = try SeparateSidewalkFinder(streets: streets, searchDistance: separateSidewalkSearch, context: context)
        var shapes: [StreetShape] = []
        shapes.reserveCapacity(streets.count)
        for street in streets {
            shapes.append(try GeometryError.naming(street.origin) { () throws(GeometryError) in
                try StreetShape(street, inference: inference, sidewalks: sidewalkFinder, context: context)
            })
        }
        return shapes
    }

    /// The pieces of street `position`'s bands that no higher-priority band and no earlier street's
    /// band of the same category covers.
    static func claims(of position: Int, among neighbours: [Int], shapes: [StreetShape],
                       context: GeometryContext) throws(GeometryError) -> [(category: SpaceCategory, polygon: Geometry)] {
        let own = shapes[position]
        var result: [(SpaceCategory, Geometry)] = []
        for category in SpaceCategory.allCases {
            let mine = own.bands.filter { $0.category == category }
            guard !mine.isEmpty else { continue }
            var piece = mine.count == 1 ? mine[0].polygon : try Geometry.union(of: mine.map(\.polygon), in: context)
            guard let box = piece.envelope else { continue }
            // Only bands whose boxes meet this piece can take anything from it.
            var blockers: [Geometry] = []
            for neighbour in neighbours {
                for band in shapes[neighbour].bands where band.category < category || (band.category == category && neighbour < position) {
                    if band.envelope.map(box.intersects) == true { blockers.append(band.polygon) }
                }
            }
            if !blockers.isEmpty {
                let blocked = blockers.count == 1 ? blockers[0] : try Geometry.union(of: blockers, in: context)
                piece = try piece.difference(blocked)
            }
            if !piece.isEmpty { result.append((category, piece)) }
        }
        return result
    }
}

/// An allocation with the GEOS polygons behind it: what each street claims, per category, after
/// overlaps were resolved (the pieces of all streets are disjoint). Lives in one context.
struct ResolvedStreetSpace {
    var allocation: SpaceAllocation
    var claims: [[(category: SpaceCategory, polygon: Geometry)]]
}

/// A street's geometry for allocation: its bands and the footprint used to find neighbours.
struct StreetShape {
    var section: CrossSection?
    var bands: [(category: SpaceCategory, polygon: Geometry, envelope: Envelope?)]
    var length: Double
    /// The bands' bounding rectangle, or nil when the street has no area.
    var footprint: Geometry?

    init(_ street: DistrictFeature, inference: CrossSectionInference, sidewalks: SeparateSidewalkFinder,
         context: GeometryContext) throws(GeometryError) {
        let geometry = try context.geometry(of: street)
        if let area = try Self.areaPolygon(street, geometry: geometry, context: context) {
            section = nil
            bands = [(Self.areaCategory(street.attributes), area, area.envelope)]
            length = 0
        } else {
            let separate = try sidewalks.separateSides(of: street, line: geometry)
            let road = try sidewalks.roadAlongside(street, line: geometry)
            let section = inference.crossSection(of: street.attributes, separateSidewalks: separate, alongsideRoad: road)
            self.section = section
            bands = try StreetBands.polygons(of: geometry, section: section).map { ($0.category, $0.polygon, $0.polygon.envelope) }
            length = geometry.length
        }
        let boxes = bands.compactMap(\.envelope)
        footprint = try boxes.reduce(nil) { $0?.union($1) ?? $1 }.map { box throws(GeometryError) in try Geometry.rectangle(box, in: context) }
    }

    /// Streets mapped as areas are used as they are: polygons, and closed ways tagged `area=yes`.
    static func areaPolygon(_ street: DistrictFeature, geometry: Geometry, context: GeometryContext) throws(GeometryError) -> Geometry? {
        switch street.geometry.family {
        case .polygon:
            return geometry
        case .line:
            guard street.attributes.string("area") == "yes", case .lineString(let xy) = street.geometry,
                  xy.count >= 8, xy[0] == xy[xy.count - 2], xy[1] == xy[xy.count - 1] else { return nil }
            let polygon = try Geometry.polygon([xy], in: context)
            return polygon.isValid ? polygon : try polygon.makeValid().polygonalParts()
        default:
            return nil
        }
    }

    static func areaCategory(_ attributes: Attributes) -> SpaceCategory {
        let value = attributes.string("area:highway") ?? attributes.string("highway") ?? ""
        switch value {
        case "footway", "pedestrian", "path", "steps", "platform", "corridor": return .pedestrian
        case "living_street": return .shared
        case "cycleway": return .cycle
        case "verge", "planter", "grass": return .green
        case "parking", "parking_lane": return .parking
        default: return .traffic
        }
    }
}

/// A superblock cell, prepared for measuring what falls inside it.
struct CellShape {
    var id: String
    var name: String?
    var polygon: PreparedGeometry
    var envelope: Envelope?
    var area: Double

    init(_ cell: DistrictFeature, context: GeometryContext) throws(GeometryError) {
        id = cell.id
        name = cell.attributes.string("name")
        let geometry = try context.geometry(of: cell)
        polygon = try PreparedGeometry(geometry)
        envelope = geometry.envelope
        area = geometry.area
    }

    /// Area of `piece` inside the cell.
    func area(of piece: Geometry) throws(GeometryError) -> Double {
        guard let box = piece.envelope, let envelope, box.intersects(envelope), polygon.intersects(piece) else { return 0 }
        if polygon.covers(piece) { return piece.area }
        return try polygon.base.intersection(piece).area
    }
}
