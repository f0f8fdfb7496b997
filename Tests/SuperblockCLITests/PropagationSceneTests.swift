import Foundation
import Testing
import TestSupport
@testable import superblock

/// `superblock propagation --scene`: the receiver's level per band from a 3D scene, the paths
/// found by the path finder itself.
@Suite struct PropagationSceneTests {
    static func scene(_ name: String) -> String {
        FixtureFiles.packageRoot.appendingPathComponent("Tests/CNOSSOSTests/Fixtures/iso_17534_4/scenes/\(name).geojson").path
    }

    @Test func printsTheReceiverLevelPerBand() throws {
        let command = try PropagationCommand.parse(["--scene", Self.scene("TC08"), "--scene", Self.scene("TC21"), "--format", "csv"])
        let output = try captureStandardOutput { try command.run() }
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.first == "case,band,l_db")
        let rows = lines.filter { $0.hasPrefix("TC08,") || $0.hasPrefix("TC21,") }.map { $0.split(separator: ",").map(String.init) }
        #expect(rows.count == 16)
        #expect(rows.prefix(8).map { $0[1] } == ["63", "125", "250", "500", "1000", "2000", "4000", "8000"])
        #expect(rows.allSatisfy { $0.count == 3 && Double($0[2]).map { $0 > 0 && $0 < 93 } == true })
        // TC08: the direct path over the short barrier and the two lateral paths round it.
        let table = try command.sceneTable()
        #expect(table.rows.map(\.name) == ["TC08", "TC21"])
        #expect(table.rows[0].paths == ["direct", "left", "left_curved", "right", "right_curved"])
        // TC21: the curved rays clear the building, so its lateral paths are homogeneous only.
        #expect(table.rows[1].paths == ["direct", "left", "right"])
    }

    @Test func conditionsComeFromTheSceneUnlessGiven() throws {
        let fromScene = try PropagationCommand.parse(["--scene", Self.scene("TC01")]).sceneTable().rows[0].levels
        let explicit = try PropagationCommand.parse(["--scene", Self.scene("TC01"), "--temperature", "10", "--humidity", "70",
                                                     "--favourable", "0.5"]).sceneTable().rows[0].levels
        let warmer = try PropagationCommand.parse(["--scene", Self.scene("TC01"), "--temperature", "30"]).sceneTable().rows[0].levels
        let louder = try PropagationCommand.parse(["--scene", Self.scene("TC01"), "--power", "103"]).sceneTable().rows[0].levels
        #expect(fromScene.count == 8)
        #expect(zip(fromScene, explicit).allSatisfy { abs($0 - $1) < 1e-9 })  // TC01 settings: 10 degC, 70 %, p = 0.5
        #expect(zip(fromScene, warmer).contains { abs($0 - $1) > 0.01 })
        #expect(zip(fromScene, louder).allSatisfy { abs($1 - $0 - 10) < 1e-9 })  // the scene's Lw is 93 dB
    }

    @Test func sceneAndProfilesAreExclusive() {
        #expect(throws: (any Error).self) { try PropagationCommand.parse([]) }
        #expect(throws: (any Error).self) { try PropagationCommand.parse(["profile.json", "--scene", Self.scene("TC01")]) }
    }

    @Test func aBrokenSceneNamesTheFile() throws {
        let directory = try FixtureFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let broken = directory.appendingPathComponent("broken.geojson")
        try Data(#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"layer":"receiver"},"geometry":{"type":"Point","coordinates":[1,2,3]}}]}"#.utf8)
            .write(to: broken)
        let command = try PropagationCommand.parse(["--scene", broken.path])
        #expect { try command.run() } throws: { "\($0)".contains(broken.path) && "\($0)".contains("no source") }
    }
}

/// What `body` writes to standard output (file descriptor 1), captured through a temporary file.
func captureStandardOutput(_ body: () throws -> Void) throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("superblock-stdout-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: url.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: url) }
    let handle = try FileHandle(forWritingTo: url)
    fflush(nil)  // every stream: stdout itself is not concurrency-safe to name
    let saved = dup(1)
    dup2(handle.fileDescriptor, 1)
    defer {
        fflush(nil)
        dup2(saved, 1)
        close(saved)
        try? handle.close()
    }
    try body()
    fflush(nil)
    return try String(contentsOf: url, encoding: .utf8)
}

/// `superblock propagation PROFILE.json... --format csv`: the documented columns, one row per
/// profile and band, LH / LF / L where each applies.
@Suite struct PropagationProfileTests {
    static func profile(_ name: String) -> String {
        FixtureFiles.packageRoot.appendingPathComponent("Tests/CNOSSOSTests/Fixtures/iso_17534_4/profiles/\(name).json").path
    }

    @Test func csvHasOneRowPerProfileAndBand() throws {
        let command = try PropagationCommand.parse([Self.profile("TC08_Direct"), Self.profile("TC08_Left"), Self.profile("TC08_Left_Curved"),
                                                   "--temperature", "10", "--format", "csv"])
        let lines = try command.profileTable().csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(lines[0] == ["case", "path", "band", "lh_db", "lf_db", "l_db"])
        #expect(lines.count == 1 + 3 * 8)
        let direct = lines[1], left = lines[9], curved = lines[17]
        #expect(direct.prefix(3) == ["TC08", "direct", "63"] && !direct[3].isEmpty && !direct[4].isEmpty && !direct[5].isEmpty)
        #expect(left.prefix(3) == ["TC08", "left", "63"] && !left[3].isEmpty && left[4].isEmpty && !left[5].isEmpty)
        #expect(curved.prefix(3) == ["TC08", "left_curved", "63"] && curved[3].isEmpty && !curved[4].isEmpty && curved[5].isEmpty)
        // TC01 at 10 C: the ISO's LH at 63 Hz is 39.21 dB.
        let tc01 = try PropagationCommand.parse([Self.profile("TC01_Direct"), "--temperature", "10"]).profileTable().csv
        #expect(tc01.contains("TC01,direct,63,39.21,"))
        // A negative temperature is a value, not an option.
        #expect(try PropagationCommand.parse([Self.profile("TC01_Direct"), "--temperature", "-5"]).temperature == -5)
    }
}
