/// The terrain height along a straight line in plan, from the scene's break lines.
///
/// NoiseModelling triangulates the break lines (a constrained Delaunay TIN) and takes z = 0
/// outside it. We do not triangulate: every face between break lines is planar in the ISO
/// scenes (scenes README: "any triangulation of the effective lines gives the same surface"), so
/// along a line the terrain is linear between the places where the line crosses a break line or
/// the edge of the TIN (the convex hull of the break lines' vertices, which is an edge of every
/// triangulation of them). Those crossings, with their z, make the section; outside the first and
/// the last the line is off the TIN and the terrain is at z = 0.
///
/// The section is exact wherever that premise holds; where two non-coplanar faces would meet
/// along a triangulation edge that is not a break line, it interpolates across the edge and a
/// real TIN would differ.
struct TerrainSection {
    /// Crossings along the line: parameter t (0 at `from`, 1 at `to`, beyond on either side) and z.
    private(set) var crossings: [(t: Double, z: Double)]
    /// Length of the line from `from` to `to`, to turn t into metres.
    let length: Double

    init(from a: PlanPoint, to b: PlanPoint, terrain: Terrain) {
        length = a.distance(to: b)
        var found: [(t: Double, z: Double)] = []
        let direction = b - a
        for segment in terrain.segments {
            let c = segment.0.plan, d = segment.1.plan
            let s = d - c
            let denominator = direction.cross(s)
            guard abs(denominator) > 1e-12 * max(1, direction.length * s.length) else { continue }
            let t = (c - a).cross(s) / denominator
            let u = (c - a).cross(direction) / denominator
            guard u >= -1e-9, u <= 1 + 1e-9 else { continue }
            let clamped = min(max(u, 0), 1)
            found.append((t, segment.0.z + clamped * (segment.1.z - segment.0.z)))
        }
        found.sort { $0.t < $1.t }
        var unique: [(t: Double, z: Double)] = []
        let tolerance = length > 0 ? 1e-7 / length : 0
        for crossing in found {
            if let last = unique.last, crossing.t - last.t <= tolerance { continue }
            unique.append(crossing)
        }
        crossings = unique
    }

    /// The terrain height at parameter t.
    func z(at t: Double) -> Double {
        guard let first = crossings.first, let last = crossings.last, t >= first.t - 1e-12, t <= last.t + 1e-12 else {
            return 0
        }
        if crossings.count == 1 { return first.z }
        var upper = crossings.firstIndex { $0.t >= t } ?? crossings.count - 1
        upper = max(upper, 1)
        let p = crossings[upper - 1], q = crossings[upper]
        guard q.t > p.t else { return q.z }
        return p.z + (t - p.t) / (q.t - p.t) * (q.z - p.z)
    }

    /// The crossings strictly inside (0, 1) where the slope of the terrain changes: the
    /// `topography` points of a cut profile. A break line crossed where the slope goes on
    /// unchanged (a diagonal inside a planar face) makes no point, as in NoiseModelling's profiles.
    var slopeBreaks: [(t: Double, z: Double)] {
        guard length > 0 else { return [] }
        var result: [(t: Double, z: Double)] = []
        for index in crossings.indices {
            let c = crossings[index]
            guard c.t > 1e-9, c.t < 1 - 1e-9 else { continue }
            let before = index > 0 ? slope(crossings[index - 1], c) : 0
            let after = index < crossings.count - 1 ? slope(c, crossings[index + 1]) : 0
            if abs(after - before) > 1e-6 { result.append(c) }
        }
        return result
    }

    private func slope(_ p: (t: Double, z: Double), _ q: (t: Double, z: Double)) -> Double {
        (q.z - p.z) / ((q.t - p.t) * length)
    }
}

/// The break lines of a scene as segments, with the edge of their triangulation.
struct Terrain: Sendable {
    /// Every break-line segment and every edge of the convex hull of their vertices.
    let segments: [(Scene.Vertex, Scene.Vertex)]

    init(breakLines: [[Scene.Vertex]]) {
        var segments: [(Scene.Vertex, Scene.Vertex)] = []
        for line in breakLines {
            for index in 0 ..< line.count - 1 where line[index].plan != line[index + 1].plan {
                segments.append((line[index], line[index + 1]))
            }
        }
        let hull = convexHull(breakLines.flatMap { $0 }, plan: \.plan)
        if hull.count >= 3 {
            for index in hull.indices { segments.append((hull[index], hull[(index + 1) % hull.count])) }
        }
        self.segments = segments
    }
}
