import Foundation

/// Reading cut profiles in the ISO/TR 17534-4 schema (`../shared/data/iso_17534_4/README.md`):
/// `{"case": "TC01", "path": "direct", "curved": false, "points": [{"kind": "source", "x": ..}, ..]}`.
extension CutProfile {
    public struct DecodingError: Error, CustomStringConvertible {
        public var description: String
    }

    private struct File: Decodable {
        var `case`: String?
        var path: String
        var points: [Point]
    }

    private struct Point: Decodable {
        var kind: String
        var x: Double
        var y: Double
        var z: Double
        var z_ground: Double
        var g: Double
        var wall: [[Double]]?
        var alpha: [Double]?
        var intersection: String?
    }

    /// Decodes one profile; errors say which point and what is wrong.
    public init(json data: Data) throws {
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: data)
        } catch {
            throw DecodingError(description: "not a cut profile: \(Self.describe(error))")
        }
        guard let path = Path(rawValue: file.path) else {
            throw DecodingError(description: "unknown path \"\(file.path)\" (direct, left, right, left_curved, right_curved, reflection)")
        }
        var points: [ProfilePoint] = []
        for (index, raw) in file.points.enumerated() {
            guard let kind = ProfilePoint.Kind(rawValue: raw.kind) else {
                throw DecodingError(description: "point \(index): unknown kind \"\(raw.kind)\"")
            }
            let numbers = [raw.x, raw.y, raw.z, raw.z_ground, raw.g] + (raw.alpha ?? []) + (raw.wall?.flatMap { $0 } ?? [])
            guard numbers.allSatisfy(\.isFinite) else {
                throw DecodingError(description: "point \(index): a coordinate, G or alpha is not a finite number")
            }
            guard (0 ... 1).contains(raw.g) else {
                throw DecodingError(description: "point \(index): G = \(raw.g) is outside 0...1")
            }
            var wall: ProfilePoint.Wall?
            if let corners = raw.wall {
                guard corners.count == 2, corners.allSatisfy({ $0.count == 3 }) else {
                    throw DecodingError(description: "point \(index): wall must be [[x0,y0,z0],[x1,y1,z1]]")
                }
                let alpha = raw.alpha ?? []
                guard alpha.isEmpty || (alpha.count == 8 && alpha.allSatisfy { (0 ..< 1).contains($0) }) else {
                    throw DecodingError(description: "point \(index): alpha needs 8 values in 0..<1")
                }
                wall = ProfilePoint.Wall(start: (corners[0][0], corners[0][1], corners[0][2]),
                                         end: (corners[1][0], corners[1][1], corners[1][2]), alpha: alpha)
            }
            var crossing: ProfilePoint.Crossing?
            if let name = raw.intersection {
                guard let value = ProfilePoint.Crossing(rawValue: name) else {
                    throw DecodingError(description: "point \(index): unknown intersection \"\(name)\"")
                }
                crossing = value
            }
            points.append(ProfilePoint(kind: kind, x: raw.x, y: raw.y, z: raw.z, zGround: raw.z_ground, g: raw.g,
                                       wall: wall, crossing: crossing))
        }
        guard points.count >= 2, points.first?.kind == .source, points.last?.kind == .receiver else {
            throw DecodingError(description: "a profile runs from a \"source\" point to a \"receiver\" point")
        }
        guard points.first.map({ p in points.last.map { hypot($0.x - p.x, $0.y - p.y) > 0 } ?? false }) == true else {
            throw DecodingError(description: "source and receiver are at the same place")
        }
        self.init(name: file.case ?? "", path: path, points: points)
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case Swift.DecodingError.keyNotFound(let key, let context):
            "missing \"\(key.stringValue)\" at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case Swift.DecodingError.typeMismatch(_, let context), Swift.DecodingError.valueNotFound(_, let context):
            "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case Swift.DecodingError.dataCorrupted(let context):
            context.debugDescription
        default:
            "\(error)"
        }
    }
}
