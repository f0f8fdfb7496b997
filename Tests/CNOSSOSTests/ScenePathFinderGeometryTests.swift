import CNOSSOS
import Foundation
import Testing

/// The path finder on small scenes whose profiles can be worked out by hand.
@Suite("Scene path finder on hand-made scenes")
struct ScenePathFinderGeometryTests {
    static let hard = [Double](repeating: 0.1, count: 8)

    static func scene(receiver: Scene.Vertex = Scene.Vertex(100, 0, 4), buildings: [Scene.Building] = [],
                      walls: [Scene.Wall] = [], zones: [Scene.GroundZone] = [], breakLines: [[Scene.Vertex]] = [],
                      reflections: Int = 0) -> Scene {
        var settings = Scene.Settings()
        settings.reflectionOrder = reflections
        settings.defaultGroundG = 1
        return Scene(name: "hand", source: Scene.Source(position: Scene.Vertex(0, 0, 1), power: Array(repeating: 93, count: 8)),
                     receiver: receiver, buildings: buildings, walls: walls, groundZones: zones, breakLines: breakLines,
                     settings: settings)
    }

    @Test func terrainIsLinearBetweenBreakLinesAndZeroOffIt() throws {
        // A ramp from z = 0 at x = 40 up to a plateau at z = 5 from x = 60 to 120; a G = 0.3 zone from x = 50 on.
        let lines = [[Scene.Vertex(40, -50, 0), Scene.Vertex(40, 50, 0)], [Scene.Vertex(60, -50, 5), Scene.Vertex(60, 50, 5)],
                     [Scene.Vertex(120, -50, 5), Scene.Vertex(120, 50, 5)]]
        let zone = Scene.GroundZone(shell: [PlanPoint(50, -60), PlanPoint(200, -60), PlanPoint(200, 60), PlanPoint(50, 60)],
                                    holes: [], g: 0.3)
        let profiles = ScenePathFinder(scene: Self.scene(receiver: Scene.Vertex(100, 0, 9), zones: [zone], breakLines: lines)).profiles()
        let direct = try #require(profiles.first)
        #expect(profiles.count == 1 && direct.path == .direct)
        #expect(direct.points.map(\.kind) == [.source, .topography, .ground, .topography, .receiver])
        #expect(direct.points.map(\.x) == [0, 40, 50, 60, 100])
        let heights = direct.points.map(\.zGround)
        #expect(zip(heights, [0, 0, 2.5, 5, 5]).allSatisfy { abs($0 - $1) < 1e-9 })  // the source is off the TIN: z = 0
        #expect(direct.points.map(\.g) == [1, 1, 0.3, 0.3, 0.3])  // G = the default until the zone
    }

    @Test func aBuildingOnThePathIsEnteredLeftAndGoneRound() throws {
        let building = Scene.Building(ring: [Scene.Vertex(20, -5, 10), Scene.Vertex(30, -5, 10), Scene.Vertex(30, 5, 10),
                                             Scene.Vertex(20, 5, 10)], alpha: Self.hard)
        let profiles = ScenePathFinder(scene: Self.scene(buildings: [building])).profiles()
        #expect(profiles.map(\.path) == [.direct, .left, .leftCurved, .right, .rightCurved])
        let direct = profiles[0]
        #expect(direct.points.map(\.crossing) == [nil, .buildingEnter, .buildingExit, nil])
        #expect(direct.points[1].x == 20 && direct.points[1].z == 10)
        // Facades as NoiseModelling stores them, clockwise: the one entered runs from (20, -5) to (20, 5).
        #expect(direct.points[1].wall?.corners == [20, -5, 10, 20, 5, 10])
        // Left goes round the north corners 1.5 cm out along their bisectors, at the height of the
        // plane through S and R there.
        let left = profiles[1]
        #expect(left.points.map(\.kind) == [.source, .verticalEdge, .verticalEdge, .receiver])
        let offset = 0.015 / 2.0.squareRoot()
        #expect(abs(left.points[1].x - (20 - offset)) < 1e-9 && abs(left.points[1].y - (5 + offset)) < 1e-9)
        #expect(abs(left.points[2].x - (30 + offset)) < 1e-9)
        #expect(abs(left.points[1].z - (1 + 3 * (20 - offset) / 100)) < 1e-9)
        #expect(profiles[3].points[1].y < -5)
    }

    @Test func aWallReflectsWhereTheImageRayMeetsIt() throws {
        let wall = Scene.Wall(line: [Scene.Vertex(40, 20, 10), Scene.Vertex(60, 20, 10)], alpha: Self.hard)
        let profiles = ScenePathFinder(scene: Self.scene(receiver: Scene.Vertex(100, 0, 1), walls: [wall], reflections: 1)).profiles()
        #expect(profiles.map(\.path) == [.direct, .reflection])
        let reflection = try #require(profiles.last?.points.first { $0.kind == .reflection })
        // The image of R in y = 20 is (100, 40); the ray from S meets the wall at (50, 20), moved 1 mm back towards S.
        let back = 0.001 / (50.0 * 50 + 20 * 20).squareRoot()
        #expect(abs(reflection.x - (50 - 50 * back)) < 1e-9 && abs(reflection.y - (20 - 20 * back)) < 1e-9)
        #expect(abs(reflection.z - 1) < 1e-9)
        #expect(reflection.wall?.alpha == Self.hard)

        // A wall below the reflected ray reflects nothing.
        let low = Scene.Wall(line: [Scene.Vertex(40, 20, 0.5), Scene.Vertex(60, 20, 0.5)], alpha: Self.hard)
        let none = ScenePathFinder(scene: Self.scene(receiver: Scene.Vertex(100, 0, 1), walls: [low], reflections: 1)).profiles()
        #expect(none.map(\.path) == [.direct])
    }

    @Test func sceneFilesAreCheckedAndBuildingsTurnedCounterClockwise() throws {
        let json = #"""
        {"type": "FeatureCollection", "name": "mini", "settings": {"reflection_order": 0, "temperature_c": 12},
         "features": [
          {"type": "Feature", "properties": {"layer": "source", "lw_db": [90, 90, 90, 90, 90, 90, 90, 90]},
           "geometry": {"type": "Point", "coordinates": [0, 0, 1]}},
          {"type": "Feature", "properties": {"layer": "receiver"}, "geometry": {"type": "Point", "coordinates": [50, 0, 4]}},
          {"type": "Feature", "properties": {"layer": "building"},
           "geometry": {"type": "Polygon", "coordinates": [[[20, 5, 8], [30, 5, 8], [30, -5, 8], [20, -5, 8], [20, 5, 8]]]}},
          {"type": "Feature", "properties": {"layer": "topography", "nm_effective": false},
           "geometry": {"type": "LineString", "coordinates": [[0, 10, 3], [50, 10, 3]]}}
         ]}
        """#
        let scene = try Scene(geoJSON: Data(json.utf8))
        #expect(scene.name == "mini" && scene.settings.reflectionOrder == 0 && scene.settings.temperature == 12)
        #expect(scene.breakLines.isEmpty)  // a line the triangulation did not keep is left out
        // Given clockwise: reversed to counter-clockwise, and not closed.
        #expect(scene.buildings[0].ring.map { [$0.x, $0.y] } == [[20, -5], [30, -5], [30, 5], [20, 5]])
        #expect(scene.buildings[0].alpha == Array(repeating: 0, count: 8))

        #expect { try Scene(geoJSON: Data(json.replacingOccurrences(of: "[90, 90, 90, 90, 90, 90, 90, 90]", with: "[90]").utf8)) }
            throws: { "\($0)".contains("lw_db") }
        #expect { try Scene(geoJSON: Data(json.replacingOccurrences(of: "\"topography\"", with: "\"pond\"").utf8)) }
            throws: { "\($0)".contains("feature 3") && "\($0)".contains("unknown layer") }
    }
}
