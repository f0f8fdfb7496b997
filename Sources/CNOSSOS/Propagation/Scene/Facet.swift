/// A vertical face of an obstacle: a building facade or one segment of a thin wall, with its top
/// corners. Cut profiles meet obstacles through their facets (`wall` points), reflections happen
/// on them, and lateral paths go round the obstacles they belong to.
struct Facet: Sendable {
    /// Top corners. A building's facades run counter-clockwise round it, so its inside is on
    /// the left of start -> end.
    var start: Scene.Vertex
    var end: Scene.Vertex
    var alpha: [Double]
    /// The building it belongs to, nil for a thin wall.
    var building: Int?
    /// The obstacle it belongs to: buildings are numbered first, then walls.
    var obstacle: Int

    /// The top's elevation at fraction u of the way from start to end (walls may slope).
    func top(at u: Double) -> Double { start.z + u * (end.z - start.z) }

    /// The facet as a profile stores it. NoiseModelling keeps building facades clockwise, so a
    /// facade is written end -> start (the profiles of the ISO cases do so); a wall as drawn.
    var profileWall: ProfilePoint.Wall {
        let (a, b) = building == nil ? (start, end) : (end, start)
        return ProfilePoint.Wall(start: (a.x, a.y, a.z), end: (b.x, b.y, b.z), alpha: alpha)
    }
}

extension Scene {
    /// Every facade of every building and every segment of every wall.
    var facets: [Facet] {
        var result: [Facet] = []
        for (index, building) in buildings.enumerated() {
            for i in building.ring.indices {
                result.append(Facet(start: building.ring[i], end: building.ring[(i + 1) % building.ring.count],
                                    alpha: building.alpha, building: index, obstacle: index))
            }
        }
        for (index, wall) in walls.enumerated() {
            for i in 0 ..< wall.line.count - 1 where wall.line[i].plan != wall.line[i + 1].plan {
                result.append(Facet(start: wall.line[i], end: wall.line[i + 1], alpha: wall.alpha, building: nil,
                                    obstacle: buildings.count + index))
            }
        }
        return result
    }

    /// The ground factor G of the zone at a point, nil outside every zone.
    func zoneG(at p: PlanPoint) -> Double? {
        groundZones.first { ringContains($0.shell, p) && !$0.holes.contains { ringContains($0, p) } }?.g
    }
}
