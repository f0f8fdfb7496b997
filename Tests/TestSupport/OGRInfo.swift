import Foundation

/// GDAL's `ogrinfo` on a GeoPackage: what a user's GIS would read from it (`make setup` installs
/// gdal-bin). One place, so every test that opens a written file does it the same way.
public enum OGRInfo {
    /// The executable, or nil when GDAL is not installed.
    public static let path = ["/usr/bin/ogrinfo", "/usr/local/bin/ogrinfo"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// `ogrinfo -ro -so -al FILE`: the exit status and everything it printed (errors included).
    public static func summary(of file: String, executable: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-ro", "-so", "-al", file]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}
