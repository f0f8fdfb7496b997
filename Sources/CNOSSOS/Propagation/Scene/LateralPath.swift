#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The paths round the vertical edges of obstacles, left and right of the source-receiver line
/// (Annex II 2.5.6, lateral diffraction), laid out as NoiseModelling's path finder does for the
/// ISO/TR 17534-4 profiles (scenes README):
///
/// - the obstacles considered are those the straight source-receiver line crosses in plan;
/// - each is cut by the plane through S and R that is horizontal across the path: only what rises
///   above it can be gone round; a building contributes its convex roof corners moved 1.5 cm out
///   along the corner's bisector (and 1.5 cm up), a wall its ends moved 1.5 cm out along it, and
///   where the plane cuts the roof between two corners, the cut point (TC11, TC14: the receiver
///   is above the roof, so the path passes over part of it);
/// - the path is the convex hull, in plan, of S, R and those points on the side asked for: the
///   shortest way round;
/// - each `vertical_edge` point has the z of the plane there (the ray's height when the path is
///   unfolded), and every straight leg between them is cut like a direct path.
///
/// The favourable profile (`curved`) is laid out the same way, except that an obstacle the curved
/// ray passes over is not gone round: its outline, lowered by the curvature of the ray (radius
/// Γ = max(1000, 8 d), Annex II 2.5.6 eq. 2.5.24) relative to the chord S-R, no longer reaches the
/// plane. This is the arc NoiseModelling's path finder lowers obstacles by (Kok and Van Beek,
/// Amendments for CNOSSOS-EU, RIVM 2019, Annex G1); the evaluator's hull in F (`CurvedRays`) uses
/// the Harmonoise mapping with radius 2 Γ instead. An arc of radius 2 Γ here would miss the ISO
/// profiles of TC21 and TC28. Over a long path (TC28) the curved ray clears most roofs and its way
/// round is shorter; where it clears all of them there is no favourable lateral path (TC21).
struct LateralPath {
    enum Side { case left, right }

    /// 1.5 cm: how far outside an obstacle's corner the path passes (NoiseModelling's
    /// `wideAngleTranslationEpsilon`, "ISO/TR 17534-4 look like using this value").
    static let clearance = 0.015

    let builder: CutBuilder

    /// The profile of one side, straight or curved, nil when there is no way round on that side.
    func profile(side: Side, curved: Bool = false) -> CutProfile? {
        let scene = builder.scene
        let s = scene.source.position, r = scene.receiver
        let sr = r.plan - s.plan
        let lengthSquared = sr.dot(sr)
        guard lengthSquared > 0 else { return nil }
        // The plane through S and R, horizontal across the path: its height above a plan point.
        func planeZ(_ p: PlanPoint) -> Double { s.z + (p - s.plan).dot(sr) / lengthSquared * (r.z - s.z) }

        let crossed = Set(builder.facets.filter { segmentIntersection(s.plan, r.plan, $0.start.plan, $0.end.plan) != nil }
            .map(\.obstacle))
        var candidates: [Scene.Vertex] = []
        for obstacle in crossed.sorted() {
            let outlines = outlines(of: obstacle)
            if curved && outlines.allSatisfy({ cut(lowered($0), planeZ: planeZ).isEmpty }) { continue }
            for outline in outlines {
                candidates += cut(outline, planeZ: planeZ)
            }
        }
        let wanted: Double = side == .left ? 1 : -1
        let onSide = candidates.filter { sr.cross($0.plan - s.plan) * wanted > 0 }
        let hull = convexHull([s, r] + onSide, plan: \.plan)
        guard let iS = hull.firstIndex(where: { $0.plan == s.plan }),
              let iR = hull.firstIndex(where: { $0.plan == r.plan }) else { return nil }
        var perimeter = 0.0
        for i in hull.indices { perimeter += hull[i].plan.distance(to: hull[(i + 1) % hull.count].plan) }
        // NoiseModelling gives up on a way round more than 4 times longer than the direct path,
        // and on one whose points would be below z = 0.
        guard perimeter / sr.length <= 4, !hull.contains(where: { $0.z < 0 }) else { return nil }
        // The hull runs counter-clockwise: from S that passes right of S->R first.
        var path: [Scene.Vertex] = []
        var i = iS
        let step = side == .right ? 1 : hull.count - 1
        while true {
            path.append(hull[i])
            if i == iR { break }
            i = (i + step) % hull.count
        }
        guard path.count > 2 else { return nil }

        var points: [ProfilePoint] = []
        for leg in 0 ..< path.count - 1 {
            let a = path[leg], b = path[leg + 1]
            let last = leg == path.count - 2
            var legPoints = builder.leg(from: a.plan, z: a.z, kind: leg == 0 ? .source : .verticalEdge,
                                        to: b.plan, z: b.z, kind: last ? .receiver : .verticalEdge)
            if !last { legPoints.removeLast() }
            points += legPoints
        }
        let kind: CutProfile.Path = side == .left ? (curved ? .leftCurved : .left) : (curved ? .rightCurved : .right)
        return CutProfile(name: scene.name, path: kind, points: points)
    }

    /// An outline in the frame where the favourable ray is straight: every point lowered by the
    /// height of the ray's arc of radius Γ = max(1000, 8 d) (eq. 2.5.24) above the chord S-R at
    /// its distance from the source.
    private func lowered(_ outline: [Scene.Vertex]) -> [Scene.Vertex] {
        let s = builder.scene.source.position.plan, r = builder.scene.receiver.plan
        let d = s.distance(to: r)
        let radius = max(1000, 8 * d)
        let chordHeight = (radius * radius - d * d / 4).squareRoot()
        return outline.map { v in
            let offset = v.plan.distance(to: s) - d / 2
            return Scene.Vertex(v.x, v.y, v.z + chordHeight - (radius * radius - offset * offset).squareRoot())
        }
    }

    /// The points an obstacle can be gone round by, in order along its outline: a building's
    /// convex corners (closed, the first repeated), each wall segment's two ends.
    private func outlines(of obstacle: Int) -> [[Scene.Vertex]] {
        let scene = builder.scene
        let c = Self.clearance
        if obstacle < scene.buildings.count {
            let ring = scene.buildings[obstacle].ring
            var corners: [Scene.Vertex] = []
            for i in ring.indices {
                let v = ring[i], previous = ring[(i + ring.count - 1) % ring.count], next = ring[(i + 1) % ring.count]
                let toPrevious = (previous.plan - v.plan).unit, toNext = (next.plan - v.plan).unit
                // Interior angle of the counter-clockwise ring; NoiseModelling keeps corners whose
                // open angle is within (1 + 1/16) pi .. (2 - 1/16) pi.
                var interior = atan2(toNext.cross(toPrevious), toNext.dot(toPrevious))
                if interior < 0 { interior += 2 * Double.pi }
                guard interior > Double.pi / 16, interior < Double.pi * 15 / 16 else { continue }
                let outward = ((v.plan - previous.plan).unit + (v.plan - next.plan).unit).unit
                let p = v.plan + outward * c
                corners.append(Scene.Vertex(p.x, p.y, v.z + c))
            }
            return corners.isEmpty ? [] : [corners + [corners[0]]]
        }
        let line = scene.walls[obstacle - scene.buildings.count].line
        return (0 ..< line.count - 1).compactMap { i in
            let a = line[i], b = line[i + 1]
            let d = (b.plan - a.plan).unit * c
            guard d.length > 0 else { return nil }
            return [Scene.Vertex(a.x - d.x, a.y - d.y, a.z), Scene.Vertex(b.x + d.x, b.y + d.y, b.z)]
        }
    }

    /// What of an outline rises above the plane, on the plane: each point above it (moved down
    /// onto the plane) and each place where the outline between two points passes through it.
    private func cut(_ outline: [Scene.Vertex], planeZ: (PlanPoint) -> Double) -> [Scene.Vertex] {
        var result: [Scene.Vertex] = []
        var previous: (Scene.Vertex, Double)?
        for current in outline {
            let offset = current.z - planeZ(current.plan)
            if let (p, pOffset) = previous, (offset >= 0) != (pOffset >= 0) {
                let f = pOffset / (pOffset - offset)
                let x = p.x + f * (current.x - p.x), y = p.y + f * (current.y - p.y)
                result.append(Scene.Vertex(x, y, p.z + f * (current.z - p.z)))
            }
            if offset >= 0 { result.append(Scene.Vertex(current.x, current.y, planeZ(current.plan))) }
            previous = (current, offset)
        }
        return result
    }
}
