import DistrictModel
import GeometryEngine

/// The district's green areas dissolved into separate parks: touching and overlapping polygons
/// merge before any size rule applies (DESIGN.md section 4.3), so a park mapped in pieces counts
/// at its full size.
struct GreenSpaces {
    let parts: [Geometry]
    let areas: [Double]

    init(_ features: [DistrictFeature], context: GeometryContext) throws(GeometryError) {
        var polygons: [Geometry] = []
        for feature in features { polygons.append(try context.geometry(of: feature)) }
        guard !polygons.isEmpty else {
            parts = []
            areas = []
            return
        }
        let dissolved = try Geometry.union(of: polygons, in: context)
        let pieces: [Geometry] = switch dissolved.kind {
        case .polygon: [dissolved]
        default: dissolved.parts.filter { $0.kind == .polygon && $0.area > 0 }
        }
        parts = pieces
        areas = pieces.map(\.area)
    }

    var totalArea: Double { areas.reduce(0, +) }

    /// The parts of at least `minimumArea` m2, with an index for distance queries.
    func atLeast(_ minimumArea: Double) throws(GeometryError) -> IndexedParts {
        try IndexedParts(parts.indices.filter { areas[$0] >= minimumArea }.map { parts[$0] })
    }
}

/// Green parts with a spatial index: "is this building within d of any of them", "how far is the nearest".
/// A class so the network distances to these parts are computed once and shared by every building.
final class IndexedParts {
    let parts: [Geometry]
    let index: SpatialIndex?
    /// The parts prepared: a park of thousands of vertices is measured against each building
    /// through its facet index instead of segment by segment.
    let prepared: [PreparedGeometry]
    private var networkDistances: [Double]?

    init(_ parts: [Geometry]) throws(GeometryError) {
        self.parts = parts
        index = parts.isEmpty ? nil : try SpatialIndex(parts)
        prepared = try parts.map { part throws(GeometryError) in try PreparedGeometry(part) }
    }

    func isWithin(_ distance: Double, of geometry: Geometry) -> Bool {
        guard let index, let box = geometry.envelope else { return false }
        return index.query(box.expanded(by: distance)).contains { prepared[$0].isWithinDistance(distance, of: geometry) }
    }

    /// Walking distance from every network node to these parts (one multi-source Dijkstra, cached).
    func networkDistances(on network: WalkingNetwork, limit: Double, context: GeometryContext) throws(GeometryError) -> [Double] {
        if let networkDistances { return networkDistances }
        let computed = try network.distances(to: self, limit: limit, context: context)
        networkDistances = computed
        return computed
    }

    /// The parts that touch or overlap `geometry`.
    func touching(_ geometry: Geometry) -> [Geometry] {
        guard let index else { return [] }
        return index.query(geometry).map { parts[$0] }.filter { $0.intersects(geometry) }
    }

    /// Parts within this distance of a building are measured directly before any tree search: a
    /// part outside the window is farther than the window's reach (its box is), so the nearest
    /// found inside at no more than that reach is the nearest of all.
    static let nearbyReach = 300.0

    /// Distance to the nearest part, or nil when there is none.
    func nearestDistance(to geometry: Geometry) throws(GeometryError) -> Double? {
        guard let index else { return nil }
        if let box = geometry.envelope {
            var best = Double.infinity
            for k in index.query(box.expanded(by: Self.nearbyReach)) { best = min(best, try prepared[k].distance(to: geometry)) }
            if best <= Self.nearbyReach { return best }
        }
        guard let nearest = index.nearest(to: geometry, prepared: prepared) else { return nil }
        return try prepared[nearest].distance(to: geometry)
    }
}
