/// One value of a feature's `"properties"` object: any JSON value.
///
/// JSON numbers are kept as `Double`, which holds every integer up to 2^53 exactly - OSM ids included.
/// Many sources (OSM tags in particular) store numbers as strings (`"lanes": "3"`), so `doubleValue`
/// and `stringValue` convert in both directions and callers need not care which form a file used.
public enum PropertyValue: Sendable, Hashable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    case array([PropertyValue])
    case object([String: PropertyValue])
}

extension PropertyValue {
    /// The value as text: strings as they are, numbers in their shortest exact form (`4744966`, not
    /// `4744966.0`; `4.6`, not `4.6000000000000005`), booleans as `"true"`/`"false"`; nil for null,
    /// arrays and objects, which have no single obvious text.
    public var stringValue: String? {
        switch self {
        case .string(let text): text
        case .number(let value): NumberText.property(value)
        case .bool(let flag): flag ? "true" : "false"
        case .null, .array, .object: nil
        }
    }

    /// The value as a number: numbers as they are, and strings that hold a plain decimal number with
    /// optional surrounding whitespace (`"6"`, `" 4.6 "`, `"-1.5e3"`); nil otherwise. Values with units
    /// or lists (`"50 mph"`, `"3;4"`, `"1,5"`) are nil rather than guessed at.
    public var doubleValue: Double? {
        switch self {
        case .number(let value): value
        case .string(let text): NumberText.parsePlainDecimal(text)
        case .bool, .null, .array, .object: nil
        }
    }
}
