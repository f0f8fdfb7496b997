import Foundation

/// A CSV file in the making: UTF-8, comma-separated, a header row, RFC 4180 quoting.
public struct CSVTable: Sendable, Equatable {
    public var header: [String]
    public var rows: [[String]]

    public init(header: [String], rows: [[String]] = []) {
        self.header = header
        self.rows = rows
    }

    public var text: String {
        ([header] + rows).map { $0.map(Self.escape).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Writes atomically (a temporary file renamed into place), so a failed run never leaves a
    /// half-written table for a script to pick up.
    public func write(to url: URL) throws(OutputError) {
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw OutputError(path: url.path, message: error.localizedDescription)
        }
    }
}

/// A failure to write an output file, naming it.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): cannot write: \(message)" }
}
