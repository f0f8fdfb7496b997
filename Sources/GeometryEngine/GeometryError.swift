/// An operation GEOS refused, with the message GEOS gave (e.g. a TopologyException with its location).
public struct GeometryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What we asked GEOS to do, e.g. "buffer" or "polygon from rings".
    public var operation: String
    /// GEOS's own explanation, or ours when the input was refused before reaching GEOS.
    public var message: String

    public init(operation: String, message: String) {
        self.operation = operation
        self.message = message
    }

    public var description: String { "\(operation): \(message)" }
}
