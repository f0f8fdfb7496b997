/// A place in the text of a GeoJSON file, so an error can be found in an editor.
public struct TextLocation: Sendable, Equatable, CustomStringConvertible {
    /// 0-based offset in bytes from the start of the data.
    public var byteOffset: Int
    /// 1-based line number.
    public var line: Int
    /// 1-based column, counted in bytes (UTF-8), as most editors' "go to" accepts for ASCII-heavy JSON.
    public var column: Int

    public init(byteOffset: Int, line: Int, column: Int) {
        self.byteOffset = byteOffset
        self.line = line
        self.column = column
    }

    /// A location whose line and column are not known yet (both 0). The parser creates these, and
    /// the reader resolves the one error it reports: counting newlines up to an offset takes a pass
    /// over the text, too much for errors that are created and then discarded.
    init(unresolvedByteOffset byteOffset: Int) {
        self.init(byteOffset: byteOffset, line: 0, column: 0)
    }

    /// Finds the line and column of `byteOffset` by counting newlines. Only done when an error is
    /// reported, so the parser never tracks lines on its hot path.
    init(byteOffset: Int, in bytes: UnsafeBufferPointer<UInt8>) {
        let offset = Swift.max(0, Swift.min(byteOffset, bytes.count))
        var line = 1
        var lineStart = 0
        for index in 0..<offset where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        self.init(byteOffset: offset, line: line, column: offset - lineStart + 1)
    }

    public var description: String { "line \(line), column \(column) (byte \(byteOffset))" }
}
