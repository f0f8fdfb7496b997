/// An input the emission model cannot use, with a message fit for the user.
public struct EmissionInputError: Error, Sendable, Hashable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
