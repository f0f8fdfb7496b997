import Foundation
import GeoJSON
import Testing
import TestSupport
@testable import DistrictModel

/// `superblock extract`'s cut on the hand-built `.osm` file: what reaches into the box is the
/// district, what lies only in the margin is context, what lies beyond the margin is not read.
@Suite struct DistrictExtractTests {
    static let file = FixtureFiles.fixture("osm/courtyard.osm")

    /// The building, both streets and the tree reach into this box; the park (31 m east of it) does not.
    static func box(margin: Double = ContextMargin.metres) throws -> ExtractArea {
        try ExtractArea.box(west: 6.1399, south: 46.1990, east: 6.1416, north: 46.2007, margin: margin)
    }

    func context(of extract: DistrictExtract) -> [String: Bool] {
        Dictionary(uniqueKeysWithValues: extract.collection.features.map { ($0.id ?? "?", $0.properties[ContextMargin.key] == .string("yes")) })
    }

    @Test func featuresOnlyInTheMarginAreContext() throws {
        let extract = try DistrictExtract.make(from: Self.file, name: "courtyard.osm", area: try Self.box(), reader: .onPath())
        #expect(context(of: extract) == ["r1": false, "w300": false, "w301": false, "n40": false, "r2": true])
        #expect(extract.contextCount == 1)
        #expect(extract.problems.map(\.origin.id) == ["relation 3"])
    }

    @Test func nothingBeyondTheMarginIsRead() throws {
        // A 10 m margin stops short of the park, 31 m east of the box.
        let extract = try DistrictExtract.make(from: Self.file, name: "courtyard.osm", area: try Self.box(margin: 10), reader: .onPath())
        #expect(context(of: extract)["r2"] == nil)
        #expect(context(of: extract)["r1"] == false)
    }

    @Test func theMarginIsThreeHundredMetresOnEverySide() throws {
        let area = try Self.box()
        let grown = try #require(area.withMargin.bounds)
        // WGS 84 metres per degree at 46.2 N (latitude: 111,141 m; longitude: 77,100 m).
        let latitude = 46.1999 * Double.pi / 180
        let metresLat = 111_132.954 - 559.822 * cos(2 * latitude) + 1.175 * cos(4 * latitude)
        let metresLon = 111_412.84 * cos(latitude) - 93.5 * cos(3 * latitude) + 0.118 * cos(5 * latitude)
        #expect(abs((46.1990 - grown.minY) * metresLat - 300) < 1)
        #expect(abs((grown.maxY - 46.2007) * metresLat - 300) < 1)
        #expect(abs((6.1399 - grown.minX) * metresLon - 300) < 1)
        #expect(abs((grown.maxX - 6.1416) * metresLon - 300) < 1)
    }

    @Test func aBadBoxIsRefusedWithWhatIsWrong() {
        #expect(throws: ExtractAreaError.self) { try ExtractArea.box(west: 6.2, south: 46.1, east: 6.1, north: 46.2) }
        #expect(throws: ExtractAreaError.self) { try ExtractArea.box(west: 6.1, south: 95, east: 6.2, north: 96) }
    }

    @Test func theLoaderReadsTheFlagAsContext() throws {
        let extract = try DistrictExtract.make(from: Self.file, name: "courtyard.osm", area: try Self.box(), reader: .onPath())
        let directory = try FixtureFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let district = directory.appendingPathComponent("district.geojson")
        try extract.write(to: district)
        let loaded = try DistrictLoader().load([district])
        #expect(loaded.features.filter(\.isContext).map(\.id) == ["r2"])
        #expect(loaded.greens.first?.isContext == true)
        #expect(loaded.buildings.first.map { !$0.isContext } == true)
    }
}
