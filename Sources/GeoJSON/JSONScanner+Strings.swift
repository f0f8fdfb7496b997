extension JSONScanner {
    /// Reads the string at the cursor and hands its decoded UTF-8 bytes to `body`.
    ///
    /// Strings without escapes (nearly all of them) are handed over in place, so member names and type
    /// names are matched without building a `String`. Strings with escapes are decoded into the reused
    /// `escapeBuffer`. Either way the bytes are valid UTF-8 when `body` sees them.
    @inline(__always)
    mutating func withString<T>(_ body: (UnsafeBufferPointer<UInt8>) -> T) throws(GeoJSONError) -> T {
        guard current == ASCII.quote else { throw syntaxError(expected: "a string") }
        let start = index + 1
        var cursor = start
        var highBits: UInt8 = 0
        while true {
            guard cursor < end else { throw error(.invalidJSON, detail: "unterminated string", at: start - 1) }
            let byte = base[cursor]
            if byte == ASCII.quote { break }
            if byte == ASCII.backslash { return try withEscapedString(start: start, firstEscape: cursor, body) }
            if byte < 0x20 { throw controlCharacterError(byte, at: cursor) }
            highBits |= byte
            cursor += 1
        }
        let raw = UnsafeBufferPointer(start: base + start, count: cursor - start)
        if highBits >= 0x80, !UTF8Validation.isValid(raw) {
            throw error(.invalidJSON, detail: "string is not valid UTF-8", at: start)
        }
        index = cursor + 1
        return body(raw)
    }

    /// Reads the string at the cursor as a `String`.
    mutating func readString() throws(GeoJSONError) -> String {
        try withString { String(decoding: $0, as: UTF8.self) }
    }

    /// Reads an object member's name and the `:` after it, leaving the cursor at the value, and
    /// classifies the name without building a `String`.
    @inline(__always)
    mutating func readMemberName() throws(GeoJSONError) -> MemberName {
        guard current == ASCII.quote else { throw syntaxError(expected: "a member name in double quotes") }
        let name = try withString { MemberName(utf8: $0) }
        try expectColon()
        return name
    }

    /// Reads an object member's name as a `String` (for properties, whose names are data) and the `:`.
    mutating func readMemberKey() throws(GeoJSONError) -> String {
        guard current == ASCII.quote else { throw syntaxError(expected: "a member name in double quotes") }
        let key = try readString()
        try expectColon()
        return key
    }

    @inline(__always)
    private mutating func expectColon() throws(GeoJSONError) {
        skipWhitespace()
        try expect(ASCII.colon, "':' after a member name")
        skipWhitespace()
    }

    /// The slow path of `withString`: copies the string into `escapeBuffer`, resolving escapes.
    private mutating func withEscapedString<T>(
        start: Int, firstEscape: Int, _ body: (UnsafeBufferPointer<UInt8>) -> T
    ) throws(GeoJSONError) -> T {
        escapeBuffer.removeAll(keepingCapacity: true)
        escapeBuffer.append(contentsOf: UnsafeBufferPointer(start: base + start, count: firstEscape - start))
        var cursor = firstEscape
        while true {
            guard cursor < end else { throw error(.invalidJSON, detail: "unterminated string", at: start - 1) }
            let byte = base[cursor]
            if byte == ASCII.quote { break }
            if byte < 0x20 { throw controlCharacterError(byte, at: cursor) }
            guard byte == ASCII.backslash else {
                escapeBuffer.append(byte)
                cursor += 1
                continue
            }
            let escaped = self.byte(at: cursor + 1)
            switch escaped {
            case ASCII.quote, ASCII.backslash, ASCII.slash: escapeBuffer.append(escaped)
            case UInt8(ascii: "b"): escapeBuffer.append(0x08)
            case UInt8(ascii: "f"): escapeBuffer.append(0x0C)
            case UInt8(ascii: "n"): escapeBuffer.append(ASCII.newline)
            case UInt8(ascii: "r"): escapeBuffer.append(ASCII.carriageReturn)
            case UInt8(ascii: "t"): escapeBuffer.append(ASCII.tab)
            case ASCII.lowercaseU:
                let (scalar, next) = try readUnicodeEscape(at: cursor)
                appendUTF8(scalar)
                cursor = next
                continue
            default:
                throw error(.invalidJSON, detail: "invalid escape sequence in string", at: cursor)
            }
            cursor += 2
        }
        index = cursor + 1
        let isValid = escapeBuffer.withUnsafeBufferPointer { UTF8Validation.isValid($0) }
        guard isValid else { throw error(.invalidJSON, detail: "string is not valid UTF-8", at: start) }
        return escapeBuffer.withUnsafeBufferPointer { body($0) }
    }

    /// Decodes `\uXXXX` at `offset` (the backslash), joining a UTF-16 surrogate pair written as two
    /// escapes (`\ud83d\ude00`); also returns the offset after it. Lone surrogates are errors: they
    /// encode no character and cannot be held in a Swift `String`.
    private func readUnicodeEscape(at offset: Int) throws(GeoJSONError) -> (Unicode.Scalar, next: Int) {
        let first = try hexQuad(at: offset + 2)
        var value = UInt32(first)
        var after = offset + 6
        if (0xD800...0xDBFF).contains(first) {
            guard byte(at: after) == ASCII.backslash, byte(at: after + 1) == ASCII.lowercaseU,
                  case let second = try hexQuad(at: after + 2), (0xDC00...0xDFFF).contains(second)
            else { throw unpairedSurrogate(first, at: offset) }
            value = 0x10000 + ((UInt32(first) - 0xD800) << 10) + (UInt32(second) - 0xDC00)
            after += 6
        } else if (0xDC00...0xDFFF).contains(first) {
            throw unpairedSurrogate(first, at: offset)
        }
        // Every value left is a valid scalar: surrogates were joined or rejected above.
        return (Unicode.Scalar(value) ?? "\u{FFFD}", after)
    }

    private func hexQuad(at offset: Int) throws(GeoJSONError) -> UInt16 {
        var value: UInt16 = 0
        for position in offset..<(offset + 4) {
            let byte = self.byte(at: position)
            let digit: UInt8
            switch byte {
            case ASCII.zero...UInt8(ascii: "9"): digit = byte - ASCII.zero
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error(.invalidJSON, detail: "\\u must be followed by four hex digits", at: offset - 2)
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }

    private mutating func appendUTF8(_ scalar: Unicode.Scalar) {
        let value = scalar.value
        switch value {
        case 0..<0x80:
            escapeBuffer.append(UInt8(value))
        case 0x80..<0x800:
            escapeBuffer.append(UInt8(0xC0 | value >> 6))
            escapeBuffer.append(UInt8(0x80 | value & 0x3F))
        case 0x800..<0x10000:
            escapeBuffer.append(UInt8(0xE0 | value >> 12))
            escapeBuffer.append(UInt8(0x80 | value >> 6 & 0x3F))
            escapeBuffer.append(UInt8(0x80 | value & 0x3F))
        default:
            escapeBuffer.append(UInt8(0xF0 | value >> 18))
            escapeBuffer.append(UInt8(0x80 | value >> 12 & 0x3F))
            escapeBuffer.append(UInt8(0x80 | value >> 6 & 0x3F))
            escapeBuffer.append(UInt8(0x80 | value & 0x3F))
        }
    }

    private func unpairedSurrogate(_ unit: UInt16, at offset: Int) -> GeoJSONError {
        let hex = String(unit, radix: 16, uppercase: true)
        return error(.invalidJSON, detail: "unpaired UTF-16 surrogate \\u\(hex) in string", at: offset)
    }

    private func controlCharacterError(_ byte: UInt8, at offset: Int) -> GeoJSONError {
        let hex = String(byte, radix: 16, uppercase: true)
        return error(.invalidJSON, detail: "control character 0x\(hex) in string must be escaped", at: offset)
    }
}
