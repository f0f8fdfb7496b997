import Foundation
import GeoJSON
import TestSupport
import Testing
@testable import DistrictModel

@Suite struct BuildingHeightTests {
    @Test func heightThenLevelsThenTheDefault() {
        let given = BuildingHeight(attributes: Attributes(["height": .string("12.5 m"), "building:levels": .string("7")]))
        #expect(given == BuildingHeight(metres: 12.5, source: .height))
        let levels = BuildingHeight(attributes: Attributes(["building:levels": .string("7")]))
        #expect(levels == BuildingHeight(metres: 21, source: .levels))  // 7 x 3 m
        let none = BuildingHeight(attributes: Attributes(["building": .string("apartments")]))
        #expect(none == BuildingHeight(metres: 3, source: .default) && none.isDefaulted)
        // Values that cannot be right fall through to the next source.
        let bad = BuildingHeight(attributes: Attributes(["height": .string("0"), "building:levels": .string("500")]))
        #expect(bad.source == .default)
        let feet = BuildingHeight(attributes: Attributes(["height": .string("40'")]))
        #expect(feet.source == .height && abs(feet.metres - 12.192) < 1e-9)
    }

    /// The Eixample extract: 28 buildings carry `height`, 755 more `building:levels`, and 1,110 of
    /// the 1,893 neither (counted by an independent script over the GeoJSON properties).
    @Test func eixampleDefaultedHeightsAreCounted() throws {
        let district = try DistrictLoader().load([FixtureFiles.sample("eixample/buildings.geojson")])
        #expect(district.buildings.count == 1893)
        let sources = district.buildings.map(\.buildingHeight.source)
        #expect(sources.filter { $0 == .height }.count == 28)
        #expect(sources.filter { $0 == .levels }.count == 755)
        #expect(district.buildingsWithDefaultHeight == 1110)
    }
}
