import Foundation

/// Paths to the bundled samples and test fixtures, found from this source file so tests run the
/// same from `swift test`, Xcode or a sanitizer build folder.
public enum FixtureFiles {
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()  // Tests/TestSupport/FixtureFiles.swift

    public static func sample(_ path: String) -> URL { packageRoot.appendingPathComponent("Samples/\(path)") }
    public static func fixture(_ path: String) -> URL {
        packageRoot.appendingPathComponent("Tests/DistrictModelTests/Fixtures/\(path)")
    }

    /// A scratch directory removed by the caller.
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("superblock-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
