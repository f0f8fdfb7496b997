import DistrictModel
import Foundation
import GeoJSON
import Indicators
import Testing
import TestSupport

/// Cell detection on the real Eixample extract (Samples/eixample, OSM). What the data gives:
///
/// - With the default basic network (tertiary and up) nearly every other Cerda street is basic:
///   Valencia, Casanova, Villarroel and Passeig de Gracia are `tertiary`, Mallorca, Muntaner,
///   Aribau, Balmes and Pau Claris `secondary`, Arago `primary`. The 32 faces are one- and two-block
///   cells (3.1 - 10 ha); after merging the slivers, 17 cells, none of 3 x 3 blocks.
/// - OSM's classes put no basic street every third street here, so no class choice yields a square
///   3 x 3 cell (primary + secondary gives 2 x 4-block cells of 14.2 ha). With the basic network of
///   the superblock model instead - every third street, tagged `superblock=basic`: Arago and
///   Provenca one way, Muntaner and Balmes the other - a regular 3 x 3-block cell comes out of
///   the chamfered grid: about 405 m x 404 m, 16.0 ha, with Valencia, Mallorca, Aribau and Enric
///   Granados inside.
@Suite struct EixampleCellTests {
    static let district: District = try! DistrictLoader().load([FixtureFiles.sample("eixample/roads.geojson"),
                                                                FixtureFiles.sample("eixample/buildings.geojson")])

    @Test func tertiaryAndUpGiveOneAndTwoBlockCells() throws {
        let result = try CellDetection().detect(Self.district)
        #expect(result.faceCount == 32)
        #expect(result.cells.count == 17)
        // A block with its streets is 133.3 m x 133.3 m = 1.78 ha; two blocks 3.55 ha.
        #expect(result.cells.allSatisfy { $0.area > 3.0e4 && $0.area < 10.0e4 && $0.size == .ok })
        #expect(result.cells.contains { $0.faces > 1 })  // slivers were merged
    }

    @Test func everyThirdStreetAsBasicNetworkGivesAThreeByThreeCell() throws {
        let basic: Set<String> = ["Carrer d'Aragó", "Carrer de Provença", "Carrer de Muntaner", "Carrer de Balmes"]
        var district = Self.district
        for index in district.features.indices where district.features[index].layer == .street {
            let feature = district.features[index]
            if let name = feature.attributes.string("name"), basic.contains(name), feature.roadClass.carriesMotorTraffic {
                district.features[index].attributes.values["superblock"] = .string("basic")
            }
        }
        let result = try CellDetection().detect(district)
        #expect(result.basicRule == "streets tagged superblock=basic")
        let cell = try #require(result.cells.first)
        #expect(result.cells.count == 1)
        // 3 x 133.3 m = 400 m a side (chamfers and the real grid's spread give 405 m x 404 m).
        #expect(abs(cell.area - 160_330) < 500)
        #expect(abs(cell.perimeter - 1604) < 5)
        #expect(16 * cell.area / (cell.perimeter * cell.perimeter) > 0.99)  // a square has exactly 1
        let names = Set(cell.interiorStreets.compactMap { district.streets[$0].attributes.string("name") })
        #expect(names.isSuperset(of: ["Carrer de València", "Carrer de Mallorca", "Carrer d'Aribau", "Plaça del Doctor Letamendi"]))
        #expect(cell.throughRoute != nil)  // the interior streets are one-way through streets today
        #expect(cell.residents > 5000)
    }
}
