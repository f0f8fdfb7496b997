import Foundation
import FoundationXML
import GeoPackage
import Indicators
@testable import Reports
import Testing
import TestSupport

/// `compare.gpkg` on the synthetic plan (`SyntheticComparison`): the per-street square metres that
/// moved add up to the district's transfers, cells carry their cell transfers, every street pair is
/// a feature; and every style we store is well-formed QML with one symbol per class.
@Suite struct ComparisonGeoPackageTests {
    @Test func changesPerStreetBuildingAndCell() async throws {
        let comparison = try await SyntheticComparison.shared.value()
        let layers = try ComparisonGeoPackage(comparison).layers()
        let directory = try FixtureFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("compare.gpkg").path
        guard case .writer(let write) = try MapLayers.file("compare.gpkg", layers: layers, crs: comparison.after.district.crs).content else {
            Issue.record("a GeoPackage is written by its writer")
            return
        }
        try write(URL(fileURLWithPath: path))
        let db = try SQLiteConnection(path: path)

        let streets = try db.query("SELECT moved_vehicle_to_people_m2, moved_vehicle_to_green_m2, pedestrian_share_change_pct, match FROM streets")
        #expect(streets.count == comparison.matches.count)
        let summary = comparison.summary
        let toPeople = streets.compactMap { $0[0].number }.reduce(0, +), toGreen = streets.compactMap { $0[1].number }.reduce(0, +)
        // What moved inside junctions belongs to no street's row: streets and junctions add up.
        let inJunctions = comparison.ownerTransfers
            .filter { if case .junction = $0.key { true } else { false } }.values
        let junctionPeople = inJunctions.reduce(0) { $0 + $1.total(from: SpaceTransfers.vehicle, to: SpaceTransfers.people) }
        let junctionGreen = inJunctions.reduce(0) { $0 + $1.total(from: SpaceTransfers.vehicle, to: [.green]) }
        #expect(junctionPeople > 0)
        #expect(abs(toPeople + junctionPeople - summary.row("moved_vehicle_to_people_m2")!.change!) < 0.01)
        #expect(abs(toGreen + junctionGreen - summary.row("moved_vehicle_to_green_m2")!.change!) < 0.01)
        #expect(streets.allSatisfy { $0[3] == .text("id") })

        let cells = try db.query("SELECT id, moved_vehicle_to_people_m2, pedestrian_share_before_pct, pedestrian_share_after_pct, pedestrian_share_change_pct FROM cells")
        #expect(cells.count == comparison.after.space.cells.count)
        for cell in cells {
            let id = try #require(cell[0].text), transfers = try #require(comparison.cellTransfers[id])
            #expect(abs(cell[1].number! - transfers.total(from: SpaceTransfers.vehicle, to: SpaceTransfers.people)) < 1e-6)
            #expect(abs(cell[4].number! - (cell[3].number! - cell[2].number!)) < 1e-9)
        }

        let buildings = try db.query("SELECT lden_before_dba, lden_after_dba, lden_change_dba FROM buildings WHERE lden_after_dba IS NOT NULL")
        #expect(buildings.count == comparison.after.noise.buildings.filter { $0.levels != nil }.count)
        for row in buildings { #expect(abs(row[2].number! - (row[1].number! - row[0].number!)) < 0.11) }
    }

    /// Each street's daily flow before and after: the plan's fixed cut takes 82 % off the interior
    /// streets (3,000 -> 540 vehicles a day on the grid's residential streets) and leaves the rest.
    @Test func trafficPerStreet() async throws {
        let comparison = try await SyntheticComparison.shared.value()
        let traffic = try SyntheticComparison.traffic(comparison)
        let layer = try ComparisonGeoPackage(comparison, traffic: traffic).streets(MapLayers())
        let names = layer.columns.map(\.name)
        let column = { (name: String) in names.firstIndex(of: name)! }
        var interior = 0, perimeter = 0
        for feature in layer.features {
            let values = feature.values
            guard case .text(let role) = values[column("role")] else { Issue.record("every street has a role"); continue }
            let before = try #require(values[column("vehicles_day_before")].number), after = try #require(values[column("vehicles_day_after")].number)
            #expect(values[column("vehicles_day_change")].number == after - before)
            let percent = try #require(values[column("vehicles_day_change_pct")].number)
            if role == "interior" {
                interior += 1
                #expect(before == 3_000 && after == 540 && percent == -82)
            } else {
                if role == "perimeter" { perimeter += 1 }
                #expect(after == before && percent == 0)
            }
        }
        #expect(interior > 0 && perimeter > 0)
        #expect(layer.styles.filter(\.isDefault).count == 1 && layer.styles.contains { $0.qml.contains("vehicles_day_change_pct") })
    }

    @Test func stylesAreWellFormedQML() throws {
        let styles = [MapStyles.lden("lden_dba", kind: .fill), MapStyles.noiseBands, MapStyles.streetSpace, MapStyles.greenAccess,
                      MapStyles.pedestrianShare("pedestrian_share_pct", thresholds: PedestrianShareThresholds(), kind: .line),
                      MapStyles.change("lden_change_dba", label: "x", unit: "dB", step: 1, large: 3, betterWhenLower: true, kind: .fill),
                      MapStyles.single("green", colour: 0x66BD63, kind: .marker)]
        let expectedClasses = [7, 6, 6, 3, 4, 6, 0]
        for (style, classes) in zip(styles, expectedClasses) {
            let document = try XMLDocument(xmlString: style.qml)
            let renderer = try #require(try document.nodes(forXPath: "/qgis/renderer-v2").first as? XMLElement)
            let rules = try document.nodes(forXPath: "//rule").count + document.nodes(forXPath: "//category").count
            #expect(rules == classes, "\(style.name)")
            #expect(try document.nodes(forXPath: "//symbols/symbol").count == max(1, classes), "\(style.name)")
            #expect(renderer.attribute(forName: "type")?.stringValue != nil)
        }
        // Band edges are exact: a level of 60.0 is in 60-65, not 55-60.
        #expect(MapStyles.lden("lden_dba", kind: .fill).qml.contains("filter=\"&quot;lden_dba&quot; &gt;= 60 AND &quot;lden_dba&quot; &lt; 65\""))
    }
}
