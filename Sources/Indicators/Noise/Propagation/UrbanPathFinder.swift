import CNOSSOS

/// Finds the CNOSSOS-EU paths between a facade receiver and a point source on a street, in a
/// district of flat ground with buildings: the direct path in the vertical plane (diffraction over
/// the roofs it crosses) and first-order reflections on facades (image receiver, Annex II 2.5.6
/// "Reflections on vertical obstacles"), each as a `CutProfile` for the evaluator.
///
/// The terrain is flat (districts carry no elevation model): every `z_ground` is 0. Buildings are
/// prisms of their height; the ground factor comes from `GroundZones`.
struct UrbanPathFinder: Sendable {
    let walls: WallIndex
    let ground: GroundZones
    /// Absorption per band of every facade: NoiseModelling's default for an obstacle without one
    /// (an impedance model with sigma 20,000 kPa s/m2; the values of the ISO/TR 17534-4 profiles),
    /// a reflection loss of 0.02 to 0.7 dB.
    static let facadeAlpha = SIMD8<Double>(0.004918209037966988, 0.008088162780793065, 0.013267721240171722, 0.02168493917994337,
                                           0.03525564533465828, 0.056883929412881944, 0.09077715686040604, 0.14258583864393162)
    var sourceHeight = 0.05
    var receiverHeight = 4.0

    /// One event along a ray: a facade or a ground-zone boundary, at fraction t of the ray.
    private struct Event {
        var t: Double
        var x: Double, y: Double
        var wall: Int?
        var entering = false
        var zone: Int32 = -1
    }

    /// The direct path from a source at (sx, sy) to the receiver at (rx, ry). `receiverZones` are
    /// the ground zones that contain the receiver.
    /// `crossedBuildings` are the buildings whose facades the path crosses (the ones a lateral path
    /// goes round), found on the same walk.
    func directProfile(sx: Double, sy: Double, rx: Double, ry: Double, receiverZones: [Int32],
                       scratch: inout QueryScratch) -> (profile: CutProfile, crossedBuildings: Set<Int32>) {
        let leg = self.leg(from: (sx, sy), to: (rx, ry), endZones: receiverZones, excluding: [], scratch: &scratch)
        var points = [ProfilePoint(kind: .source, x: sx, y: sy, z: sourceHeight, zGround: 0, g: leg.firstG)]
        points += leg.points
        points.append(ProfilePoint(kind: .receiver, x: rx, y: ry, z: receiverHeight, zGround: 0, g: leg.lastG))
        return (CutProfile(path: .direct, points: points, sourceGroundFactor: 0), Set(leg.crossed))
    }

    /// What the straight line from a source to the receiver crosses, found without building its
    /// profile: most lines are free, or deferred on an estimate and never evaluated.
    struct LineOfSight {
        /// Whether the line crosses a wall; the walls of the cell nearest the receiver that has any
        /// are the ones in `tops`.
        var crossesWalls = false
        var crossesGround = false
        /// Wall tops crossed, for `ExcessEstimate`; `tops.length` is the horizontal distance.
        var tops: ExcessEstimate.WallTops
    }

    /// The line walked from the receiver, as far as the first grid cell where it crosses walls:
    /// a top near an end of the path gives a large path difference, and the walk is most of the
    /// cost of a path that is then left out.
    func lineOfSight(sx: Double, sy: Double, rx: Double, ry: Double, scratch: inout QueryScratch) -> LineOfSight {
        let length = ((rx - sx) * (rx - sx) + (ry - sy) * (ry - sy)).squareRoot()
        var sight = LineOfSight(tops: ExcessEstimate.WallTops(length: length, sourceHeight: sourceHeight, receiverHeight: receiverHeight))
        walls.grid.forEachCandidate(ax: rx, ay: ry, bx: sx, by: sy, scratch: &scratch, stopAfterCell: { sight.crossesWalls }) { index in
            guard let hit = walls.grid.crossing(index, px: rx, py: ry, qx: sx, qy: sy) else { return }
            sight.crossesWalls = true
            sight.tops.include(x: (1 - hit.t) * length, top: walls.heights[Int(walls.grid.edges[index].owner)])
        }
        if !ground.isEmpty, !sight.crossesWalls {
            ground.grid.forEachCandidate(ax: sx, ay: sy, bx: rx, by: ry, scratch: &scratch, stopAfterCell: { sight.crossesGround }) { index in
                if ground.grid.crossing(index, px: sx, py: sy, qx: rx, qy: ry) != nil { sight.crossesGround = true }
            }
        }
        return sight
    }

    /// Whether the straight line between two points crosses a facade other than `wall` and
    /// `other` (the walls it reflects on at its ends; -1 for none). The walk stops at the first
    /// cell where it does.
    func isBlocked(ax: Double, ay: Double, bx: Double, by: Double, excluding wall: Int = -1, _ other: Int = -1,
                   scratch: inout QueryScratch) -> Bool {
        var blocked = false
        walls.grid.forEachCandidate(ax: ax, ay: ay, bx: bx, by: by, scratch: &scratch, stopAfterCell: { blocked }) { index in
            if !blocked, index != wall, index != other, walls.grid.crossing(index, px: ax, py: ay, qx: bx, qy: by) != nil { blocked = true }
        }
        return blocked
    }

    /// The path reflected on the walls `reflections` (in order from the source, each at its
    /// specular point), as one profile unfolded at the reflection points. nil when the ray would pass
    /// over a wall's top.
    func reflectedProfile(sx: Double, sy: Double, via reflections: [(x: Double, y: Double, wall: Int)], rx: Double, ry: Double,
                          receiverZones: [Int32], scratch: inout QueryScratch) -> CutProfile? {
        let vertices = [(sx, sy)] + reflections.map { ($0.x, $0.y) } + [(rx, ry)]
        var along = [0.0]
        for (a, b) in zip(vertices, vertices.dropFirst()) {
            along.append(along[along.count - 1] + ((b.0 - a.0) * (b.0 - a.0) + (b.1 - a.1) * (b.1 - a.1)).squareRoot())
        }
        let total = along[along.count - 1]
        guard total > 0 else { return nil }
        var heights: [Double] = []
        for (index, reflection) in reflections.enumerated() {
            let rayHeight = sourceHeight + (receiverHeight - sourceHeight) * along[index + 1] / total
            guard rayHeight <= walls.heights[Int(walls.grid.edges[reflection.wall].owner)] else { return nil }
            heights.append(rayHeight)
        }
        // Legs from the receiver back to the source: each leg's end zones are the next one's start.
        let walls = reflections.map(\.wall)
        var legs: [(points: [ProfilePoint], startZones: [Int32], firstG: Double, lastG: Double, crossed: [Int32])] = []
        var zones = receiverZones
        for index in stride(from: vertices.count - 2, through: 0, by: -1) {
            let excluded = [index > 0 ? walls[index - 1] : nil, index < walls.count ? walls[index] : nil].compactMap { $0 }
            let leg = self.leg(from: vertices[index], to: vertices[index + 1], endZones: zones, excluding: excluded, scratch: &scratch)
            legs.insert(leg, at: 0)
            zones = leg.startZones
        }
        var points = [ProfilePoint(kind: .source, x: sx, y: sy, z: sourceHeight, zGround: 0, g: legs[0].firstG)]
        for (index, reflection) in reflections.enumerated() {
            points += legs[index].points
            let edge = self.walls.grid.edges[reflection.wall]
            let height = self.walls.heights[Int(edge.owner)]
            points.append(ProfilePoint(kind: .reflection, x: reflection.x, y: reflection.y, z: heights[index], zGround: 0,
                                       g: legs[index + 1].firstG,
                                       wall: ProfilePoint.Wall(start: (edge.ax, edge.ay, height), end: (edge.bx, edge.by, height),
                                                               absorption: Self.facadeAlpha)))
        }
        points += legs[legs.count - 1].points
        points.append(ProfilePoint(kind: .receiver, x: rx, y: ry, z: receiverHeight, zGround: 0, g: legs[legs.count - 1].lastG))
        return CutProfile(path: .reflection, points: points, sourceGroundFactor: 0)
    }

    /// The facade and ground-zone crossings of the leg from `a` to `b`, each with the G of the
    /// stretch after it; the G before the first crossing, and the zones at `a`, found by walking back
    /// from `b`, whose zones are known.
    func leg(from a: (Double, Double), to b: (Double, Double), endZones: [Int32], excluding: [Int],
                     scratch: inout QueryScratch)
        -> (points: [ProfilePoint], startZones: [Int32], firstG: Double, lastG: Double, crossed: [Int32]) {
        var events: [Event] = []
        walls.grid.forEachCandidate(ax: a.0, ay: a.1, bx: b.0, by: b.1, scratch: &scratch) { index in
            guard !excluding.contains(index), let hit = walls.grid.crossing(index, px: a.0, py: a.1, qx: b.0, qy: b.1) else { return }
            let normal = walls.normals[index]
            let entering = (b.0 - a.0) * normal.x + (b.1 - a.1) * normal.y < 0
            events.append(Event(t: hit.t, x: a.0 + hit.t * (b.0 - a.0), y: a.1 + hit.t * (b.1 - a.1), wall: index, entering: entering))
        }
        if !ground.isEmpty {
            ground.grid.forEachCandidate(ax: a.0, ay: a.1, bx: b.0, by: b.1, scratch: &scratch) { index in
                guard let hit = ground.grid.crossing(index, px: a.0, py: a.1, qx: b.0, qy: b.1) else { return }
                events.append(Event(t: hit.t, x: a.0 + hit.t * (b.0 - a.0), y: a.1 + hit.t * (b.1 - a.1),
                                    zone: ground.grid.edges[index].owner))
            }
        }
        events.sort { $0.t < $1.t }
        var active = endZones
        var gAfter = [Double](repeating: 0, count: events.count)
        for index in events.indices.reversed() {
            gAfter[index] = g(of: active)
            let zone = events[index].zone
            if zone >= 0 {
                if let position = active.firstIndex(of: zone) { active.remove(at: position) } else { active.append(zone) }
            }
        }
        var points: [ProfilePoint] = []
        points.reserveCapacity(events.count)
        for (index, event) in events.enumerated() {
            if let wall = event.wall {
                let edge = walls.grid.edges[wall]
                let height = walls.heights[Int(edge.owner)]
                points.append(ProfilePoint(kind: .wall, x: event.x, y: event.y, z: height, zGround: 0, g: gAfter[index],
                                           wall: ProfilePoint.Wall(start: (edge.ax, edge.ay, height), end: (edge.bx, edge.by, height),
                                                                   absorption: Self.facadeAlpha),
                                           crossing: event.entering ? .buildingEnter : .buildingExit))
            } else {
                points.append(ProfilePoint(kind: .ground, x: event.x, y: event.y, z: 0, zGround: 0, g: gAfter[index]))
            }
        }
        let crossed = events.compactMap { $0.wall.map { walls.grid.edges[$0].owner } }
        return (points, active, g(of: active), gAfter.last ?? g(of: active), crossed)
    }

    /// The G of ground inside `zones` (the largest), else the default.
    func g(of zones: [Int32]) -> Double {
        zones.isEmpty ? ground.defaultG : zones.map { ground.g[Int($0)] }.max() ?? ground.defaultG
    }
}
