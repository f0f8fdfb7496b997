import DistrictModel
import GeometryEngine

/// Finds the sides of a road whose sidewalk is mapped as its own way (`footway=sidewalk`), so the
/// road does not get a default sidewalk there as well. Most of the Eixample extract is mapped so.
struct SeparateSidewalkFinder {
    let index: SpatialIndex?
    /// Motor roads, to find the road a separately mapped sidewalk belongs to.
    let roads: SpatialIndex?
    let roadClasses: [String]
    /// The roads' positions among the streets the finder was made from.
    let roadPositions: [Int]
    let searchDistance: Double
    /// How far from a road a separately mapped sidewalk may run and still belong to it (its row,
    /// its side, its default width). Wider than `searchDistance`: boulevards such as the Diagonal
    /// have sidewalks 19-24 m from their nearest carriageway, and the nearest road wins anyway.
    static let pairingDistance = 25.0
    /// The reach used for pairing: the pairing distance, or the search distance if that is wider.
    var pairingReach: Double { max(searchDistance, Self.pairingDistance) }
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
        var positions: [Int] = []
        for (position, street) in streets.enumerated() where street.roadClass.carriesMotorTraffic && street.geometry.family == .line {
            roadLines.append(try context.geometry(of: street))
            classes.append(street.highway ?? "road")
            positions.append(position)
        }
        roads = roadLines.isEmpty || sidewalks.isEmpty ? nil : try SpatialIndex(roadLines)
        roadClasses = classes
        roadPositions = positions
        self.searchDistance = searchDistance
    }

    /// The class of the motor road a separately mapped sidewalk runs beside (the nearest within the
    /// search distance of its midpoint), or nil: a sidewalk without a width takes that road's default.
    func roadAlongside(_ street: DistrictFeature, line: Geometry) throws(GeometryError) -> String? {
        guard let roads, street.attributes.string("footway") == "sidewalk", street.geometry.family == .line else { return nil }
        let middle = try line.interpolate(distance: line.length / 2)
        guard let nearest = roads.nearest(to: middle),
              try roads.geometries[nearest].distance(to: middle) <= pairingReach else { return nil }
        return roadClasses[nearest]
    }

    /// How a separately mapped sidewalk shares itself among the roads it runs beside: the share of
    /// its length nearest to each road within `pairingReach` (sampled every `sampleStep` metres). A
    /// block's sidewalk usually turns the corner into the next street, so handing it whole to one
    /// road would give that road the other street's sidewalk. The same samples vote on which side
    /// of the sidewalk its roads lie (true: left; nil when no road is in reach or the vote ties), so
    /// its width can be laid away from them.
    func alongside(_ street: DistrictFeature, line: Geometry) throws(GeometryError)
        -> (roads: [(position: Int, share: Double)], roadOnLeft: Bool?) {
        guard let roads, street.attributes.string("footway") == "sidewalk", street.geometry.family == .line else { return ([], nil) }
        let length = line.length
        guard length > 0 else { return ([], nil) }
        let samples = max(1, min(Self.maximumSamples, Int((length / Self.sampleStep).rounded(.up))))
        var counts: [Int: Int] = [:]
        var vote = 0
        for k in 0..<samples {
            let along = (Double(k) + 0.5) * length / Double(samples)
            let point = try line.interpolate(distance: along)
            guard let nearest = roads.nearest(to: point) else { continue }
            let road = roads.geometries[nearest]
            guard try road.distance(to: point) <= pairingReach else { continue }
            counts[roadPositions[nearest], default: 0] += 1
            // Which side: the sidewalk's direction here crossed with the way to the road's nearest point.
            let ahead = try line.interpolate(distance: min(length, along + 0.25)).coordinates
            let behind = try line.interpolate(distance: max(0, along - 0.25)).coordinates
            let foot = try road.interpolate(distance: road.project(point)).coordinates, here = point.coordinates
            let cross = (ahead[0] - behind[0]) * (foot[1] - here[1]) - (ahead[1] - behind[1]) * (foot[0] - here[0])
            if cross > 0 { vote += 1 } else if cross < 0 { vote -= 1 }
        }
        let shares = counts.sorted { $0.key < $1.key }.map { ($0.key, Double($0.value) / Double(samples)) }
        return (shares, vote == 0 || length <= 0.5 ? nil : vote > 0)
    }

    static let sampleStep = 5.0
    static let maximumSamples = 200

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
