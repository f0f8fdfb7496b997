import Foundation

/// Fixed-precision numbers with a dot, whatever the locale: CSV diffs stay stable and spreadsheets
/// in comma-decimal locales still import them with a declared separator.
public enum NumberFormat {
    /// An empty string for NaN and infinities: a value that cannot be computed is an empty cell,
    /// never `nan` or `inf` (spreadsheets and scripts would read those as numbers or choke).
    public static func fixed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return "" }
        let text = String(format: "%.\(digits)f", locale: nil, value)
        // "-0.0" reads as a change where there is none.
        return text.hasPrefix("-") && text.allSatisfy({ "-0.".contains($0) }) ? String(text.dropFirst()) : text
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
