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
    func directProfile(sx: Double, sy: Double, rx: Double, ry: Double, receiverZones: [Int32],
                       scratch: inout QueryScratch) -> CutProfile {
        let leg = self.leg(from: (sx, sy), to: (rx, ry), endZones: receiverZones, excluding: nil, scratch: &scratch)
        var points = [ProfilePoint(kind: .source, x: sx, y: sy, z: sourceHeight, zGround: 0, g: leg.firstG)]
        points += leg.points
        points.append(ProfilePoint(kind: .receiver, x: rx, y: ry, z: receiverHeight, zGround: 0, g: leg.lastG))
        return CutProfile(path: .direct, points: points, sourceGroundFactor: 0)
    }

    /// Whether the straight line between two points crosses a facade other than `excluding`.
    func isBlocked(ax: Double, ay: Double, bx: Double, by: Double, excluding: Int?, scratch: inout QueryScratch) -> Bool {
        var blocked = false
        walls.grid.forEachCandidate(ax: ax, ay: ay, bx: bx, by: by, scratch: &scratch) { index in
            if !blocked, index != excluding, walls.grid.crossing(index, px: ax, py: ay, qx: bx, qy: by) != nil { blocked = true }
        }
        return blocked
    }

    /// The path reflected on wall `wall` at (px, py), from the source to the receiver, as one
    /// profile unfolded at the reflection point. nil when the ray would pass over the wall's top.
    func reflectedProfile(sx: Double, sy: Double, px: Double, py: Double, rx: Double, ry: Double, wall: Int,
                          receiverZones: [Int32], scratch: inout QueryScratch) -> CutProfile? {
        let first = ((px - sx) * (px - sx) + (py - sy) * (py - sy)).squareRoot()
        let second = ((rx - px) * (rx - px) + (ry - py) * (ry - py)).squareRoot()
        guard first + second > 0 else { return nil }
        let edge = walls.grid.edges[wall]
        let height = walls.heights[Int(edge.owner)]
        let rayHeight = sourceHeight + (receiverHeight - sourceHeight) * first / (first + second)
        guard rayHeight <= height else { return nil }
        let toReceiver = leg(from: (px, py), to: (rx, ry), endZones: receiverZones, excluding: wall, scratch: &scratch)
        let fromSource = leg(from: (sx, sy), to: (px, py), endZones: toReceiver.startZones, excluding: wall, scratch: &scratch)
        var points = [ProfilePoint(kind: .source, x: sx, y: sy, z: sourceHeight, zGround: 0, g: fromSource.firstG)]
        points += fromSource.points
        points.append(ProfilePoint(kind: .reflection, x: px, y: py, z: rayHeight, zGround: 0, g: toReceiver.firstG,
                                   wall: ProfilePoint.Wall(start: (edge.ax, edge.ay, height), end: (edge.bx, edge.by, height),
                                                           absorption: Self.facadeAlpha)))
        points += toReceiver.points
        points.append(ProfilePoint(kind: .receiver, x: rx, y: ry, z: receiverHeight, zGround: 0, g: toReceiver.lastG))
        return CutProfile(path: .reflection, points: points, sourceGroundFactor: 0)
    }

    /// The facade and ground-zone crossings of the leg from `a` to `b`, each with the G of the
    /// stretch after it; the G before the first crossing, and the zones at `a`, found by walking back
    /// from `b`, whose zones are known.
    private func leg(from a: (Double, Double), to b: (Double, Double), endZones: [Int32], excluding: Int?,
                     scratch: inout QueryScratch) -> (points: [ProfilePoint], startZones: [Int32], firstG: Double, lastG: Double) {
        var events: [Event] = []
        walls.grid.forEachCandidate(ax: a.0, ay: a.1, bx: b.0, by: b.1, scratch: &scratch) { index in
            guard index != excluding, let hit = walls.grid.crossing(index, px: a.0, py: a.1, qx: b.0, qy: b.1) else { return }
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
        return (points, active, g(of: active), gAfter.last ?? g(of: active))
    }

    private func g(of zones: [Int32]) -> Double {
        zones.isEmpty ? ground.defaultG : zones.map { ground.g[Int($0)] }.max() ?? ground.defaultG
    }
}
