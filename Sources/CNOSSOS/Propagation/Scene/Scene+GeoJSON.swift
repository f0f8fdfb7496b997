import Foundation

/// Reading a scene from GeoJSON in the ISO/TR 17534-4 scene schema
/// (`../shared/data/iso_17534_4/scenes/README.md`): a FeatureCollection in a local metric frame
/// whose features carry `properties.layer` = source | receiver | building | wall | ground |
/// topography, and a top-level `settings` member.
extension Scene {
    public struct DecodingError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Decodes a scene. `name` labels it when the file has no `name` member.
    public init(geoJSON data: Data, name fallbackName: String = "") throws {
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let features = root["features"] as? [[String: Any]] else {
            throw DecodingError(description: "not a GeoJSON FeatureCollection")
        }
        var source: Source?
        var receiver: Vertex?
        var buildings: [Building] = [], walls: [Wall] = [], zones: [GroundZone] = [], lines: [[Vertex]] = []
        for (index, feature) in features.enumerated() {
            let properties = feature["properties"] as? [String: Any] ?? [:]
            let geometry = feature["geometry"] as? [String: Any] ?? [:]
            let coordinates = geometry["coordinates"]
            func fail(_ message: String) -> DecodingError {
                DecodingError(description: "feature \(index) (\(properties["layer"] ?? "no layer")): \(message)")
            }
            switch properties["layer"] as? String {
            case "source":
                guard let point = Self.vertex(coordinates) else { throw fail("a source is a Point [x, y, z]") }
                let power = properties["lw_db"] as? [Double] ?? []
                guard power.count == 8, power.allSatisfy(\.isFinite) else { throw fail("lw_db needs 8 levels, 63 Hz..8 kHz") }
                source = Source(position: point, power: power)
            case "receiver":
                guard let point = Self.vertex(coordinates) else { throw fail("a receiver is a Point [x, y, z]") }
                receiver = point
            case "building":
                guard let rings = coordinates as? [Any], let shell = Self.vertices(rings.first), shell.count >= 4 else {
                    throw fail("a building is a Polygon with 3D coordinates (z = roof elevation)")
                }
                let ring = Array(shell.dropLast(shell.first == shell.last ? 1 : 0))
                buildings.append(Building(ring: ring, alpha: try Self.alpha(properties, fail)))
            case "wall":
                guard let line = Self.vertices(coordinates), line.count >= 2 else {
                    throw fail("a wall is a LineString with 3D coordinates (z = top elevation)")
                }
                walls.append(Wall(line: line, alpha: try Self.alpha(properties, fail)))
            case "ground":
                guard let rings = (coordinates as? [Any])?.map({ Self.planRing($0) }), let shell = rings.first ?? nil,
                      rings.allSatisfy({ $0 != nil }) else {
                    throw fail("a ground zone is a Polygon")
                }
                guard let g = properties["g"] as? Double, (0 ... 1).contains(g) else { throw fail("g must be in 0...1") }
                zones.append(GroundZone(shell: shell, holes: rings.dropFirst().compactMap { $0 }, g: g))
            case "topography":
                // A line NoiseModelling's triangulation did not keep is left out (scenes README).
                if properties["nm_effective"] as? Bool == false { continue }
                guard let line = Self.vertices(coordinates), line.count >= 2 else {
                    throw fail("a break line is a LineString with 3D coordinates")
                }
                lines.append(line)
            default:
                throw fail("unknown layer (source, receiver, building, wall, ground, topography)")
            }
        }
        guard let source else { throw DecodingError(description: "the scene has no source") }
        guard let receiver else { throw DecodingError(description: "the scene has no receiver") }
        guard source.position.plan != receiver.plan else {
            throw DecodingError(description: "source and receiver are at the same place")
        }
        self.init(name: root["name"] as? String ?? fallbackName, source: source, receiver: receiver,
                  buildings: buildings, walls: walls, groundZones: zones, breakLines: lines,
                  settings: Self.settings(root["settings"] as? [String: Any] ?? [:]))
    }

    private static func settings(_ raw: [String: Any]) -> Settings {
        var settings = Settings()
        if let value = raw["reflection_order"] as? Int { settings.reflectionOrder = value }
        if let value = raw["lateral_diffraction"] as? Bool { settings.lateralDiffraction = value }
        if let value = raw["vertical_diffraction"] as? Bool { settings.verticalDiffraction = value }
        if let value = raw["temperature_c"] as? Double { settings.temperature = value }
        if let value = raw["humidity_pct"] as? Double { settings.humidity = value }
        if let value = raw["p_favourable"] as? Double { settings.favourableProbability = value }
        if let value = raw["default_ground_g"] as? Double { settings.defaultGroundG = value }
        if let value = raw["max_source_distance_m"] as? Double { settings.maxSourceDistance = value }
        if let value = raw["max_reflection_distance_m"] as? Double { settings.maxReflectionDistance = value }
        if let value = raw["profiles"] as? [String] { settings.profiles = value }
        return settings
    }

    private static func alpha(_ properties: [String: Any], _ fail: (String) -> DecodingError) throws -> [Double] {
        guard let alpha = properties["alpha"] as? [Double] else { return Array(repeating: 0, count: 8) }
        guard alpha.count == 8, alpha.allSatisfy({ (0 ..< 1).contains($0) }) else {
            throw fail("alpha needs 8 values in 0..<1")
        }
        return alpha
    }

    private static func vertex(_ raw: Any?) -> Vertex? {
        guard let numbers = raw as? [Double], numbers.count == 3, numbers.allSatisfy(\.isFinite) else { return nil }
        return Vertex(numbers[0], numbers[1], numbers[2])
    }

    private static func vertices(_ raw: Any?) -> [Vertex]? {
        guard let list = raw as? [Any] else { return nil }
        let result = list.compactMap { vertex($0) }
        return result.count == list.count ? result : nil
    }

    /// A 2D ring, without its closing vertex.
    private static func planRing(_ raw: Any) -> [PlanPoint]? {
        guard let list = raw as? [[Double]], list.count >= 4, list.allSatisfy({ $0.count >= 2 && $0.allSatisfy(\.isFinite) }) else {
            return nil
        }
        let ring = list.map { PlanPoint($0[0], $0[1]) }
        return Array(ring.dropLast(ring.first == ring.last ? 1 : 0))
    }
}
