import CNOSSOS
import DistrictModel
import Foundation
import GeoJSON
@testable import Indicators
@testable import Reports
import Testing
import TestSupport

/// No traps and no non-finite numbers: districts built in memory (past the loader's checks) with
/// impossible values still give finite results, grids stay bounded, and tables never hold nan/inf.
@Suite struct NoTrapTests {
    static func street(_ properties: [String: PropertyValue], y: Double = 4_581_000) -> DistrictFeature {
        var properties = properties
        properties["highway"] = properties["highway"] ?? .string("secondary")
        return DistrictFeature(id: "s", layer: .street, geometry: .lineString([430_000, y, 430_100, y]), attributes: Attributes(properties),
                               origin: FeatureOrigin(file: "mem", index: 0, id: "s"))
    }

    @Test(arguments: ["0", "nan", "-30", "inf", "1e9"])
    func anImpossibleSpeedFallsBackToTheClassSpeed(_ speed: String) {
        let traffic = TrafficInference().traffic(of: Self.street(["maxspeed": .string(speed)]))
        #expect(traffic.flows.day[.light]?.speedKmh == 50)  // secondary
        let noise = NoiseModel().streetNoise(District(crs: "EPSG:25831", features: [Self.street(["maxspeed": .string(speed)])]))
        let level = noise[0].lwA(.day)
        #expect(level.map { $0.isFinite && $0 > 60 && $0 < 100 } == true)  // never dropped, never inf
    }

    @Test func impossibleFlowsAreIgnored() {
        let aadt = TrafficInference().traffic(of: Self.street(["traffic:aadt": .number(1e12)]))
        #expect(aadt.source == .classDefault)
        let counts = TrafficInference().traffic(of: Self.street(["traffic:day:light": .number(.infinity), "traffic:day:heavy": .number(10)]))
        #expect(counts.source == .counts && counts.flows.day[.light] == nil && counts.flows.day[.heavy]?.vehiclesPerHour == 10)
    }

    @Test func anImpossiblePopulationIsNotGiven() throws {
        let square = GeoJSONGeometry.polygon([[430_000, 4_581_000, 430_010, 4_581_000, 430_010, 4_581_010, 430_000, 4_581_010, 430_000, 4_581_000]])
        let building = DistrictFeature(id: "b", layer: .building, geometry: square,
                                       attributes: Attributes(["building": .string("yes"), "population": .number(1e19), "building:levels": .number(.nan)]),
                                       origin: FeatureOrigin(file: "mem", index: 0, id: "b"))
        let estimate = try PopulationEstimator().estimate(District(crs: "EPSG:25831", features: [building]))
        #expect(estimate[0].method == .floorArea)
        #expect(abs(estimate[0].population - 100.0 / 35) < 1e-9)  // one storey of 100 m2
    }

    @Test func theSourceGridStaysBoundedWhateverTheExtentAndRadius() {
        let grid = SourceGrid(polylines: [[0, 0, 10, 0], [1e12, 0, 1e12 + 10, 5e11], [-1e300, -1e300, -1e300, -1e300]])
        #expect(grid.cellCount <= 4_000_000)
        #expect(grid.sources(nearX: 5, y: 0, radius: 20) == [0])
        #expect(grid.sources(nearX: 5, y: 0, radius: .infinity) == [0, 1, 2])
        #expect(grid.sources(nearX: 5, y: 0, radius: 1e300).contains(0))
        #expect(grid.sources(nearX: .nan, y: 0, radius: 250).isEmpty)
        #expect(SourceGrid.index(.infinity, limit: 7) == 7 && SourceGrid.index(-.infinity, limit: 7) == 0 && SourceGrid.index(.nan, limit: 7) == 0)
        #expect(SourceGrid.index(1e300, limit: 7) == 7 && SourceGrid.index(3.7, limit: 7) == 3)
    }

    @Test func numbersNeverPrintAsNanOrInf() {
        #expect(NumberFormat.fixed(.nan, 2) == "" && NumberFormat.fixed(.infinity, 1) == "" && NumberFormat.fixed(-.infinity, 1) == "")
        #expect(NumberFormat.fixed(-0.001, 2) == "0.00")
        #expect(NumberFormat.grouped(1e19) == "1e+19" && NumberFormat.grouped(Double.nan) == "-" && NumberFormat.grouped(12_345.6) == "12,346")
    }

    @Test func nonFiniteCellsAreBlankedInNumericColumnsOnly() {
        var table = CSVTable(header: ["id", "value"], rows: [["nan", "inf"], ["a", "2.5"], ["b", "-nan"]])
        let warnings = table.blankNonFinite()
        #expect(table.rows == [["nan", ""], ["a", "2.5"], ["b", ""]])
        #expect(warnings == ["2 value(s) of value could not be computed (not finite) and are left empty"])
    }

    /// Files are written in parallel, but a failure is reported as the first failing file in the
    /// set's order, and the directory keeps what it held.
    @Test func theFirstFailingFileInOrderIsReported() throws {
        let root = try FixtureFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let directory = try OutputDirectory(path: root.appendingPathComponent("out").path)
        var warnings: [String] = []
        let one = CSVTable(header: ["a"], rows: [["1"]])
        _ = try directory.replaceTables([("streets.csv", one)], warnings: &warnings)
        let failing = { (name: String) in
            OutputFile(name: name, content: .writer { _ throws(OutputError) in throw OutputError(path: name, message: "cannot write") })
        }
        for _ in 0 ..< 20 {
            do {
                _ = try directory.replaceFiles([.table("district.csv", one), failing("report.html"), .table("cells.csv", one),
                                                failing("district.gpkg")], warnings: &warnings)
                Issue.record("a failing file was not reported")
            } catch {
                #expect(error.path == "report.html")
            }
        }
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: directory.url.path)) == ["streets.csv"])
    }

    @Test func tablesReplaceTheDirectoryAsASet() throws {
        let root = try FixtureFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = root.appendingPathComponent("out").path
        let directory = try OutputDirectory(path: path)
        var warnings: [String] = []
        let one = CSVTable(header: ["a"], rows: [["1"]])
        _ = try directory.replaceTables([("streets.csv", one), ("cells.csv", one), ("lots.csv", one)], warnings: &warnings)
        try Data("mine".utf8).write(to: directory.file("notes.txt"))
        let written = try directory.replaceTables([("streets.csv", CSVTable(header: ["a"], rows: [["2"], ["x"]])), ("district.csv", one)], warnings: &warnings)
        #expect(written == [directory.file("streets.csv").path, directory.file("district.csv").path])
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: path))
        #expect(names == ["streets.csv", "district.csv", "notes.txt"])  // our stale tables gone, the user's file kept
        #expect(try String(contentsOf: directory.file("streets.csv"), encoding: .utf8) == "a\n2\nx\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["out"])  // no staging folder left
        #expect(warnings.isEmpty)
        // A path that is a file is an error naming it.
        #expect(throws: OutputError.self) { _ = try OutputDirectory(path: directory.file("notes.txt").path) }
    }
}
