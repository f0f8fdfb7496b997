import GeoJSON

/// Read access to a feature's properties the way OSM data needs it: several candidate keys in
/// order of preference, and numbers that arrive as strings ("6", "4.6", "30 mph").
public struct Attributes: Sendable, Equatable {
    public var values: [String: PropertyValue]

    public init(_ values: [String: PropertyValue]) {
        self.values = values
    }

    /// The first of `keys` that is present and not null, as text.
    public func string(_ keys: String...) -> String? {
        string(keys)
    }

    public func string(_ keys: [String]) -> String? {
        for key in keys {
            guard let value = values[key], value != .null, let text = value.stringValue else { continue }
            let trimmed = text.trimmingWhitespace
            if !trimmed.isEmpty { return trimmed }
        }
        return nil
    }

    /// The first of `keys` present, as a plain decimal number (nil when absent or not a number).
    public func number(_ keys: String...) -> Double? {
        for key in keys {
            if let value = values[key]?.doubleValue { return value }
        }
        return nil
    }

    /// Whether any key satisfies `predicate` (e.g. any `sidewalk*` key).
    public func hasKey(where predicate: (String) -> Bool) -> Bool {
        values.contains { predicate($0.key) && $0.value != .null }
    }

    public subscript(key: String) -> PropertyValue? { values[key] }
}

extension String {
    var trimmingWhitespace: String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
