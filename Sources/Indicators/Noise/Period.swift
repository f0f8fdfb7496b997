/// The END assessment periods (Directive 2002/49/EC Annex I): day 07-19, evening 19-23, night
/// 23-07 by default; member states may shift them (Spain: 7-19, 19-23, 23-7).
public enum Period: String, Sendable, CaseIterable {
    case day, evening, night

    /// Hours in the period, the weights of Lden.
    public var hours: Double {
        switch self {
        case .day: 12
        case .evening: 4
        case .night: 8
        }
    }
}

/// A value per period.
public struct PerPeriod<Value: Sendable>: Sendable {
    public var day: Value
    public var evening: Value
    public var night: Value

    public init(day: Value, evening: Value, night: Value) {
        self.day = day
        self.evening = evening
        self.night = night
    }

    public init(_ make: (Period) throws -> Value) rethrows {
        self.init(day: try make(.day), evening: try make(.evening), night: try make(.night))
    }

    public subscript(period: Period) -> Value {
        get {
            switch period {
            case .day: day
            case .evening: evening
            case .night: night
            }
        }
        set {
            switch period {
            case .day: day = newValue
            case .evening: evening = newValue
            case .night: night = newValue
            }
        }
    }

    public func map<T>(_ transform: (Value) throws -> T) rethrows -> PerPeriod<T> {
        PerPeriod<T>(day: try transform(day), evening: try transform(evening), night: try transform(night))
    }
}

extension PerPeriod: Equatable where Value: Equatable {}
