import Foundation

/// A forward cursor over the UTF-8 bytes of a JSON text: whitespace, punctuation, literals and errors.
///
/// Hand-written rather than `JSONSerialization` or `JSONDecoder` because those build a dictionary, an
/// `Any` or a decoding container per value; a city-wide file has tens of millions of coordinates, and
/// reading the bytes in place lets the parser put them straight into flat `[Double]` buffers.
///
/// The scanner borrows its bytes and must not outlive the `withUnsafeBytes` call that lent them.
struct JSONScanner {
    /// Containers nested deeper than this are refused, so hostile input cannot exhaust the stack.
    static let maximumDepth = 512

    let base: UnsafePointer<UInt8>
    let end: Int
    /// The offset of the next unread byte.
    var index = 0
    /// The file name that errors carry.
    let source: String
    /// Reused for strings that contain escapes, so decoding them allocates nothing per string.
    var escapeBuffer: [UInt8] = []

    /// `bytes` must not be empty.
    init(_ bytes: UnsafeBufferPointer<UInt8>, source: String) {
        precondition(!bytes.isEmpty, "JSONScanner needs at least one byte")
        self.base = bytes.baseAddress!
        self.end = bytes.count
        self.source = source
    }

    var isAtEnd: Bool { index >= end }

    /// The byte at the cursor, or 0 past the end (0 is never valid outside a string, so every
    /// grammar check fails there naturally and no caller needs its own bounds check).
    @inline(__always)
    var current: UInt8 { index < end ? base[index] : 0 }

    @inline(__always)
    func byte(at offset: Int) -> UInt8 { offset < end ? base[offset] : 0 }

    @inline(__always)
    mutating func skipWhitespace() {
        while index < end {
            let byte = base[index]
            guard byte <= ASCII.space,
                  byte == ASCII.space || byte == ASCII.newline || byte == ASCII.carriageReturn || byte == ASCII.tab
            else { return }
            index += 1
        }
    }

    /// Skips a UTF-8 byte order mark, which RFC 8259 lets parsers ignore and Windows tools still write.
    mutating func skipByteOrderMark() {
        if end - index >= 3, base[index] == 0xEF, base[index + 1] == 0xBB, base[index + 2] == 0xBF {
            index += 3
        }
    }

    /// Consumes `byte` if it is at the cursor.
    @inline(__always)
    mutating func consume(_ byte: UInt8) -> Bool {
        guard current == byte else { return false }
        index += 1
        return true
    }

    /// Consumes `byte` or throws, naming it (`"':' after a member name"`) as what was expected.
    @inline(__always)
    mutating func expect(_ byte: UInt8, _ expectation: @autoclosure () -> String) throws(GeoJSONError) {
        guard consume(byte) else { throw syntaxError(expected: expectation()) }
    }

    /// Consumes `literal` (`true`, `null`, ...) if the bytes at the cursor spell it.
    mutating func consumeLiteral(_ literal: StaticString) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard end - index >= length, memcmp(base + index, literal.utf8Start, length) == 0 else { return false }
        index += length
        return true
    }

    /// Call just after `{` or `[`: skips whitespace and returns false, consuming `closing`, when the
    /// container is empty.
    @inline(__always)
    mutating func enterContainer(closing: UInt8) -> Bool {
        skipWhitespace()
        return !consume(closing)
    }

    /// Call after each member or element: consumes `,` and the whitespace after it and returns true,
    /// or consumes `closing` and returns false.
    @inline(__always)
    mutating func continueContainer(closing: UInt8) throws(GeoJSONError) -> Bool {
        skipWhitespace()
        if consume(ASCII.comma) {
            skipWhitespace()
            return true
        }
        if consume(closing) { return false }
        throw syntaxError(expected: closing == ASCII.closeBrace ? "',' or '}'" : "',' or ']'")
    }

    // MARK: Errors

    /// An error of `kind` located at `offset` (the cursor by default).
    func error(
        _ kind: GeoJSONError.Kind, component: String? = nil, detail: String? = nil, at offset: Int? = nil
    ) -> GeoJSONError {
        GeoJSONError(
            source: source, kind: kind, component: component, detail: detail,
            location: TextLocation(unresolvedByteOffset: offset ?? index))
    }

    /// An `invalidJSON` error saying what was expected and what is there instead.
    func syntaxError(expected: String, at offset: Int? = nil) -> GeoJSONError {
        let offset = offset ?? index
        return error(.invalidJSON, detail: "expected \(expected), found \(describeValue(at: offset))", at: offset)
    }

    /// What the text at `offset` is, in words: `"a string"`, `"an array"`, `"null"`, `"end of input"`.
    func describeValue(at offset: Int) -> String {
        guard offset < end else { return "end of input" }
        let byte = base[offset]
        switch byte {
        case ASCII.quote: return "a string"
        case ASCII.openBrace: return "an object"
        case ASCII.openBracket: return "an array"
        case ASCII.minus, ASCII.zero...UInt8(ascii: "9"): return "a number"
        default:
            for literal: StaticString in ["true", "false", "null", "NaN", "Infinity"] {
                let length = literal.utf8CodeUnitCount
                if end - offset >= length, memcmp(base + offset, literal.utf8Start, length) == 0 {
                    return "\(literal)"
                }
            }
            if byte >= 0x21, byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
            return "byte 0x\(String(byte, radix: 16, uppercase: true))"
        }
    }
}
