import DistrictModel
import GeometryEngine

/// How a building's residents were obtained, in order of preference (DESIGN.md section 3).
public enum PopulationMethod: String, Sendable {
    /// The building's own `population` (NoiseModelling's `POP`).
    case given
    /// `dwellings` x persons per dwelling.
    case dwellings
    /// Residential floor area x residents per m2.
    case floorArea = "floor_area"
    /// A census polygon's population shared out in proportion to floor area (dasymetric).
    case census
    /// Not residential, or nothing to go on.
    case none
}

/// The residents of one building.
public struct BuildingPopulation: Sendable, Equatable {
    public var population: Double
    public var method: PopulationMethod
    /// Residential floor area used for the estimate (m2), when known.
    public var floorArea: Double
}

/// Residents per building, and census residents no building could take.
public struct PopulationEstimate: Sendable {
    public var buildings: [BuildingPopulation]
    /// Census polygons (id, residents) holding no residential building of the input.
    public var unallocated: [(id: String, population: Double)]

    public var unallocatedTotal: Double { unallocated.reduce(0) { $0 + $1.population } }
}

/// Residents per building from what the data gives, with documented parameters:
///
/// | parameter | default | source |
/// |---|---|---|
/// | persons per dwelling | 2.5 | assumption, about Barcelona's average household size |
/// | residential floor area per resident | 35 m2 | assumption, about Barcelona's dwelling floor area per person |
/// | storey height when only `height` is given | 3 m | DESIGN.md section 3 |
/// | storeys when neither levels nor height are given | 1 | assumption |
/// | non-residential `building` values | commercial, industrial, retail, office, ... | OSM building types that hold no homes |
///
/// When census polygons are given, buildings without a `population` of their own share each
/// polygon's population (less what such buildings declare) in proportion to their floor area, so
/// the district total equals the census total wherever a census polygon holds a residential building.
public struct PopulationEstimator: Sendable {
    public var personsPerDwelling = 2.5
    public var floorAreaPerResident = 35.0
    public var storeyHeight = 3.0

    public static let nonResidential: Set<String> = [
        "commercial", "industrial", "retail", "office", "warehouse", "church", "cathedral", "chapel", "mosque",
        "temple", "synagogue", "school", "university", "college", "kindergarten", "hospital", "public", "civic",
        "government", "garage", "garages", "parking", "train_station", "transportation", "service", "shed", "roof",
        "hangar", "kiosk", "toilets", "stadium", "sports_hall", "sports_centre", "construction", "ruins", "bunker",
        "greenhouse", "barn", "farm_auxiliary", "carport", "hotel", "supermarket", "fire_station", "museum",
    ]

    public init() {}

    public func isResidential(_ building: DistrictFeature) -> Bool {
        if Self.given(building.attributes.number("population", "POP")).map({ $0 > 0 }) == true { return true }
        guard let type = building.attributes.string("building") else { return true }
        return !Self.nonResidential.contains(type)
    }

    /// Floor area: footprint x storeys (`building:levels`, else `height` / storey height, else 1).
    public func floorArea(of building: DistrictFeature, footprint: Double) -> Double {
        let attributes = building.attributes
        if let levels = attributes.number("building:levels"), levels > 0, AttributeLimits.levels.contains(levels) { return footprint * levels }
        let height = building.buildingHeight
        if height.source == .height { return footprint * max(1, (height.metres / storeyHeight).rounded()) }
        return footprint
    }

    /// A building's own population when it is in `AttributeLimits.buildingPopulation` (0...100,000;
    /// the loader already dropped others with a warning: 1e19 once trapped a report).
    static func given(_ value: Double?) -> Double? {
        value.flatMap { AttributeLimits.buildingPopulation.contains($0) ? $0 : nil }
    }

    static func census(_ value: Double?) -> Double? {
        value.flatMap { AttributeLimits.censusPopulation.contains($0) ? $0 : nil }
    }

    public func estimate(_ district: District) throws(GeometryError) -> [BuildingPopulation] {
        try estimateWithCensus(district).buildings
    }

    /// The estimate and, when census polygons are given, the census residents that found no
    /// residential building to live in (a polygon holding none): reported, never silently lost.
    public func estimateWithCensus(_ district: District) throws(GeometryError) -> PopulationEstimate {
        let context = GeometryContext()
        let buildings = district.buildings
        var geometries: [Geometry] = []
        var result: [BuildingPopulation] = []
        for building in buildings {
            let geometry = try context.geometry(of: building)
            geometries.append(geometry)
            let residential = isResidential(building)
            let floor = residential ? floorArea(of: building, footprint: geometry.area) : 0
            if let given = Self.given(building.attributes.number("population", "POP")) {
                result.append(BuildingPopulation(population: given, method: .given, floorArea: floor))
            } else if !residential {
                result.append(BuildingPopulation(population: 0, method: .none, floorArea: 0))
            } else if let dwellings = building.attributes.number("dwellings", "building:flats"), AttributeLimits.dwellings.contains(dwellings) {
                result.append(BuildingPopulation(population: dwellings * personsPerDwelling, method: .dwellings, floorArea: floor))
            } else {
                result.append(BuildingPopulation(population: floor / floorAreaPerResident, method: .floorArea, floorArea: floor))
            }
        }
        let census = district.censusAreas
        guard !census.isEmpty else { return PopulationEstimate(buildings: result, unallocated: []) }
        guard !geometries.isEmpty else {
            return PopulationEstimate(buildings: result, unallocated: census.map { ($0.id, Self.census($0.attributes.number("population")) ?? 0) })
        }
        var unallocated: [(id: String, population: Double)] = []

        // Dasymetric share-out: each building belongs to the census polygon holding its interior point.
        let index = try SpatialIndex(geometries)
        for area in census {
            guard let total = Self.census(area.attributes.number("population")) else { continue }
            let polygon = try PreparedGeometry(try context.geometry(of: area))
            var declared = 0.0
            var members: [Int] = []
            for candidate in index.query(polygon.base) {
                guard polygon.contains(try geometries[candidate].pointOnSurface()) else { continue }
                switch result[candidate].method {
                case .given: declared += result[candidate].population
                case .none: continue
                default: members.append(candidate)
                }
            }
            let floor = members.reduce(0.0) { $0 + result[$1].floorArea }
            let remaining = max(total - declared, 0)
            guard floor > 0 else {
                if remaining > 0 { unallocated.append((area.id, remaining)) }
                continue
            }
            for member in members {
                result[member] = BuildingPopulation(population: remaining * result[member].floorArea / floor, method: .census,
                                                    floorArea: result[member].floorArea)
            }
        }
        return PopulationEstimate(buildings: result, unallocated: unallocated)
    }
}
