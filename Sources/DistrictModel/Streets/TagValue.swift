/// Parsing of OSM measurement tags, which are free text: "6", "4.6", "3,5", "3.5 m", "12'6\"".
public enum TagValue {
    /// A length in metres, or nil when the text is not one. Feet and inches are converted.
    public static func metres(_ text: String) -> Double? {
        var text = text.trimmingWhitespace.lowercased()
        if text.hasSuffix(" m") || text.hasSuffix("m") { text = String(text.dropLast()).trimmingWhitespace }
        if let feet = feetAndInches(text) { return feet }
        return Double(text.replacingOccurrences(of: ",", with: "."))
    }

    /// "12'6\"" -> 3.81 m.
    private static func feetAndInches(_ text: String) -> Double? {
        guard let quote = text.firstIndex(of: "'") else { return nil }
        guard let feet = Double(text[..<quote]) else { return nil }
        let rest = text[text.index(after: quote)...].replacingOccurrences(of: "\"", with: "")
        let inches = rest.isEmpty ? 0 : Double(rest) ?? 0
        return feet * 0.3048 + inches * 0.0254
    }

    /// A speed in km/h: "30", "30 mph", "ES:urban" (50), "walk" (6), "ES:zone30" (30).
    public static func kilometresPerHour(_ text: String) -> Double? {
        let text = text.trimmingWhitespace.lowercased()
        if let value = Double(text) { return value }
        if text.hasSuffix("mph"), let value = Double(String(text.dropLast(3)).trimmingWhitespace) { return value * 1.609344 }
        if text.hasSuffix("km/h"), let value = Double(String(text.dropLast(4)).trimmingWhitespace) { return value }
        switch text {
        case "walk", "es:walk": return 6
        case "es:living_street", "living_street": return 20
        case "es:zone20": return 20
        case "es:zone30", "es:zone:30": return 30
        case "es:urban": return 50
        case "es:rural": return 90
        default: return nil
        }
    }
}
