import DistrictModel
import GeoJSON
import GeometryEngine

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

    public func allocate(_ district: District) throws(GeometryError) -> SpaceAllocation {
        try resolve(district, context: GeometryContext()).allocation
    }

    /// The allocation and, per street, the polygons it claims (in `context`): a comparison of two
    /// layouts overlays these to find the square metres that changed hands.
    func resolve(_ district: District, context: GeometryContext) throws(GeometryError) -> ResolvedStreetSpace {
        let streets = district.streets
        var warnings: [LoadProblem] = []

        // 1. Bands of every street.
        let shapes = try streetShapes(of: district, context: context)
        for (street, shape) in zip(streets, shapes) {
            for warning in shape.section?.warnings ?? [] {
                warnings.append(LoadProblem(origin: street.origin, message: warning + "; default used", action: .kept))
            }
        }

        // 2. What each street keeps after overlaps, found among its neighbours only.
        let indexed = shapes.indices.filter { shapes[$0].footprint != nil }
        let claims: [[(category: SpaceCategory, polygon: Geometry)]]
        if indexed.isEmpty {
            claims = shapes.map { _ in [] }
        } else {
            let index = try SpatialIndex(indexed.map { shapes[$0].footprint! })
            claims = try shapes.indices.map { position throws(GeometryError) in
                guard let footprint = shapes[position].footprint else { return [] }
                let neighbours = index.query(footprint).map { indexed[$0] }
                return try Self.claims(of: position, among: neighbours, shapes: shapes, context: context)
            }
        }

        // 3. Aggregation per street, per cell and for the district.
        let cellShapes = try district.cells.map { cell throws(GeometryError) in try CellShape(cell, context: context) }
        var cellAreas = cellShapes.map { _ in SpaceAreas() }
        var streetResults: [StreetAllocation] = []
        var districtAreas = SpaceAreas()
        var lengthByCategory: [SpaceCategory: Double] = [:]
        for (position, street) in streets.enumerated() {
            var areas = SpaceAreas()
            for (category, polygon) in claims[position] {
                let area = polygon.area
                guard area > 0 else { continue }
                areas[category] += area
                for (cellIndex, cell) in cellShapes.enumerated() {
                    cellAreas[cellIndex][category] += try cell.area(of: polygon)
                }
            }
            districtAreas += areas
            let shape = shapes[position]
            if let section = shape.section {
                lengthByCategory[section.carriagewayCategory, default: 0] += shape.length
            }
            streetResults.append(StreetAllocation(
                id: street.id, name: street.attributes.string("name"), highway: street.highway, length: shape.length,
                section: shape.section, areas: areas, defaulted: shape.section?.defaulted ?? [], origin: street.origin))
        }
        let cells = zip(cellShapes, cellAreas).map { shape, areas in
            CellAllocation(id: shape.id, name: shape.name, cellArea: shape.area, areas: areas,
                           rating: areas.pedestrianSharePercent.map(thresholds.rating(ofPercent:)))
        }
        let allocation = SpaceAllocation(streets: streetResults, cells: cells, district: districtAreas, lengthByCategory: lengthByCategory,
                                         thresholds: thresholds, warnings: warnings)
        return ResolvedStreetSpace(allocation: allocation, claims: claims)
    }

    /// Every band polygon of every street, before overlaps are resolved (for maps and for checking
    /// that the resolved areas add up to their union).
    public func bandPolygons(of district: District, context: GeometryContext) throws(GeometryError) -> [(street: Int, category: SpaceCategory, polygon: Geometry)] {
        try streetShapes(of: district, context: context).enumerated().flatMap { position, shape in
            shape.bands.map { (position, $0.category, $0.polygon) }
        }
    }

    func streetShapes(of district: District, context: GeometryContext) throws(GeometryError) -> [StreetShape] {
        let streets = district.streets
        let sidewalkFinder = try SeparateSidewalkFinder(streets: streets, searchDistance: separateSidewalkSearch, context: context)
        var shapes: [StreetShape] = []
        shapes.reserveCapacity(streets.count)
        for street in streets {
            shapes.append(try StreetShape(street, inference: inference, sidewalks: sidewalkFinder, context: context))
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
        let geometry = try context.geometry(from: street.geometry)
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
        let geometry = try context.geometry(from: cell.geometry)
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
