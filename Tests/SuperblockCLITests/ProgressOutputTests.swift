import Foundation
import Testing
import TestSupport
@testable import superblock

/// The progress bar and `--quiet`, seen from outside the process: the bar goes to a terminal
/// only, never to a pipe; `--quiet` leaves nothing but errors.
@Suite struct ProgressOutputTests {
    /// Two streets and a building in EPSG:3857, which the loader replaces (a warning): small, so
    /// a debug build analyses it in well under a second.
    static let input = FixtureFiles.packageRoot.appendingPathComponent("Tests/SuperblockCLITests/Nasty/epsg3857.geojson").path

    struct Output {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// Runs the binary with standard error on `errorHandle` (a pipe or a terminal) and standard
    /// output on a pipe; `readError` collects what standard error received once the run ended.
    static func run(_ arguments: [String], errorHandle: FileHandle, readError: () -> String) throws -> Output {
        let binary = try #require(CLIRun.binary)
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "xterm"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = errorHandle
        try process.run()
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, standardOutput: String(decoding: stdout, as: UTF8.self), standardError: readError())
    }

    static func analyze(_ out: URL, quiet: Bool) -> [String] {
        ["analyze", input, "--out", out.path, "--propagation", "free-field"] + (quiet ? ["--quiet"] : [])
    }

    @Test func noProgressReachesAPipe() throws {
        let directory = try FixtureFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let pipe = Pipe()
        let result = try Self.run(Self.analyze(directory, quiet: false), errorHandle: pipe.fileHandleForWriting) {
            try? pipe.fileHandleForWriting.close()
            return String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        }
        #expect(result.status == 0)
        #expect(result.standardError.contains("warning: EPSG:3857 distorts areas"))
        #expect(!result.standardError.contains("\r") && !result.standardError.contains("\u{1B}"))
        for stage in ["loading", "street space", "noise at facades", "green access", "writing"] {
            #expect(!result.standardError.contains(stage), "\(stage)")
        }
        #expect(result.standardOutput.contains("Wrote ") && result.standardOutput.contains("report.html"))
    }

    @Test func quietPrintsNothingButWritesTheFiles() throws {
        let directory = try FixtureFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let pipe = Pipe()
        let result = try Self.run(Self.analyze(directory, quiet: true), errorHandle: pipe.fileHandleForWriting) {
            try? pipe.fileHandleForWriting.close()
            return String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        }
        #expect(result.status == 0)
        #expect(result.standardOutput.isEmpty && result.standardError.isEmpty, "\(result.standardOutput)\(result.standardError)")
        for file in ["streets.csv", "district.csv", "buildings.csv", "report.html"] {
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent(file).path), "\(file)")
        }
        // Errors still reach standard error.
        let failing = Pipe()
        let failure = try Self.run(["analyze", "no-such-file.geojson", "--out", directory.path, "--quiet"], errorHandle: failing.fileHandleForWriting) {
            try? failing.fileHandleForWriting.close()
            return String(decoding: failing.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        }
        #expect(failure.status == 1 && failure.standardError.contains("no-such-file.geojson: no such file"))
    }

    /// On a terminal (a pseudo-terminal here) the bar is drawn in place and cleared at the end;
    /// warnings start on a cleared line; `--quiet` draws nothing.
    @Test func aTerminalGetsTheBarClearedAtTheEnd() throws {
        let directory = try FixtureFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for quiet in [false, true] {
            let terminal = try PseudoTerminal()
            let result = try Self.run(Self.analyze(directory, quiet: quiet), errorHandle: terminal.follower) { terminal.drain() }
            #expect(result.status == 0)
            let text = result.standardError
            if quiet {
                #expect(text.isEmpty, "\(text)")
                continue
            }
            // Every stage is drawn when it begins, each line drawn over the last.
            for stage in ["loading", "street space", "residents", "noise at facades", "green access", "writing"] {
                #expect(text.contains("\r\u{1B}[2K" + stage), "\(stage)")
            }
            #expect(text.contains("noise at facades  [") && text.contains("/1"))
            #expect(text.contains("\r\u{1B}[2Kwarning: EPSG:3857") || text.hasPrefix("warning: EPSG:3857"))
            #expect(text.hasSuffix("\r\u{1B}[2K"), "\(text.suffix(80).debugDescription)")
        }
    }
}

/// The bar's line, worked by hand.
@Suite struct ProgressLineTests {
    @Test func barPercentCountsAndTimeLeft() {
        let stage = TerminalProgress.Stage(name: "noise at facades", total: 2000, started: Date())
        // A quarter done: 5 of 20 marks; 10 s for 500 items, so 30 s for the 1,500 left.
        #expect(TerminalProgress.line(stage: stage, done: 500, elapsed: 10, tick: 0)
                == "noise at facades  [#####...............]  25 %  500/2,000  about 30 s left")
        // No estimate before half a second, nor once done.
        #expect(!TerminalProgress.line(stage: stage, done: 10, elapsed: 0.2, tick: 0).contains("left"))
        #expect(TerminalProgress.line(stage: stage, done: 2000, elapsed: 40, tick: 0).hasSuffix("100 %  2,000/2,000"))
        #expect(TerminalProgress.duration(185) == "3 min 05 s")
        // A stage without a count: a spinner and the time spent.
        let loading = TerminalProgress.Stage(name: "loading", total: nil, started: Date())
        #expect(TerminalProgress.line(stage: loading, done: 0, elapsed: 3.2, tick: 1) == "loading  /  3 s")
    }
}

/// A pseudo-terminal pair: the follower side is given to the child as standard error, the leader
/// side read back by a thread of its own (so the child never blocks on a full buffer).
final class PseudoTerminal: @unchecked Sendable {
    let leader: Int32
    let follower: FileHandle
    private var received = Data()
    private let finished = DispatchSemaphore(value: 0)

    struct Failure: Error {}

    init() throws {
        // posix_openpt and friends are not visible to Swift: the same through /dev/ptmx and the
        // Linux ioctls TIOCSPTLCK (unlock) and TIOCGPTN (the follower's number).
        leader = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0, number: UInt32 = 0
        guard leader >= 0, ioctl(leader, 0x4004_5431, &unlock) == 0, ioctl(leader, 0x8004_5430, &number) == 0 else { throw Failure() }
        let fd = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
        guard fd >= 0 else { throw Failure() }
        follower = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        Thread { [self] in
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                // Ends with EIO once every follower descriptor (ours, the child's) is closed.
                let count = read(leader, &buffer, buffer.count)
                if count <= 0 { break }
                received.append(buffer, count: count)
            }
            finished.signal()
        }.start()
    }

    /// Everything the child wrote, once it has exited.
    func drain() -> String {
        try? follower.close()
        finished.wait()
        close(leader)
        return String(decoding: received, as: UTF8.self)
    }
}
