/// First-order reflections by the image method (Annex II 2.5.7): the receiver is mirrored in the
/// plane of each facade or wall segment; where the line from the source to the image crosses the
/// segment, below its top, is the specular point.
///
/// As in NoiseModelling's profiles: a building facade reflects only when the source and the
/// receiver are both outside it (a wall reflects on either side, with both on the same side); the
/// reflection point is moved 1 mm back towards the source so that the legs do not touch the wall,
/// its z is the height of the image ray there, and its `wall` and `alpha` are the facet's.
struct ReflectionPath {
    /// 1 mm, NoiseModelling's `NAVIGATION_POINT_DISTANCE_FROM_WALLS`.
    static let offset = 0.001

    let builder: CutBuilder

    func profiles() -> [CutProfile] {
        let scene = builder.scene
        let s = scene.source.position, r = scene.receiver
        var result: [CutProfile] = []
        for (index, facet) in builder.facets.enumerated() {
            let a = facet.start.plan, b = facet.end.plan
            let along = b - a
            let sideS = along.cross(s.plan - a), sideR = along.cross(r.plan - a)
            if facet.building != nil {
                // Outside a counter-clockwise facade is on its right.
                guard sideS < 0, sideR < 0 else { continue }
            } else {
                guard sideS * sideR > 0 else { continue }
            }
            // The image of the receiver in the facet's vertical plane.
            let unit = along.unit
            let foot = a + unit * (r.plan - a).dot(unit)
            let image = foot * 2 - r.plan
            guard let hit = segmentIntersection(image, s.plan, a, b, tolerance: 0) else { continue }
            let specular = image + (s.plan - image) * hit.t
            let z = r.z + hit.t * (s.z - r.z)
            guard z <= facet.top(at: hit.u) + 1e-7 else { continue }
            let length = image.distance(to: s.plan)
            guard length <= scene.settings.maxSourceDistance,
                  distance(from: r.plan, toSegment: a, b) <= scene.settings.maxReflectionDistance else { continue }
            let point = specular - (specular - s.plan).unit * Self.offset

            var first = builder.leg(from: s.plan, z: s.z, kind: .source, to: point, z: z, kind: .reflection, skipping: index)
            let second = builder.leg(from: point, z: z, kind: .reflection, to: r.plan, z: r.z, kind: .receiver, skipping: index)
            first[first.count - 1].g = second[0].g
            first[first.count - 1].wall = facet.profileWall
            let profile = CutProfile(name: scene.name, path: .reflection, points: first + second.dropFirst())
            if !scene.settings.verticalDiffraction && profile.blocksLineOfSight() { continue }
            result.append(profile)
        }
        return result
    }

    private func distance(from p: PlanPoint, toSegment a: PlanPoint, _ b: PlanPoint) -> Double {
        let ab = b - a
        let lengthSquared = ab.dot(ab)
        let t = lengthSquared > 0 ? min(max((p - a).dot(ab) / lengthSquared, 0), 1) : 0
        return p.distance(to: a + ab * t)
    }
}
