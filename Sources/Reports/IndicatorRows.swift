/// The long-format district table (`indicator,value,unit`): one row per indicator, so new
/// indicators add rows and never break a reader's columns.
public struct IndicatorRows: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var indicator: String
        public var value: Double?
        public var unit: String
        public var digits: Int
    }

    public private(set) var rows: [Row] = []

    public init() {}

    /// A value that is not finite is stored as none (an empty cell, `null` in JSON, where NaN
    /// would make the JSON writer fail).
    public mutating func add(_ indicator: String, _ value: Double?, unit: String, digits: Int = 2) {
        rows.append(Row(indicator: indicator, value: value.flatMap { $0.isFinite ? $0 : nil }, unit: unit, digits: digits))
    }

    public func value(of indicator: String) -> Double? {
        rows.first { $0.indicator == indicator }?.value
    }

    public var csv: CSVTable {
        CSVTable(header: ["indicator", "value", "unit"],
                 rows: rows.map { row in [row.indicator, row.value.map { NumberFormat.fixed($0, row.digits) } ?? "", row.unit] })
    }
}
