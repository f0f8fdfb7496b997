import Foundation
import Testing
import TestSupport

/// The nasty-input corpus (`Nasty/manifest.tsv`): every case runs through the `superblock` binary,
/// as a user would run it, and must give its documented exit code and message, within seconds,
/// without writing `nan` or `inf` into any table.
@Suite struct NastyInputTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var file: String
        var command: String
        var exitCode: Int32
        var fragment: String
        var line: Int

        var testDescription: String { "line \(line): \(command.replacingOccurrences(of: "{file}", with: file))" }
    }

    static let folder = FixtureFiles.packageRoot.appendingPathComponent("Tests/SuperblockCLITests/Nasty")

    static let cases: [Case] = {
        guard let text = try? String(contentsOf: folder.appendingPathComponent("manifest.tsv"), encoding: .utf8) else { return [] }
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { offset, line in
            guard !line.hasPrefix("#"), !line.isEmpty else { return nil }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4, let code = Int32(fields[2]) else { return nil }
            return Case(file: fields[0], command: fields[1], exitCode: code, fragment: fields[3], line: offset + 1)
        }
    }()

    @Test func theManifestIsReadWhole() throws {
        let text = try String(contentsOf: Self.folder.appendingPathComponent("manifest.tsv"), encoding: .utf8)
        let lines = text.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(Self.cases.count == lines.count)
        #expect(Self.cases.count >= 50)
    }

    @Test(arguments: cases) func nastyInput(_ nasty: Case) throws {
        let scratch = try FixtureFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("out")
        let path: String
        if nasty.file.hasPrefix("@") {
            path = scratch.appendingPathComponent(String(nasty.file.dropFirst())).path
            try Self.generate(String(nasty.file.dropFirst()), at: path)
        } else if nasty.file.hasPrefix("/") || nasty.file == "-" {
            path = nasty.file
        } else {
            path = Self.folder.appendingPathComponent(nasty.file).path
        }
        let arguments = nasty.command.split(separator: " ").map {
            String($0).replacingOccurrences(of: "{file}", with: path).replacingOccurrences(of: "{out}", with: out.path)
                .replacingOccurrences(of: "{dir}", with: Self.folder.path)
        }
        let run = try CLIRun(arguments, timeout: 60)
        #expect(!run.timedOut, "still running after 60 s")
        #expect(run.status == nasty.exitCode, "exit \(run.status), expected \(nasty.exitCode)\n\(run.output)")
        #expect(run.output.contains(nasty.fragment), "no '\(nasty.fragment)' in:\n\(run.output)")
        #expect(!run.output.contains("Fatal error") && !run.output.contains("Stack dump"))
        for table in try Self.tables(under: out) {
            let text = try String(contentsOf: table, encoding: .utf8)
            #expect(!Self.hasNonFiniteCell(text), "\(table.lastPathComponent) holds nan or inf")
        }
        if nasty.exitCode != 0 {
            #expect(!FileManager.default.fileExists(atPath: out.path), "a failed run wrote \(out.path)")
        }
    }

    /// Files are named by the path the user gave (the `source` column), and `plan` still finds its
    /// streets in the file when that path is relative.
    @Test func relativePathsNameTheSourceAndThePlanApplies() throws {
        let scratch = try FixtureFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let after = scratch.appendingPathComponent("after.geojson").path
        let plan = try CLIRun(["plan", "grid.geojson", "--cells", "cells.geojson", "-o", after], timeout: 60,
                              in: FixtureFiles.sample("synthetic"))
        #expect(plan.status == 0, "\(plan.output)")
        let written = try String(contentsOfFile: after, encoding: .utf8)
        #expect(written.components(separatedBy: "\"superblock:plan\"").count - 1 == 108)
        let analyze = try CLIRun(["analyze", "Nasty/valid.geojson", "--out", scratch.appendingPathComponent("out").path], timeout: 60,
                                 in: Self.folder.deletingLastPathComponent())
        #expect(analyze.status == 0, "\(analyze.output)")
        let streets = try String(contentsOf: scratch.appendingPathComponent("out/streets.csv"), encoding: .utf8)
        #expect(streets.contains(",Nasty/valid.geojson#0,"))
    }

    @Test func theCellCheckFindsNonFiniteCells() {
        #expect(Self.hasNonFiniteCell("a,b\n1,inf\n"))
        #expect(Self.hasNonFiniteCell("a,b\n-nan,2\n"))
        #expect(!Self.hasNonFiniteCell("id,b\ninfinite-street,2\n"))
    }

    static func hasNonFiniteCell(_ csv: String) -> Bool {
        csv.split(whereSeparator: \.isNewline).contains { line in
            line.split(separator: ",", omittingEmptySubsequences: false).contains { cell in
                ["nan", "-nan", "inf", "-inf", "infinity", "-infinity"].contains(cell.lowercased())
            }
        }
    }

    static func tables(under directory: URL) throws -> [URL] {
        guard FileManager.default.fileExists(atPath: directory.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil).filter { $0.pathExtension == "csv" }
    }

    /// Inputs too big to commit.
    static func generate(_ name: String, at path: String) throws {
        let text: String
        switch name {
        case "deep-nesting.geojson":
            // 100,000 nested arrays in a property.
            text = #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"a":"#
                + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + #"},"geometry":null}]}"#
        case "deep-array.geojson":
            text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        case "duplicate-streets.geojson":
            // 100,000 copies of one street: once quadratic in the street-space overlay.
            let street = #"{"type":"Feature","properties":{"highway":"residential"},"geometry":{"type":"LineString","coordinates":[[2.16,41.39],[2.163,41.3915]]}}"#
            text = #"{"type":"FeatureCollection","features":["# + Array(repeating: street, count: 100_000).joined(separator: ",") + "]}"
        default:
            throw CLIRun.Failure(description: "no generator for \(name)")
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }
}
