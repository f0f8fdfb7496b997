import Foundation

/// Fixed-precision numbers with a dot, whatever the locale: CSV diffs stay stable and spreadsheets
/// in comma-decimal locales still import them with a declared separator.
public enum NumberFormat {
    public static func fixed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "" : (value > 0 ? "inf" : "-inf") }
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

    public static func percent(_ part: Int, of whole: Int) -> String {
        whole == 0 ? "-" : fixed(100 * Double(part) / Double(whole), 1) + " %"
    }
}
