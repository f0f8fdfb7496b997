/// Builds the points of a vertical cut along one straight leg of a path, in the form of
/// NoiseModelling's profiles (ISO/TR 17534-4 profile schema): the start, every crossing with a
/// ground-zone boundary (`ground`), a slope break of the terrain (`topography`) and an obstacle
/// facet (`wall`), in order along the leg, and the end.
struct CutBuilder: Sendable {
    let scene: Scene
    let facets: [Facet]
    let terrain: Terrain

    init(scene: Scene) {
        self.scene = scene
        facets = scene.facets
        terrain = Terrain(breakLines: scene.breakLines)
    }

    /// The leg's points from `start` (z = `startZ`) to `end` (z = `endZ`), both included, with
    /// the given kinds. `skipping` leaves out one facet (the one a reflection is on).
    func leg(from start: PlanPoint, z startZ: Double, kind startKind: ProfilePoint.Kind,
             to end: PlanPoint, z endZ: Double, kind endKind: ProfilePoint.Kind,
             skipping skipped: Int? = nil) -> [ProfilePoint] {
        let section = TerrainSection(from: start, to: end, terrain: terrain)
        let length = start.distance(to: end)
        func at(_ t: Double) -> PlanPoint { start + (end - start) * t }

        // Ground-zone boundaries crossed, the endpoints included (a source on a boundary
        // enters the zone there, as in TC12).
        var boundaries: [Double] = []
        for zone in scene.groundZones {
            for ring in [zone.shell] + zone.holes {
                for i in ring.indices {
                    if let hit = segmentIntersection(start, end, ring[i], ring[(i + 1) % ring.count]) {
                        boundaries.append(hit.t)
                    }
                }
            }
        }
        boundaries.sort()
        let tolerance = length > 0 ? 1e-7 / length : 0
        boundaries = boundaries.reduce(into: []) { list, t in
            if let last = list.last, t - last <= tolerance { return }
            list.append(t)
        }

        // G after each boundary: the zone a little further on. Outside every zone the scene's
        // default applies, except after leaving a zone: NoiseModelling then keeps G = 0 (a quirk
        // the scenes README notes; on the ISO paths it only happens at a receiver on a boundary,
        // TC15, where the stretch after it has no length).
        func probe(after index: Int?) -> PlanPoint {
            let t = index.map { boundaries[$0] } ?? 0
            let nextIndex = index.map { $0 + 1 } ?? 0
            if boundaries.indices.contains(nextIndex) { return at((t + boundaries[nextIndex]) / 2) }
            if t < 1 - tolerance { return at((t + 1) / 2) }
            return at(1 + max(tolerance, 1e-9))
        }
        var inZone = false
        func g(after index: Int?) -> Double {
            if let g = scene.zoneG(at: probe(after: index)) {
                inZone = true
                return g
            }
            return inZone ? 0 : scene.settings.defaultGroundG
        }
        // The stretch from the start: when a boundary lies on the start itself, its zone.
        let startsOnBoundary = boundaries.first.map { $0 <= tolerance } ?? false
        var currentG = g(after: startsOnBoundary ? 0 : nil)

        enum Event { case ground, topography(Double), wall(Facet, Double) }
        var events: [(t: Double, rank: Int, event: Event)] = boundaries.map { ($0, 0, .ground) }
        events += section.slopeBreaks.map { ($0.t, 1, .topography($0.z)) }
        for (index, facet) in facets.enumerated() where index != skipped {
            if let hit = segmentIntersection(start, end, facet.start.plan, facet.end.plan) {
                events.append((hit.t, 2, .wall(facet, hit.u)))
            }
        }
        events.sort { $0.t != $1.t ? $0.t < $1.t : $0.rank < $1.rank }

        var points = [ProfilePoint(kind: startKind, x: start.x, y: start.y, z: startZ, zGround: section.z(at: 0), g: currentG)]
        var boundaryIndex = 0
        for item in events {
            let p = at(item.t)
            let zGround = section.z(at: item.t)
            switch item.event {
            case .ground:
                currentG = g(after: boundaryIndex)
                boundaryIndex += 1
                points.append(ProfilePoint(kind: .ground, x: p.x, y: p.y, z: zGround, zGround: zGround, g: currentG))
            case .topography(let z):
                points.append(ProfilePoint(kind: .topography, x: p.x, y: p.y, z: z, zGround: z, g: currentG))
            case .wall(let facet, let u):
                let direction = end - start, edge = facet.end.plan - facet.start.plan
                let crossing: ProfilePoint.Crossing = facet.building == nil
                    ? .thinWall : (edge.cross(direction) > 0 ? .buildingEnter : .buildingExit)
                points.append(ProfilePoint(kind: .wall, x: p.x, y: p.y, z: facet.top(at: u), zGround: zGround, g: currentG,
                                           wall: facet.profileWall, crossing: crossing))
            }
        }
        points.append(ProfilePoint(kind: endKind, x: end.x, y: end.y, z: endZ, zGround: section.z(at: 1), g: currentG))
        return points
    }
}
