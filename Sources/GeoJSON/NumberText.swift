import Foundation

/// How numbers become text and back, in one place so properties, ids and the writer agree.
enum NumberText {
    /// 2^53: every integer below it is exact in a Double, so it can be printed as an integer.
    private static let exactIntegerLimit = 9_007_199_254_740_992.0

    /// Integers without a fraction (`4744966`); other numbers in their shortest exact form (`4.6`)
    /// unless that needs more than 15 significant digits, which are then rounded to 15
    /// (`0.1 + 0.2` gives `0.3`, not `0.30000000000000004`): digits beyond 15 are float noise, not data.
    /// Non-finite values give `NaN`, `Infinity` or `-Infinity`.
    static func property(_ value: Double) -> String {
        guard value.isFinite else {
            return value.isNaN ? "NaN" : value < 0 ? "-Infinity" : "Infinity"
        }
        if value.rounded(.towardZero) == value, abs(value) < exactIntegerLimit {
            return String(Int64(value))
        }
        var shortest = value.description
        if shortest.hasSuffix(".0") { shortest.removeLast(2) }
        if significantDigits(in: shortest) <= 15 { return shortest }
        return String(format: "%.15g", value)
    }

    /// Counts the digits of a number's mantissa, leading zeros excepted: "0.0012" has 2, "1.5e-07" 2.
    private static func significantDigits(in text: String) -> Int {
        var count = 0
        var seenNonzero = false
        for character in text.utf8 {
            if character == ASCII.lowercaseE || character == UInt8(ascii: "E") { break }
            guard ASCII.digitValue(character) < 10 else { continue }
            if character != ASCII.zero { seenNonzero = true }
            if seenNonzero { count += 1 }
        }
        return count
    }

    /// Parses a plain decimal number with optional surrounding whitespace: an optional sign, digits
    /// with an optional fraction, an optional exponent. Nil for anything else, including `inf`,
    /// `nan` and hexadecimal, which `Double(String)` alone would accept.
    static func parsePlainDecimal(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let utf8 = Array(trimmed.utf8)
        var index = 0
        func skipDigits() -> Int {
            let start = index
            while index < utf8.count, ASCII.digitValue(utf8[index]) < 10 { index += 1 }
            return index - start
        }
        if index < utf8.count, utf8[index] == ASCII.plus || utf8[index] == ASCII.minus { index += 1 }
        var digits = skipDigits()
        if index < utf8.count, utf8[index] == ASCII.dot {
            index += 1
            digits += skipDigits()
        }
        guard digits > 0 else { return nil }
        if index < utf8.count, utf8[index] | 0x20 == ASCII.lowercaseE {
            index += 1
            if index < utf8.count, utf8[index] == ASCII.plus || utf8[index] == ASCII.minus { index += 1 }
            guard skipDigits() > 0 else { return nil }
        }
        guard index == utf8.count, let value = Double(trimmed), value.isFinite else { return nil }
        return value
    }
}
