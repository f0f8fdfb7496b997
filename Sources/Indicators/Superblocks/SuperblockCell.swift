import DistrictModel
import GeoJSON
import GeometryEngine

/// How a cell's area compares with the size limits of detection.
public enum CellSize: String, Sendable {
    case ok
    /// Smaller than the minimum and with no neighbour to merge with.
    case tooSmall = "too small"
    /// Larger than the maximum: reported, not split (a planner decides where to cut).
    case tooLarge = "too large"
}

/// Cell sizes for detection (DESIGN.md section 4.5). The minimum is the lower bound superblockify's
/// users keep, 2.56 ha (160 m x 160 m: below it a face of the basic network is a sliver between
/// carriageways, a roundabout or a single block); the maximum is Eggimann 2022's 3 x 3 superblock of
/// 133 m blocks + 20 %, 19.2 ha. superblockify's users allow up to 92 ha; pass that to report only
/// the very large.
public struct CellSizeLimits: Sendable, Equatable {
    public var minimumArea: Double
    public var maximumArea: Double

    public init(minimumHectares: Double = 2.56, maximumHectares: Double = 19.2) {
        minimumArea = minimumHectares * 10_000
        maximumArea = maximumHectares * 10_000
    }

    func size(of area: Double) -> CellSize {
        area < minimumArea ? .tooSmall : area > maximumArea ? .tooLarge : .ok
    }
}

/// A superblock cell with what `superblock detect` reports about it.
public struct SuperblockCell: Sendable, Equatable {
    public var id: String
    public var name: String?
    /// The polygon in the district's metric CRS.
    public var geometry: GeoJSONGeometry
    public var area: Double
    /// Length of the boundary (m).
    public var perimeter: Double
    /// Residents of the buildings whose interior point lies in the cell.
    public var residents: Double
    /// Interior streets as indices into `district.streets`, and their ids.
    public var interiorStreets: [Int]
    public var interiorStreetIDs: [String]
    /// Streets round the cell (indices into `district.streets`).
    public var perimeterStreets: [Int]
    /// Centreline length of the interior streets (m).
    public var interiorStreetLength: Double
    public var throughRoute: ThroughRoute?
    /// Faces of the basic network merged into the cell (1 for a face kept as it was; 0 for a given cell).
    public var faces: Int
    public var size: CellSize
}

/// Measures given or detected cells in a district: residents, interior and perimeter streets,
/// through routes.
public struct CellAnalysis: Sendable {
    public var basicNetwork: BasicNetwork
    public var membership: CellMembership
    public var interiorCheck: InteriorCheck
    public var limits: CellSizeLimits
    public var population: PopulationEstimator

    public init(basicNetwork: BasicNetwork = BasicNetwork(), membership: CellMembership = CellMembership(),
                interiorCheck: InteriorCheck = InteriorCheck(), limits: CellSizeLimits = CellSizeLimits(),
                population: PopulationEstimator = PopulationEstimator()) {
        self.basicNetwork = basicNetwork
        self.membership = membership
        self.interiorCheck = interiorCheck
        self.limits = limits
        self.population = population
    }

    /// A cell to measure: its polygon in the district's CRS and how it came about.
    public struct Input: Sendable {
        public var id: String
        public var name: String?
        public var geometry: GeoJSONGeometry
        public var faces: Int

        public init(id: String, name: String? = nil, geometry: GeoJSONGeometry, faces: Int = 0) {
            self.id = id
            self.name = name
            self.geometry = geometry
            self.faces = faces
        }
    }

    /// The district's own `superblock` layer as inputs.
    public static func inputs(from cells: [DistrictFeature]) -> [Input] {
        cells.map { Input(id: $0.id, name: $0.attributes.string("name"), geometry: $0.geometry) }
    }

    public func analyse(_ cells: [Input], in district: District) throws(GeometryError) -> [SuperblockCell] {
        let context = GeometryContext()
        return try analyse(cells, in: district, context: context)
    }

    func analyse(_ cells: [Input], in district: District, context: GeometryContext) throws(GeometryError) -> [SuperblockCell] {
        let polygons = try cells.map { cell throws(GeometryError) in try context.geometry(from: cell.geometry) }
        let streets = district.streets
        let lines = try streets.map { street throws(GeometryError) -> Geometry? in
            street.geometry.family == .line ? try context.geometry(of: street) : nil
        }
        let members = try membership.streets(of: polygons, streets: streets, lines: lines, basic: basicNetwork.membership(of: streets))
        let residents = try self.residents(of: polygons, district: district, context: context)

        var result: [SuperblockCell] = []
        for (position, cell) in cells.enumerated() {
            let polygon = polygons[position]
            let interior = members[position].interior
            let route = try interiorCheck.throughRoute(cell: polygon, streets: interior.map { index in
                (streets[index].id, lines[index]!, InteriorCheck.direction(of: streets[index]))
            })
            let area = polygon.area
            result.append(SuperblockCell(
                id: cell.id, name: cell.name, geometry: cell.geometry, area: area, perimeter: polygon.length,
                residents: residents[position], interiorStreets: interior, interiorStreetIDs: interior.map { streets[$0].id },
                perimeterStreets: members[position].perimeter,
                interiorStreetLength: interior.reduce(0) { $0 + lines[$1]!.length }, throughRoute: route,
                faces: cell.faces, size: limits.size(of: area)))
        }
        return result
    }

    /// Residents per cell: each building counts in the cell holding its interior point.
    private func residents(of cells: [Geometry], district: District, context: GeometryContext) throws(GeometryError) -> [Double] {
        var totals = cells.map { _ in 0.0 }
        let buildings = district.buildings
        guard !buildings.isEmpty, !cells.isEmpty else { return totals }
        let people = try population.estimate(district)
        let points = try buildings.map { building throws(GeometryError) in try context.geometry(of: building).pointOnSurface() }
        let index = try SpatialIndex(points)
        for (position, cell) in cells.enumerated() {
            let prepared = try PreparedGeometry(cell)
            for candidate in index.query(cell) where prepared.contains(points[candidate]) {
                totals[position] += people[candidate].population
            }
        }
        return totals
    }
}
