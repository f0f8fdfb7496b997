/// Something wrong with one input feature, and what loading did about it. Problems are counted
/// and listed in every report; none of them stops the run.
public struct LoadProblem: Sendable, Equatable, CustomStringConvertible {
    public enum Action: String, Sendable {
        case repaired, skipped, kept
    }

    public var origin: FeatureOrigin
    public var message: String
    public var action: Action

    public init(origin: FeatureOrigin, message: String, action: Action) {
        self.origin = origin
        self.message = message
        self.action = action
    }

    public var description: String { "\(origin): \(message) (\(action.rawValue))" }
}

/// A failure that stops loading: unreadable files, an unknown CRS. Names the file.
public struct DistrictLoadError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var message: String

    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    public var description: String { "\(file): \(message)" }
}
