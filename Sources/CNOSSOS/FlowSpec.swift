/// A traffic flow written as "Q@V": vehicles per hour, an at sign, km/h ("1000@50", "12.5@30").
///
/// The compact form the command line and the tests use to state a flow in one token.
public struct FlowSpec: Sendable, Hashable, CustomStringConvertible, LosslessStringConvertible {
    public var flow: TrafficFlow

    public init(_ flow: TrafficFlow) {
        self.flow = flow
    }

    /// Parses "Q@V". Spaces around either number are allowed; Q must be a finite number >= 0 and
    /// V a finite number > 0.
    public init(parsing text: String) throws(FlowSpecError) {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else { throw .empty }
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            throw parts.count < 2 ? .missingSeparator(text) : .tooManySeparators(text)
        }
        let flowText = String(parts[0]).trimmingWhitespace()
        let speedText = String(parts[1]).trimmingWhitespace()
        guard let vehicles = Double(flowText), vehicles.isFinite else {
            throw .notANumber(part: "flow", text: flowText)
        }
        guard let speed = Double(speedText), speed.isFinite else {
            throw .notANumber(part: "speed", text: speedText)
        }
        guard vehicles >= 0 else { throw .negativeFlow(vehicles) }
        guard speed > 0 else { throw .nonPositiveSpeed(speed) }
        self.flow = TrafficFlow(vehiclesPerHour: vehicles, speedKmh: speed)
    }

    /// Parses "Q@V", or `nil` if the text is malformed (use `init(parsing:)` to learn why).
    public init?(_ description: String) {
        guard let spec = try? FlowSpec(parsing: description) else { return nil }
        self = spec
    }

    /// "Q@V" with the shortest exact numbers: "1000@50", "12.5@30".
    public var description: String {
        "\(Self.shortNumber(flow.vehiclesPerHour))@\(Self.shortNumber(flow.speedKmh))"
    }

    private static func shortNumber(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return String(value)
    }
}

/// Why a "Q@V" flow could not be read.
public enum FlowSpecError: Error, Sendable, Hashable, CustomStringConvertible {
    case empty
    case missingSeparator(String)
    case tooManySeparators(String)
    case notANumber(part: String, text: String)
    case negativeFlow(Double)
    case nonPositiveSpeed(Double)

    public var description: String {
        switch self {
        case .empty:
            "empty flow: expected Q@V, e.g. 1000@50 (vehicles per hour @ km/h)"
        case .missingSeparator(let text):
            "'\(text)' has no '@': expected Q@V, e.g. 1000@50 (vehicles per hour @ km/h)"
        case .tooManySeparators(let text):
            "'\(text)' has more than one '@': expected Q@V, e.g. 1000@50"
        case .notANumber(let part, let text):
            "the \(part) '\(text)' is not a number: expected Q@V, e.g. 1000@50"
        case .negativeFlow(let value):
            "the flow must be at least 0 vehicles per hour, got \(value)"
        case .nonPositiveSpeed(let value):
            "the speed must be more than 0 km/h, got \(value)"
        }
    }
}
