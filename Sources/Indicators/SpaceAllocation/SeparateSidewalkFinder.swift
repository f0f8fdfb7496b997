import DistrictModel
import GeometryEngine

/// Finds the sides of a road whose sidewalk is mapped as its own way (`footway=sidewalk`), so the
/// road does not get a default sidewalk there as well. Most of the Eixample extract is mapped so.
struct SeparateSidewalkFinder {
    let index: SpatialIndex?
    /// Motor roads, to find the road a separately mapped sidewalk belongs to.
    let roads: SpatialIndex?
    let roadClasses: [String]
    let searchDistance: Double
    /// Share of the road's length a sidewalk must run alongside to count.
    static let minimumCoverage = 0.5

    init(streets: [DistrictFeature], searchDistance: Double, context: GeometryContext) throws(GeometryError) {
        var sidewalks: [Geometry] = []
        for street in streets where street.attributes.string("footway") == "sidewalk" && street.geometry.family == .line {
            sidewalks.append(try context.geometry(of: street))
        }
        index = sidewalks.isEmpty ? nil : try SpatialIndex(sidewalks)
        var roadLines: [Geometry] = []
        var classes: [String] = []
        for street in streets where street.roadClass.carriesMotorTraffic && street.geometry.family == .line {
            roadLines.append(try context.geometry(of: street))
            classes.append(street.highway ?? "road")
        }
        roads = roadLines.isEmpty || sidewalks.isEmpty ? nil : try SpatialIndex(roadLines)
        roadClasses = classes
        self.searchDistance = searchDistance
    }

    /// The class of the motor road a separately mapped sidewalk runs beside (the nearest within the
    /// search distance of its midpoint), or nil.
    func roadAlongside(_ street: DistrictFeature, line: Geometry) throws(GeometryError) -> String? {
        guard let roads, street.attributes.string("footway") == "sidewalk", street.geometry.family == .line else { return nil }
        let middle = try line.interpolate(distance: line.length / 2)
        guard let nearest = roads.nearest(to: middle),
              try roads.geometries[nearest].distance(to: middle) <= searchDistance else { return nil }
        return roadClasses[nearest]
    }

    /// Sides with a separate sidewalk, for motor roads whose tags say nothing about sidewalks.
    func separateSides(of street: DistrictFeature, line: Geometry) throws(GeometryError) -> CrossSectionInference.SeparateSidewalks {
        guard let index, street.roadClass.carriesMotorTraffic, street.geometry.family == .line,
              !street.attributes.hasKey(where: { $0.hasPrefix("sidewalk") }) else { return .none }
        let length = line.length
        guard length > 0 else { return .none }
        func covered(_ distance: Double) throws(GeometryError) -> Bool {
            let side = try line.buffer(distance, style: BufferStyle(cap: .flat, singleSided: true))
            var alongside = 0.0
            for candidate in index.query(side) {
                let sidewalk = index.geometries[candidate]
                guard side.intersects(sidewalk) else { continue }
                alongside += try side.intersection(sidewalk).length
            }
            return alongside >= Self.minimumCoverage * length
        }
        return CrossSectionInference.SeparateSidewalks(left: try covered(searchDistance), right: try covered(-searchDistance))
    }
}
