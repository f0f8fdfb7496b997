import Foundation
import GeoJSON

/// SplitMix64: a tiny deterministic generator, so generated fixtures are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// GeoJSON text generated together with the collection it must decode to, so tests can compare every
/// coordinate and property exactly without fixture files.
///
/// Coordinates are whole multiples of 1e-7 degrees (OSM's precision) written in Swift's shortest
/// round-trip form, so the text denotes exactly the Double in `expected`.
struct SyntheticCollection {
    private(set) var text = ""
    private(set) var expected = FeatureCollection(features: [])
    /// Features per geometry type name ("null" for features without geometry).
    private(set) var countsByType: [String: Int] = [:]
    private var random: SplitMix64

    init(seed: UInt64) {
        random = SplitMix64(state: seed)
    }

    /// `count` features of every geometry type (and some null geometries), in varied member order
    /// and whitespace, with string and numeric ids and properties that need escaping.
    static func mixed(featureCount count: Int, seed: UInt64 = 7946) -> SyntheticCollection {
        var synthetic = SyntheticCollection(seed: seed)
        synthetic.text = #"{"type": "FeatureCollection", "features": ["#
        for index in 0..<count {
            if index > 0 { synthetic.text += index % 3 == 0 ? ",\n" : ", " }
            synthetic.appendMixedFeature(index: index)
        }
        synthetic.text += "]}"
        return synthetic
    }

    /// Overpass-style road LineStrings with a few string properties, about `byteCount` bytes of text
    /// (for throughput measurement).
    static func roads(byteCount: Int, seed: UInt64 = 25831) -> SyntheticCollection {
        var synthetic = SyntheticCollection(seed: seed)
        let highways = ["residential", "tertiary", "secondary", "primary", "footway", "service"]
        let names = ["Carrer de Casanova", "Carrer d'Arag\u{F3}", "Gran Via de les Corts Catalanes",
                     "Passeig de Gr\u{E0}cia", "Carrer del Consell de Cent", "Carrer de Muntaner"]
        var text = #"{"type": "FeatureCollection", "features": ["#
        text.reserveCapacity(byteCount + 4096)
        var features: [Feature] = []
        while text.utf8.count < byteCount {
            if !features.isEmpty { text += ", " }
            let osmID = 4_744_966 + features.count * 7
            let highway = highways[Int(synthetic.random.next() % UInt64(highways.count))]
            let name = names[Int(synthetic.random.next() % UInt64(names.count))]
            let lanes = 1 + synthetic.random.next() % 4
            let xy = synthetic.randomPath(points: 2 + Int(synthetic.random.next() % 23))
            text += #"{"type": "Feature", "properties": {"osm_type": "way", "osm_id": \#(osmID), "#
            text += #""highway": "\#(highway)", "lanes": "\#(lanes)", "name": "\#(name)", "oneway": "yes"}, "#
            text += #""geometry": {"type": "LineString", "coordinates": \#(positionsText(xy))}}"#
            features.append(Feature(
                properties: ["osm_type": "way", "osm_id": .number(Double(osmID)), "highway": .string(highway),
                             "lanes": .string("\(lanes)"), "name": .string(name), "oneway": "yes"],
                geometry: .lineString(xy)))
        }
        text += "]}"
        synthetic.text = text
        synthetic.expected = FeatureCollection(features: features)
        synthetic.countsByType = ["LineString": features.count]
        return synthetic
    }

    // MARK: Features

    private mutating func appendMixedFeature(index: Int) {
        let geometry = randomGeometry(allowingCollection: true, nullable: true)
        let typeName = geometry?.typeName ?? "null"
        countsByType[typeName, default: 0] += 1

        var properties: [String: PropertyValue] = [
            "osm_id": .number(Double(1_000_000 + index)),
            "name": .string(index % 5 == 0 ? "Carrer d'Arag\u{F3} \"\(index)\"" : "way \(index)"),
        ]
        var propertiesText = #"{"osm_id": \#(1_000_000 + index), "name": \#(jsonString(properties["name"]!.stringValue!))"#
        if index % 4 == 0 {
            properties["width"] = .number(Double(index % 40) / 4)
            propertiesText += #", "width": \#(Double(index % 40) / 4)"#
        }
        if index % 7 == 0 {
            properties["tags"] = .array([.string("a\u{1F6B2}"), .bool(true), .null])
            propertiesText += #", "tags": ["a\ud83d\udeb2", true, null]"#
        }
        propertiesText += "}"

        // Ids: numeric for even features, strings for odd ones; every tenth has none.
        let id: String?
        let idText: String?
        switch index % 10 {
        case 9: (id, idText) = (nil, nil)
        case let rest where rest % 2 == 0: (id, idText) = ("\(index)", "\(index)")
        default: (id, idText) = ("way/\(index)", "\"way/\(index)\"")
        }
        expected.features.append(Feature(id: id, properties: properties, geometry: geometry))

        let geometryText = geometry.map { self.geometryText($0, typeFirst: index % 6 != 5) } ?? "null"
        var members = [#""type": "Feature""#, #""properties": \#(propertiesText)"#, #""geometry": \#(geometryText)"#]
        if let idText { members.insert(#""id": \#(idText)"#, at: 1) }
        if index % 4 == 3 { members.reverse() }  // "id" after "geometry", "type" last
        text += "{" + members.joined(separator: ", ") + "}"
    }

    // MARK: Geometries

    private mutating func randomGeometry(allowingCollection: Bool, nullable: Bool) -> GeoJSONGeometry? {
        let choices = (allowingCollection ? 7 : 6) + (nullable ? 1 : 0)
        switch random.next() % UInt64(choices) {
        case 0:
            let xy = randomPath(points: 1)
            return .point(x: xy[0], y: xy[1])
        case 1: return .multiPoint(randomPath(points: Int(random.next() % 4)))
        case 2: return .lineString(randomPath(points: 2 + Int(random.next() % 10)))
        case 3: return .multiLineString((0..<(1 + random.next() % 3)).map { _ in randomPath(points: 2 + Int(random.next() % 5)) })
        case 4: return .polygon(randomRings())
        case 5: return .multiPolygon((0..<(1 + random.next() % 3)).map { _ in randomRings() })
        case 6 where allowingCollection:
            return .geometryCollection((0..<(1 + random.next() % 3)).compactMap { _ in
                randomGeometry(allowingCollection: false, nullable: false)
            })
        default: return nil
        }
    }

    /// A wandering path of `points` positions around Barcelona's Eixample.
    private mutating func randomPath(points: Int) -> [Double] {
        var x = 21_400_000 + Int(random.next() % 400_000)
        var y = 413_700_000 + Int(random.next() % 400_000)
        var xy: [Double] = []
        for _ in 0..<points {
            x += Int(random.next() % 2001) - 1000
            y += Int(random.next() % 2001) - 1000
            xy.append(Double(x) / 1e7)
            xy.append(Double(y) / 1e7)
        }
        return xy
    }

    /// An exterior ring and sometimes a hole, each closed.
    private mutating func randomRings() -> [[Double]] {
        let ringCount = 1 + Int(random.next() % 2)
        return (0..<ringCount).map { _ in
            var ring = randomPath(points: 3 + Int(random.next() % 6))
            ring.append(ring[0])
            ring.append(ring[1])
            return ring
        }
    }

    // MARK: Text

    private func geometryText(_ geometry: GeoJSONGeometry, typeFirst: Bool) -> String {
        let body: String
        switch geometry {
        case .point(let x, let y): body = #""coordinates": [\#(x), \#(y)]"#
        case .multiPoint(let xy), .lineString(let xy): body = #""coordinates": \#(Self.positionsText(xy))"#
        case .multiLineString(let parts), .polygon(let parts):
            body = #""coordinates": [\#(parts.map(Self.positionsText).joined(separator: ", "))]"#
        case .multiPolygon(let polygons):
            let polygonTexts = polygons.map { "[" + $0.map(Self.positionsText).joined(separator: ", ") + "]" }
            body = #""coordinates": [\#(polygonTexts.joined(separator: ", "))]"#
        case .geometryCollection(let members):
            body = #""geometries": [\#(members.map { geometryText($0, typeFirst: true) }.joined(separator: ", "))]"#
        }
        let type = #""type": "\#(geometry.typeName)""#
        return typeFirst ? "{\(type), \(body)}" : "{\(body), \(type)}"
    }

    static func positionsText(_ xy: [Double]) -> String {
        "[" + stride(from: 0, to: xy.count, by: 2).map { "[\(xy[$0]), \(xy[$0 + 1])]" }.joined(separator: ", ") + "]"
    }

    private func jsonString(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
