import Foundation

/// The `osmium` program (osmium-tool), run as a child process.
///
/// Its output goes to files in a scratch directory, never to pipes: a pipe that nobody drains fills
/// up and osmium blocks on it, so a run could hang. Standard input is `/dev/null` for the same reason.
public struct Osmium: Sendable {
    /// The executable.
    public var executable: URL

    /// The Debian/Ubuntu package that provides it, named in the error when it is missing.
    public static let package = "osmium-tool"

    public init(executable: URL) {
        self.executable = executable
    }

    /// The first `osmium` on the `PATH`; fails with the package to install when there is none.
    public static func locate(path: String? = ProcessInfo.processInfo.environment["PATH"]) throws(OSMReadError) -> Osmium {
        let directories = (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        for directory in directories where !directory.isEmpty {
            let candidate = URL(fileURLWithPath: directory).appendingPathComponent("osmium")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return Osmium(executable: candidate) }
        }
        throw OSMReadError.missingOsmium
    }

    /// What one run printed, and how it ended.
    struct Run {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// Runs `osmium ARGUMENTS` and waits for it; output is collected through files in `scratch`.
    func run(_ arguments: [String], scratch: URL) throws(OSMReadError) -> Run {
        let stdoutURL = scratch.appendingPathComponent("osmium-\(UUID().uuidString).out")
        let stderrURL = scratch.appendingPathComponent("osmium-\(UUID().uuidString).err")
        defer {
            try? FileManager.default.removeItem(at: stdoutURL)
            try? FileManager.default.removeItem(at: stderrURL)
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        do {
            guard FileManager.default.createFile(atPath: stdoutURL.path, contents: nil),
                  FileManager.default.createFile(atPath: stderrURL.path, contents: nil) else {
                throw OSMReadError.scratch("cannot create files in \(scratch.path)")
            }
            let out = try FileHandle(forWritingTo: stdoutURL), err = try FileHandle(forWritingTo: stderrURL)
            defer {
                try? out.close()
                try? err.close()
            }
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = out
            process.standardError = err
            try process.run()
            process.waitUntilExit()
        } catch let error as OSMReadError {
            throw error
        } catch {
            throw OSMReadError.cannotRun(executable.path, error.localizedDescription)
        }
        let text = { (url: URL) in (try? String(contentsOf: url, encoding: .utf8)) ?? "" }
        return Run(status: process.terminationStatus, standardOutput: text(stdoutURL), standardError: text(stderrURL))
    }

    /// `osmium 1.15.0 (libosmium 2.19.0)`, from `osmium --version`.
    func version(scratch: URL) throws(OSMReadError) -> String {
        let run = try run(["--version"], scratch: scratch)
        let lines = run.standardOutput.split(separator: "\n").map(String.init)
        let tool = lines.first { $0.hasPrefix("osmium version ") }.map { "osmium " + $0.dropFirst("osmium version ".count) }
        let library = lines.first { $0.hasPrefix("libosmium version ") }.map { "libosmium " + $0.dropFirst("libosmium version ".count) }
        guard let tool else { return "osmium (version unknown)" }
        return library.map { "\(tool) (\($0))" } ?? tool
    }
}

/// Why an OSM extract could not be read. Every case names what to do or what failed.
public enum OSMReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No `osmium` on the PATH.
    case missingOsmium
    /// The executable exists but could not be started.
    case cannotRun(String, String)
    /// osmium ran and failed: the command (e.g. `tags-filter`), its exit status and what it said.
    case failed(command: String, status: Int32, message: String)
    /// osmium's output could not be read back.
    case unreadableOutput(String)
    case scratch(String)

    public var description: String {
        switch self {
        case .missingOsmium:
            "reading OSM extracts needs osmium, which is not installed: install the package \(Osmium.package) "
                + "(apt-get install \(Osmium.package), or `make setup`)"
        case .cannotRun(let path, let reason): "cannot run \(path): \(reason)"
        case .failed(let command, let status, let message):
            "osmium \(command) failed (exit status \(status))" + (message.isEmpty ? "" : ": \(message)")
        case .unreadableOutput(let reason): "cannot read osmium's output: \(reason)"
        case .scratch(let reason): "cannot use a temporary directory: \(reason)"
        }
    }
}
