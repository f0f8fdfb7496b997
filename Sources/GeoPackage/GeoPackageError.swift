/// A failure while writing or reading a GeoPackage, naming the file, what was being done (the SQL
/// statement or the layer and feature) and SQLite's own message.
public struct GeoPackageError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    /// What was attempted, e.g. `insert feature 12 of layer "streets"`.
    public var attempt: String
    public var message: String

    public init(path: String, attempt: String, message: String) {
        self.path = path
        self.attempt = attempt
        self.message = message
    }

    public var description: String { "\(path): cannot \(attempt): \(message)" }
}
