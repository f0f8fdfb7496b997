import ArgumentParser

/// The valid ranges of numeric options. A value outside (or NaN) is a usage error, exit 64, with
/// the range in the message: `--temperature nan` once blanked every building's level and reported
/// 0 % of residents above 53 dB, and `--search-radius inf` trapped.
enum OptionRanges {
    /// Street pieces farther than this from a receiver add nothing measurable; a larger radius only
    /// makes every receiver visit most of the district.
    static let searchRadius: ClosedRange<Double> = 1...2000
    /// Yearly mean air temperatures on Earth's cities, with margin.
    static let temperature: ClosedRange<Double> = -30...50
    /// Road gradients, percent (the steepest streets are about 35 %; CNOSSOS's correction is
    /// defined for much less).
    static let gradient: ClosedRange<Double> = -20...20

    static func check(_ name: String, _ value: Double, _ range: ClosedRange<Double>, unit: String) throws {
        guard range.contains(value) else {
            throw ValidationError("\(name) must lie in \(format(range.lowerBound)) ... \(format(range.upperBound)) \(unit), got \(value).")
        }
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }
}
