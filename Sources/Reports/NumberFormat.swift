import Foundation

/// Fixed-precision numbers with a dot, whatever the locale: CSV diffs stay stable and spreadsheets
/// in comma-decimal locales still import them with a declared separator.
public enum NumberFormat {
    /// An empty string for NaN and infinities: a value that cannot be computed is an empty cell,
    /// never `nan` or `inf` (spreadsheets and scripts would read those as numbers or choke).
    public static func fixed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return "" }
        let text = fastFixed(value, digits) ?? String(format: "%.\(digits)f", locale: nil, value)
        // "-0.0" reads as a change where there is none.
        return text.hasPrefix("-") && text.allSatisfy({ "-0.".contains($0) }) ? String(text.dropFirst()) : text
    }

    private static let powers: [Double] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000]

    /// `%.Nf` without Foundation's formatter, which costs about a microsecond a call (the tables of
    /// a city hold millions of cells). Integer arithmetic on the scaled value; nil, so the caller
    /// formats the slow way, where that could round differently from printf: a scaled value within
    /// a hair of a half, or one too large for exact integers.
    static func fastFixed(_ value: Double, _ digits: Int) -> String? {
        guard digits >= 0, digits < powers.count else { return nil }
        let scaled = abs(value) * powers[digits]
        guard scaled < 1e15 else { return nil }
        let fraction = scaled - scaled.rounded(.down)
        guard abs(fraction - 0.5) > 1e-6 else { return nil }
        let units = UInt64(scaled.rounded())
        var text = String(units)
        if digits > 0 {
            if text.count <= digits { text = String(repeating: "0", count: digits - text.count + 1) + text }
            text.insert(".", at: text.index(text.endIndex, offsetBy: -digits))
        }
        return value.sign == .minus ? "-" + text : text
    }

    /// Thousands grouped with a thin space-free comma, for terminal tables only.
    public static func grouped(_ value: Int) -> String {
        let digits = String(abs(value))
        var out = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return (value < 0 ? "-" : "") + out
    }

    /// A count or area rounded and grouped; "-" when not finite, and never a trap: a population
    /// of 1e19 used to crash `Int(value.rounded())` after the tables were written.
    public static func grouped(_ value: Double) -> String {
        guard value.isFinite else { return "-" }
        let rounded = value.rounded()
        guard abs(rounded) < 9e15 else { return String(format: "%.3g", locale: nil, value) }
        return grouped(Int(rounded))
    }

    public static func percent(_ part: Int, of whole: Int) -> String {
        whole == 0 ? "-" : fixed(100 * Double(part) / Double(whole), 1) + " %"
    }
}
