import Foundation
import TestSupport

/// One run of the built `superblock` binary: exit status and everything it printed. Exit codes and
/// traps can only be seen from outside the process, which is why these tests do not call the
/// commands in-process as `CommandContractTests` does.
struct CLIRun {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    var status: Int32
    var output: String
    var timedOut: Bool

    /// The binary beside the test bundle (the same build folder, so a sanitizer build runs its own),
    /// else the package's debug build.
    static let binary: URL? = {
        var folders: [URL] = []
        for argument in CommandLine.arguments where argument.hasSuffix(".xctest") {
            folders.append(URL(fileURLWithPath: argument).deletingLastPathComponent())
        }
        folders.append(Bundle.main.bundleURL)
        folders.append(Bundle.main.bundleURL.deletingLastPathComponent())
        if let executable = Bundle.main.executableURL { folders.append(executable.deletingLastPathComponent()) }
        folders.append(FixtureFiles.packageRoot.appendingPathComponent(".build/debug"))
        return folders.map { $0.appendingPathComponent("superblock") }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    init(_ arguments: [String], timeout: TimeInterval, in directory: URL? = nil, environment: [String: String]? = nil) throws {
        guard let binary = Self.binary else { throw Failure(description: "the superblock binary is not built") }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if let environment { process.environment = environment }
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("superblock-cli-\(UUID().uuidString).log")
        guard FileManager.default.createFile(atPath: log.path, contents: nil) else { throw Failure(description: "cannot create \(log.path)") }
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        timedOut = process.isRunning
        if timedOut {
            process.terminate()
        }
        process.waitUntilExit()
        try handle.close()
        status = process.terminationStatus
        output = String(decoding: (try? Data(contentsOf: log)) ?? Data(), as: UTF8.self)
    }
}
