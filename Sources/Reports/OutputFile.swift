import Foundation

/// One file of a run's output set: a CSV table, or any other file (a GeoPackage, an HTML report)
/// that knows how to write itself to a path.
///
/// Every file of a set is written into a staging directory first and renamed into place only when
/// all of them succeeded (`OutputDirectory.replaceFiles`), so a failed run never leaves a
/// half-written file, and never a new table beside an old map.
public struct OutputFile: Sendable {
    public enum Content: Sendable {
        case table(CSVTable)
        /// Writes the file at the given path (which does not exist yet).
        case writer(@Sendable (URL) throws(OutputError) -> Void)
    }

    public var name: String
    public var content: Content

    public init(name: String, content: Content) {
        self.name = name
        self.content = content
    }

    public static func table(_ name: String, _ table: CSVTable) -> OutputFile {
        OutputFile(name: name, content: .table(table))
    }

    /// A text file (HTML, GeoJSON) written as UTF-8.
    public static func text(_ name: String, _ text: String) -> OutputFile {
        OutputFile(name: name, content: .writer { url throws(OutputError) in
            do { try Data(text.utf8).write(to: url) } catch { throw OutputError(path: url.path, message: error.localizedDescription) }
        })
    }

    public static func writer(_ name: String, _ write: @escaping @Sendable (URL) throws(OutputError) -> Void) -> OutputFile {
        OutputFile(name: name, content: .writer(write))
    }
}
