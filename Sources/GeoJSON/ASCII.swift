import Foundation

/// The bytes JSON's grammar is made of, named so the scanner reads as the grammar does.
enum ASCII {
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let quote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")
    static let slash = UInt8(ascii: "/")
    static let comma = UInt8(ascii: ",")
    static let colon = UInt8(ascii: ":")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")
    static let minus = UInt8(ascii: "-")
    static let plus = UInt8(ascii: "+")
    static let dot = UInt8(ascii: ".")
    static let zero = UInt8(ascii: "0")
    static let lowercaseE = UInt8(ascii: "e")
    static let lowercaseT = UInt8(ascii: "t")
    static let lowercaseF = UInt8(ascii: "f")
    static let lowercaseN = UInt8(ascii: "n")
    static let lowercaseU = UInt8(ascii: "u")
    static let uppercaseI = UInt8(ascii: "I")
    static let uppercaseN = UInt8(ascii: "N")

    /// The value of a decimal digit byte, or a number of 10 or more for any other byte
    /// (one subtraction and one comparison on the hot path instead of two comparisons).
    @inline(__always)
    static func digitValue(_ byte: UInt8) -> UInt8 { byte &- zero }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether these bytes spell `literal` exactly; compares in place, no String is built.
    func equals(_ literal: StaticString) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard count == length else { return false }
        guard length > 0, let baseAddress else { return length == 0 }
        return memcmp(baseAddress, literal.utf8Start, length) == 0
    }
}
