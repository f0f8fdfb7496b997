import DistrictModel
import Foundation
import GeoJSON
import GeometryEngine
import Synchronization

/// Splits a district's street space between people, bicycles, greenery and vehicles.
///
/// Each street becomes band polygons. Where streets meet, the area where their bands overlap is a
/// junction, counted as its own unit (`junctions.csv`), so a street's row holds its own section up
/// to the junctions and its pedestrian share is its cross-section's (DESIGN.md section 7). Other
/// overlaps (separately mapped sidewalks, streets meeting end to end) go to the category first in
/// `SpaceCategory`'s priority order, and within a category to the street listed first. Every square
/// metre is counted exactly once: streets and junctions add up to the area of the union of all
/// street polygons (tested).
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
        return workers > 1 ? try allocate(district, workers: workers) : try resolve(district, context: GeometryContext())
    }

    /// The allocation in one pass over the whole district, in `context`.
    func resolve(_ district: District, context: GeometryContext) throws(GeometryError) -> SpaceAllocation {
        let streets = district.streets
        let measured = try SpaceMeasurement(streets: streets, positions: Array(streets.indices), owned: Array(streets.indices),
                                            allStreets: streets, cells: district.cells, allocator: self, context: context)
        return assemble(district, streets: measured.streets, junctions: measured.junctions)
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
        // A junction reaches `JunctionShape.reach` half-widths from its node and yields to the
        // junctions before it, and a street's claims see its neighbours' junctions: the margin
        // holds all of that, so a strip decides as the whole district would.
        let margin = (2 * JunctionShape.reach + 2) * reach
        let order = streets.indices.sorted { (boxes[$0]?.center.x ?? 0, $0) < (boxes[$1]?.center.x ?? 0, $1) }
        let strips = (0..<workers).map { k in Array(order[(k * order.count / workers)..<((k + 1) * order.count / workers)]).sorted() }
        let streetResults = Mutex<[Int: SpaceMeasurement.StreetMeasure]>([:])
        let junctionResults = Mutex<[SpaceMeasurement.JunctionMeasure]>([])
        let failure = Mutex<GeometryError?>(nil)
        DispatchQueue.concurrentPerform(iterations: strips.count) { k in
            let owned = strips[k]
            guard let stripBox = owned.compactMap({ boxes[$0] }).reduce(nil, { $0?.union($1) ?? $1 }) else { return }
            let window = stripBox.expanded(by: margin)
            let loaded = streets.indices.filter { boxes[$0].map(window.intersects) ?? false }
            let local = Dictionary(uniqueKeysWithValues: loaded.enumerated().map { ($1, $0) })
            do throws(GeometryError) {
                let measured = try SpaceMeasurement(streets: loaded.map { streets[$0] }, positions: loaded, owned: owned.compactMap { local[$0] },
                                                    allStreets: streets, cells: district.cells, allocator: self, context: GeometryContext())
                streetResults.withLock { all in
                    for (position, value) in measured.streets { all[loaded[position]] = value }
                }
                junctionResults.withLock { $0 += measured.junctions }
            } catch {
                failure.withLock { $0 = $0 ?? error }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        return assemble(district, streets: streetResults.withLock { $0 }, junctions: junctionResults.withLock { $0 })
    }

    /// Per street, per junction, per cell and district totals from the measures.
    func assemble(_ district: District, streets measures: [Int: SpaceMeasurement.StreetMeasure],
                  junctions junctionMeasures: [SpaceMeasurement.JunctionMeasure]) -> SpaceAllocation {
        var warnings: [LoadProblem] = []
        var cellAreas = district.cells.map { _ in SpaceAreas() }
        var streetResults: [StreetAllocation] = []
        var districtAreas = SpaceAreas()
        var lengthByCategory: [SpaceCategory: Double] = [:]
        var pieces: [SpacePiece] = []
        // Separately mapped sidewalks also count in the row of the road they run beside, and in its
        // section (their widths times the length they run along it: square metres, per metre of road below).
        var besideRoad: [Int: SpaceAreas] = [:]
        var besideSection: [Int: SpaceAreas] = [:]
        for (_, measure) in measures {
            let widths = measure.section?.widthByCategory ?? [:]
            for (road, share) in measure.alongsideRoads {
                besideRoad[road, default: SpaceAreas()] += SpaceAreas(measure.areas.values.mapValues { $0 * share })
                besideSection[road, default: SpaceAreas()] += SpaceAreas(widths.mapValues { $0 * share * measure.length })
            }
        }
        let streets = district.streets
        for (position, street) in streets.enumerated() {
            let measure = measures[position] ?? SpaceMeasurement.StreetMeasure(areas: SpaceAreas(), cellAreas: [:], length: 0, section: nil, pieces: [])
            for warning in measure.section?.warnings ?? [] {
                warnings.append(LoadProblem(origin: street.origin, message: warning + "; default used", action: .kept))
            }
            for (cellIndex, areas) in measure.cellAreas { cellAreas[cellIndex] += areas }
            districtAreas += measure.areas
            pieces += measure.pieces.map { SpacePiece(owner: .street(position), category: $0.category, area: $0.area, wkb: $0.wkb) }
            if let section = measure.section {
                lengthByCategory[section.carriagewayCategory, default: 0] += measure.length
            }
            var allocation = StreetAllocation(
                id: street.id, name: street.attributes.string("name"), highway: street.highway, length: measure.length,
                section: measure.section, areas: measure.areas + (besideRoad[position] ?? SpaceAreas()),
                defaulted: measure.section?.defaulted ?? [], origin: street.origin)
            allocation.ownAreas = measure.areas
            allocation.alongsideRoads = measure.alongsideRoads.map { streets[$0.position].id }
            if let section = measure.section, measure.length > 0 {
                let beside = besideSection[position].map { SpaceAreas($0.values.mapValues { $0 / measure.length }) } ?? SpaceAreas()
                allocation.sectionWidths = SpaceAreas(section.widthByCategory) + beside
            }
            streetResults.append(allocation)
        }
        var junctions: [JunctionAllocation] = []
        for measure in junctionMeasures.sorted(by: { ($0.y, $0.x) < ($1.y, $1.x) }) {
            let index = junctions.count
            junctions.append(JunctionAllocation(id: "J\(index + 1)", streets: measure.streets.map { streets[$0].id },
                                                areas: measure.areas, x: measure.x, y: measure.y))
            junctions[index].wkb = measure.wkb
            for (cellIndex, areas) in measure.cellAreas { cellAreas[cellIndex] += areas }
            districtAreas += measure.areas
            pieces += measure.pieces.map { SpacePiece(owner: .junction(index), category: $0.category, area: $0.area, wkb: $0.wkb) }
        }
        let cells = zip(district.cells, cellAreas).map { cell, areas in
            CellAllocation(id: cell.id, name: cell.attributes.string("name"), cellArea: Self.area(of: cell), areas: areas,
                           rating: areas.pedestrianSharePercent.map(thresholds.rating(ofPercent:)))
        }
        var allocation = SpaceAllocation(streets: streetResults, cells: cells, district: districtAreas, lengthByCategory: lengthByCategory,
                                         thresholds: thresholds, warnings: warnings)
        allocation.junctions = junctions
        allocation.pieces = pieces
        return allocation
    }

    static func area(of cell: DistrictFeature) -> Double {
        (try? GeometryContext().geometry(from: cell.geometry).area) ?? 0
    }

    /// Every band polygon of every street, before overlaps are resolved (for maps and for checking
    /// that the resolved areas add up to their union).
    public func bandPolygons(of district: District, context: GeometryContext) throws(GeometryError) -> [(street: Int, category: SpaceCategory, polygon: Geometry)] {
        let streets = district.streets
        let finder = try SeparateSidewalkFinder(streets: streets, searchDistance: separateSidewalkSearch, context: context)
        return try StreetShape.shapes(of: streets, inference: inference, sidewalks: finder, context: context).enumerated().flatMap { position, shape in
            shape.bands.map { (position, $0.category, $0.polygon) }
        }
    }
}
