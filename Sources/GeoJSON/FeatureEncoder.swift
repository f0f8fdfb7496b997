/// Lays out a `FeatureCollection` as JSON text for `GeoJSONWriter`.
struct FeatureEncoder {
    let fractionDigits: Int
    private let scale: Double
    private(set) var output: JSONOutput

    init(fractionDigits: Int, capacity: Int) {
        self.fractionDigits = fractionDigits
        self.scale = DecimalConversion.exactPowersOfTen[fractionDigits]
        self.output = JSONOutput(capacity: capacity)
    }

    mutating func encode(_ collection: FeatureCollection) {
        output.append("{\"type\":\"FeatureCollection\"")
        if let crs = collection.crs {
            output.append(",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":")
            output.appendQuoted(CRSName.legacyURN(for: crs))
            output.append("}}")
        }
        output.append(",\"features\":[")
        for (index, feature) in collection.features.enumerated() {
            output.append(index == 0 ? "\n" : ",\n")
            encode(feature)
        }
        output.append("\n]}\n")
    }

    private mutating func encode(_ feature: Feature) {
        output.append("{\"type\":\"Feature\"")
        if let id = feature.id {
            output.append(",\"id\":")
            output.appendQuoted(id)
        }
        output.append(",\"properties\":")
        encode(object: feature.properties)
        output.append(",\"geometry\":")
        if let geometry = feature.geometry {
            encode(geometry)
        } else {
            output.append("null")
        }
        output.append(byte: ASCII.closeBrace)
    }

    private mutating func encode(_ value: PropertyValue) {
        switch value {
        case .string(let text): output.appendQuoted(text)
        case .number(let number): output.appendNumber(number)
        case .bool(let flag): output.append(flag ? "true" : "false")
        case .null: output.append("null")
        case .array(let elements):
            output.append(byte: ASCII.openBracket)
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(byte: ASCII.comma) }
                encode(element)
            }
            output.append(byte: ASCII.closeBracket)
        case .object(let members):
            encode(object: members)
        }
    }

    /// Members sorted by name, so the same properties always produce the same bytes.
    private mutating func encode(object members: [String: PropertyValue]) {
        output.append(byte: ASCII.openBrace)
        for (index, key) in members.keys.sorted().enumerated() {
            if index > 0 { output.append(byte: ASCII.comma) }
            output.appendQuoted(key)
            output.append(byte: ASCII.colon)
            encode(members[key] ?? .null)
        }
        output.append(byte: ASCII.closeBrace)
    }

    private mutating func encode(_ geometry: GeoJSONGeometry) {
        output.append("{\"type\":\"")
        output.append(utf8: geometry.typeName)
        switch geometry {
        case .point(let x, let y):
            output.append("\",\"coordinates\":")
            encode(x: x, y: y)
        case .multiPoint(let xy), .lineString(let xy):
            output.append("\",\"coordinates\":")
            encode(positions: xy)
        case .multiLineString(let parts), .polygon(let parts):
            output.append("\",\"coordinates\":")
            encode(lines: parts)
        case .multiPolygon(let polygons):
            output.append("\",\"coordinates\":[")
            for (index, rings) in polygons.enumerated() {
                if index > 0 { output.append(byte: ASCII.comma) }
                encode(lines: rings)
            }
            output.append(byte: ASCII.closeBracket)
        case .geometryCollection(let members):
            output.append("\",\"geometries\":[")
            for (index, member) in members.enumerated() {
                if index > 0 { output.append(byte: ASCII.comma) }
                encode(member)
            }
            output.append(byte: ASCII.closeBracket)
        }
        output.append(byte: ASCII.closeBrace)
    }

    private mutating func encode(lines: [[Double]]) {
        output.append(byte: ASCII.openBracket)
        for (index, xy) in lines.enumerated() {
            if index > 0 { output.append(byte: ASCII.comma) }
            encode(positions: xy)
        }
        output.append(byte: ASCII.closeBracket)
    }

    private mutating func encode(positions xy: [Double]) {
        output.append(byte: ASCII.openBracket)
        var index = 0
        while index + 1 < xy.count {
            if index > 0 { output.append(byte: ASCII.comma) }
            encode(x: xy[index], y: xy[index + 1])
            index += 2
        }
        output.append(byte: ASCII.closeBracket)
    }

    private mutating func encode(x: Double, y: Double) {
        output.append(byte: ASCII.openBracket)
        output.appendFixed(x, fractionDigits: fractionDigits, scale: scale)
        output.append(byte: ASCII.comma)
        output.appendFixed(y, fractionDigits: fractionDigits, scale: scale)
        output.append(byte: ASCII.closeBracket)
    }
}
