extension JSONScanner {
    /// Reads any JSON value as a `PropertyValue` (used for `"properties"` and the `"crs"` member).
    mutating func readValue(depth: Int = 0) throws(GeoJSONError) -> PropertyValue {
        switch current {
        case ASCII.quote:
            return .string(try readString())
        case ASCII.minus, ASCII.zero...UInt8(ascii: "9"):
            return .number(try readNumber())
        case ASCII.openBrace:
            try checkDepth(depth)
            index += 1
            var members: [String: PropertyValue] = [:]
            var more = enterContainer(closing: ASCII.closeBrace)
            while more {
                let key = try readMemberKey()
                members[key] = try readValue(depth: depth + 1)
                more = try continueContainer(closing: ASCII.closeBrace)
            }
            return .object(members)
        case ASCII.openBracket:
            try checkDepth(depth)
            index += 1
            var elements: [PropertyValue] = []
            var more = enterContainer(closing: ASCII.closeBracket)
            while more {
                elements.append(try readValue(depth: depth + 1))
                more = try continueContainer(closing: ASCII.closeBracket)
            }
            return .array(elements)
        default:
            if consumeLiteral("true") { return .bool(true) }
            if consumeLiteral("false") { return .bool(false) }
            if consumeLiteral("null") { return .null }
            throw syntaxError(expected: "a JSON value")
        }
    }

    /// Steps over any JSON value, checking its syntax but keeping nothing: foreign members, `"bbox"`,
    /// and members whose meaning depends on a `"type"` that has not been read yet.
    mutating func skipValue(depth: Int = 0) throws(GeoJSONError) {
        switch current {
        case ASCII.quote:
            try withString { _ in }
        case ASCII.minus, ASCII.zero...UInt8(ascii: "9"):
            _ = try readNumber()
        case ASCII.openBrace:
            try checkDepth(depth)
            index += 1
            var more = enterContainer(closing: ASCII.closeBrace)
            while more {
                _ = try readMemberName()
                try skipValue(depth: depth + 1)
                more = try continueContainer(closing: ASCII.closeBrace)
            }
        case ASCII.openBracket:
            try checkDepth(depth)
            index += 1
            var more = enterContainer(closing: ASCII.closeBracket)
            while more {
                try skipValue(depth: depth + 1)
                more = try continueContainer(closing: ASCII.closeBracket)
            }
        default:
            guard consumeLiteral("true") || consumeLiteral("false") || consumeLiteral("null") else {
                throw syntaxError(expected: "a JSON value")
            }
        }
    }

    private func checkDepth(_ depth: Int) throws(GeoJSONError) {
        guard depth < Self.maximumDepth else {
            throw error(.invalidJSON, detail: "values nested more than \(Self.maximumDepth) levels deep")
        }
    }
}
