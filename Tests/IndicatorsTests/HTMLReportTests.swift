import DistrictModel
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GeometryEngine
@testable import Indicators
@testable import Reports
import Testing
import TestSupport

/// The elements of a report as an XML parser sees them: the test fails when the page is not
/// well-formed, and counts what each map draws.
final class ReportOutline: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        /// The `id` of the figure it lies in.
        var figure: String?
    }

    private(set) var elements: [Element] = []
    private(set) var error: Error?
    private var figures: [String?] = []

    init(_ html: String) {
        super.init()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = self
        if !parser.parse() { error = parser.parserError ?? CocoaError(.fileReadCorruptFile) }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if name == "figure" { figures.append(attributes["id"]) }
        elements.append(Element(name: name, attributes: attributes, figure: figures.compactMap { $0 }.last))
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "figure" { figures.removeLast() }
    }

    var figureIDs: [String] { elements.filter { $0.name == "figure" }.compactMap { $0.attributes["id"] } }

    /// Paths of one figure that carry `data-<attribute>`.
    func paths(in figure: String, with attribute: String) -> [String] {
        elements.filter { $0.name == "path" && $0.figure == figure }.compactMap { $0.attributes["data-" + attribute] }
    }

    func count(in figure: String, class name: String) -> Int {
        elements.filter { $0.figure == figure && ($0.attributes["class"] ?? "").split(separator: " ").contains(Substring(name)) }.count
    }
}

/// The synthetic grid with its cells, analysed as `analyze` does (free field), once for the
/// tests that read it.
actor SyntheticAnalysis {
    static let shared = SyntheticAnalysis()
    private var task: Task<AnalysisReport, Error>?

    func value() async throws -> AnalysisReport {
        if task == nil {
            task = Task {
                let district = try DistrictLoader().load([FixtureFiles.sample("synthetic/grid.geojson"), FixtureFiles.sample("synthetic/cells.geojson")])
                let space = try SpaceAllocator().allocate(district)
                let population = try PopulationEstimator().estimate(district)
                let noise = try await NoiseModel(options: .freeField).analyse(district, population: population)
                let green = try GreenAnalyzer().analyse(district, population: population)
                let lots = try LotAnalyzer().analyse(district, population: population, greenToday: green)
                return AnalysisReport(district: district, space: space, population: population, noise: noise, green: green, lots: lots)
            }
        }
        return try await task!.value
    }
}

/// `report.html`: well-formed, self-contained, one path per feature in each map, every map with
/// its legend, scale bar and north arrow.
@Suite struct HTMLReportTests {
    static func checkSelfContained(_ html: String) {
        #expect(html.hasPrefix("<!DOCTYPE html>\n"))
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("http://") && !html.contains("https://"))
        #expect(!html.contains("<link") && !html.contains("<img") && !html.contains("@import") && !html.contains("url("))
    }

    @Test func analysisReportDrawsEveryStreetAndBuilding() async throws {
        let report = try await SyntheticAnalysis.shared.value()
        let html = try AnalysisHTMLReport(report).html()
        Self.checkSelfContained(html)
        let outline = ReportOutline(html)
        #expect(outline.error == nil, "\(String(describing: outline.error))")
        let district = report.district
        #expect(outline.figureIDs == ["map-street-space", "map-pedestrian-share", "map-lden", "map-traffic", "map-green-access", "map-cells-lots"])

        // One centreline per street, named by its id, in the pedestrian-share map.
        #expect(outline.paths(in: "map-pedestrian-share", with: "street").sorted() == district.streets.map(\.id).sorted())
        // One polygon per building in the Lden and green maps.
        for map in ["map-lden", "map-green-access"] {
            #expect(outline.paths(in: map, with: "building").sorted() == district.buildings.map(\.id).sorted(), "\(map)")
        }
        // One polygon per resolved piece of street space, owner and category named.
        let pieces = outline.elements.filter { $0.name == "path" && $0.figure == "map-street-space" && $0.attributes["data-category"] != nil }
        #expect(pieces.count == report.space.pieces.count && !pieces.isEmpty)
        #expect(Set(pieces.compactMap { $0.attributes["data-street"] }) == Set(report.space.streets.filter { $0.areas.total > 0 }.map(\.id)))
        // Cells and the ranked lot.
        #expect(outline.paths(in: "map-cells-lots", with: "cell").count == district.cells.count)
        #expect(outline.paths(in: "map-cells-lots", with: "lot") == district.vacantLots.map(\.id))
        #expect(html.contains(">#1</text>"))

        for map in outline.figureIDs {
            #expect(outline.count(in: map, class: "legend") == 1, "\(map)")
            #expect(outline.count(in: map, class: "scale-bar") == 1, "\(map)")
            #expect(outline.count(in: map, class: "north-arrow") == 1, "\(map)")
        }
        // The thresholds, the assumptions and the sources are in the text.
        #expect(html.contains("minimum 60 %, desirable 75 %"))
        #expect(html.contains("Assumed heights:"))
        #expect(html.contains("Branas et al. 2018") && html.contains("2021/1226"))
    }

    /// The traffic map colours each street by the flow its emission rests on (the grid's counts:
    /// 3,000 a day on residential streets, 20,000 on the secondary ones) and draws the class defaults
    /// dashed, apart from the streets with their own figures.
    @Test func trafficMapShowsFlowsAndDashesTheDefaults() async throws {
        var district = try DistrictLoader().load([FixtureFiles.sample("synthetic/grid.geojson")])
        // The north-south streets lose their counts: their flows become class defaults.
        for index in district.features.indices where district.features[index].id.hasPrefix("ns-") {
            district.features[index].attributes.values["traffic:aadt"] = nil
        }
        let population = try PopulationEstimator().estimate(district)
        let noise = try await NoiseModel(options: .freeField).analyse(district, population: population)
        let frame = MapFrame(extent: ContextLayers.extent(of: [district]))
        let outline = ReportOutline("<html>" + TrafficMap(district: district, noise: noise).figure(in: frame).html + "</html>")
        #expect(outline.error == nil, "\(String(describing: outline.error))")
        let streets = outline.elements.filter { $0.name == "path" && $0.attributes["data-street"] != nil }
        #expect(streets.count == district.streets.count)
        let groups = outline.elements.filter { $0.name == "g" }
        let dashed = try #require(groups.first { ($0.attributes["class"] ?? "").contains("defaulted") })
        #expect(dashed.attributes["stroke-dasharray"] != nil)
        #expect(groups.first { ($0.attributes["class"] ?? "").contains("measured") }?.attributes["stroke-dasharray"] == nil)
        let byID = Dictionary(streets.map { ($0.attributes["data-street"]!, $0.attributes["stroke"]!) }, uniquingKeysWith: { first, _ in first })
        for (street, traffic) in zip(district.streets, noise.streets) {
            let expected: String
            switch (street.id.hasPrefix("ns-"), street.attributes.string("highway")) {
            case (false, "secondary"): expected = "#de2d26"  // 20,000: 15,000-30,000
            case (false, _): expected = "#fcae91"  // 3,000: 1,000-5,000
            case (true, "secondary"): expected = "#de2d26"  // class default 15,000
            case (true, _): expected = "#fcae91"  // class default 1,500
            }
            #expect(byID[street.id] == expected, "\(street.id)")
            #expect((traffic.traffic.source == .classDefault) == street.id.hasPrefix("ns-"), "\(street.id)")
        }
        #expect(TrafficMap.colour(999) == "#fee5d9" && TrafficMap.colour(1_000) == "#fcae91" && TrafficMap.colour(30_000) == "#a50f15")
    }

    /// The report as `analyze` writes it, without `--noise-grid`: the Lden map colours every
    /// building (a grid map with no bands drew an empty map before).
    @Test func theWrittenReportColoursTheBuildingsWithoutAGrid() async throws {
        let report = try await SyntheticAnalysis.shared.value()
        let root = try FixtureFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let directory = try OutputDirectory(path: root.appendingPathComponent("out").path)
        _ = try report.write(to: directory)
        let html = try String(contentsOf: directory.file("report.html"), encoding: .utf8)
        let outline = ReportOutline(html)
        #expect(html.contains("<figcaption>Lden at the most exposed facade</figcaption>"))
        #expect(!html.contains("Lden noise map"))
        #expect(outline.paths(in: "map-lden", with: "building").sorted() == report.district.buildings.map(\.id).sorted())
    }

    /// The street space of the grid is all traffic and sidewalk: the legend's m2 are the
    /// allocation's, and its pieces are coloured by their category.
    @Test func streetSpacePiecesCarryTheirCategoryColour() async throws {
        let report = try await SyntheticAnalysis.shared.value()
        let outline = ReportOutline(try AnalysisHTMLReport(report).html())
        for piece in outline.elements where piece.figure == "map-street-space" && piece.attributes["data-category"] != nil {
            let category = try #require(SpaceCategory(rawValue: piece.attributes["data-category"]!))
            #expect(piece.attributes["fill"] == MapPalette.category(category))
        }
    }

    /// Junction pieces are drawn like street pieces, named by the junction's id: on the grid, 96
    /// junctions of a traffic and a sidewalk piece each (and one more added here).
    @Test func junctionPiecesAreDrawnWithTheirJunction() async throws {
        var report = try await SyntheticAnalysis.shared.value()
        let piece = try #require(report.space.pieces.first)
        report.space.junctions.append(JunctionAllocation(id: "j-7", streets: ["a", "b"], areas: SpaceAreas([.traffic: piece.area]), x: 0, y: 0))
        report.space.pieces.append(SpacePiece(owner: .junction(report.space.junctions.count - 1), category: .traffic, area: piece.area, wkb: piece.wkb))
        let outline = ReportOutline(try AnalysisHTMLReport(report).html())
        let expected = report.space.pieces.compactMap { piece -> String? in
            if case .junction(let index) = piece.owner { return report.space.junctions[index].id } else { return nil }
        }
        #expect(expected.count == 2 * 96 + 1)
        #expect(outline.paths(in: "map-street-space", with: "junction").sorted() == expected.sorted())
        #expect(outline.paths(in: "map-street-space", with: "category").count == report.space.pieces.count)
    }

    @Test func comparisonReportShowsBothLayoutsAndTheChanges() async throws {
        let comparison = try await SyntheticComparison.shared.value()
        let html = try ComparisonHTMLReport(comparison).html()
        Self.checkSelfContained(html)
        let outline = ReportOutline(html)
        #expect(outline.error == nil, "\(String(describing: outline.error))")
        #expect(outline.figureIDs == ["map-street-space-before", "map-street-space-after", "map-change-people-space",
                                      "map-change-pedestrian-share", "map-lden-before", "map-lden-after", "map-change-lden"])
        #expect(!html.contains("id=\"traffic\""), "no traffic section without the traffic comparison")
        #expect(outline.paths(in: "map-street-space-before", with: "category").count == comparison.before.space.pieces.count)
        #expect(outline.paths(in: "map-street-space-after", with: "category").count == comparison.after.space.pieces.count)
        // Every paired street once in each change map; every building in the Lden maps.
        for map in ["map-change-people-space", "map-change-pedestrian-share"] {
            #expect(outline.paths(in: map, with: "street").count == comparison.matches.count, "\(map)")
        }
        for map in ["map-lden-before", "map-lden-after", "map-change-lden"] {
            #expect(outline.paths(in: map, with: "building").count == comparison.after.district.buildings.count, "\(map)")
        }
        for map in outline.figureIDs {
            #expect(outline.count(in: map, class: "legend") == 1 && outline.count(in: map, class: "scale-bar") == 1
                    && outline.count(in: map, class: "north-arrow") == 1, "\(map)")
        }
        // The summary table: one row per row of ComparisonSummary, under the header.
        let rows = outline.elements.filter { $0.name == "tr" }.count
        #expect(rows >= comparison.summary.rows.count + 1)
        // The plan moves every interior carriageway: the interior streets gain people's space (a
        // blue, "better" bin), and none of the streets loses any.
        let interior = outline.elements.filter { $0.figure == "map-change-people-space" && $0.name == "path" && $0.attributes["data-street"] != nil }
        let gains = MapPalette.changeBins(small: 5, large: 200, betterWhenNegative: false).suffix(2).map(\.colour)
        let losses = MapPalette.changeBins(small: 5, large: 200, betterWhenNegative: false).prefix(2).map(\.colour)
        #expect(interior.contains { gains.contains($0.attributes["stroke"] ?? "") })
        #expect(!interior.contains { losses.contains($0.attributes["stroke"] ?? "") })
    }

    /// With the traffic comparison (as `compare` writes it) the report gains a section: the change
    /// in flow per street, where the plan's fixed cut takes 82 % off every interior street (the
    /// darkest "better" bin) and leaves the others as they were (the neutral bin), then the
    /// interior and perimeter means and car travel.
    @Test func comparisonReportShowsTheChangeInTraffic() async throws {
        let comparison = try await SyntheticComparison.shared.value()
        let traffic = try SyntheticComparison.traffic(comparison)
        let html = try ComparisonHTMLReport(comparison, traffic: traffic).html()
        let outline = ReportOutline(html)
        #expect(outline.error == nil, "\(String(describing: outline.error))")
        #expect(outline.figureIDs.last == "map-change-traffic")
        let streets = outline.elements.filter { $0.figure == "map-change-traffic" && $0.name == "path" && $0.attributes["data-street"] != nil }
        #expect(streets.count == comparison.matches.count)
        let bins = MapPalette.changeBins(small: 5, large: 50, betterWhenNegative: true)
        let roles = Dictionary(traffic.streets.compactMap { street in street.after.map { (comparison.after.district.streets[$0].id, street.role) } },
                               uniquingKeysWith: { first, _ in first })
        for street in streets {
            let id = street.attributes["data-street"]!
            #expect(street.attributes["stroke"] == (roles[id] == .interior ? bins[0].colour : bins[2].colour), "\(id)")
        }
        #expect(roles.values.contains(.interior) && roles.values.contains(.perimeter))
        #expect(html.contains("Traffic on the cells&#39;") || html.contains("Traffic on the cells'"))
        #expect(html.contains("mean car travel time, s") && html.contains("directness"))
        // The cells are outlined over the street maps, so interior and perimeter can be told apart.
        for map in ["map-change-traffic", "map-change-people-space"] {
            #expect(outline.count(in: map, class: "context-cells") == 1, "\(map)")
        }
    }
}

/// The SVG writer and the map furniture against hand-derived values.
@Suite struct SVGMapTests {
    /// 0 ... 100 m with the 2 % margin: the frame runs from -2 to 102 m, 1,040 units of 0.1 m.
    let frame = MapFrame(extent: Envelope(minX: 0, minY: 0, maxX: 100, maxY: 100))

    @Test func ringsAreRelativeDecimetreSteps() {
        #expect(frame.width == 1040 && frame.height == 1040)
        var path = SVGPath()
        // (0, 0) is 2 m right of the left edge and 102 m below the top: (20, 1020).
        path.addRing([0, 0, 10, 0, 10, 10, 0, 10, 0, 0], in: frame)
        #expect(path.data == "M20 1020l100 0 0-100-100 0z")
        // Vertices that round onto the previous one are dropped; a ring that collapses is left out.
        var small = SVGPath()
        small.addRing([0, 0, 0.01, 0, 0.02, 0.01, 0, 0], in: frame)
        #expect(small.isEmpty)
        var line = SVGPath()
        line.addLine([50, 50, 50.04, 50, 51.26, 49.5], in: frame)
        #expect(line.data == "M520 520l13 5")
    }

    @Test func scaleBarTakesARoundLengthOfAboutAFifth() {
        #expect(ScaleBar(frame: frame).length == 20)          // 104 m / 5 = 20.8
        let town = MapFrame(extent: Envelope(minX: 0, minY: 0, maxX: 2000, maxY: 1500))
        #expect(ScaleBar(frame: town).length == 200)           // 2,080 / 5 = 416
        let city = MapFrame(extent: Envelope(minX: 0, minY: 0, maxX: 5000, maxY: 100))
        #expect(ScaleBar(frame: city).length == 1000 && ScaleBar.label(metres: 1000) == "1 km")  // 5,200 / 5 = 1,040
    }

    @Test func noiseBandsFollowTheENDBands() {
        #expect(MapPalette.noiseBands.map(\.label) == ["below 50 dB", "50-54 dB", "55-59 dB", "60-64 dB", "65-69 dB", "70-74 dB", "75 dB and above"])
        #expect(MapPalette.noise(54.99) == MapPalette.noiseBands[1].colour && MapPalette.noise(55) == MapPalette.noiseBands[2].colour)
        #expect(MapPalette.noise(80) == MapPalette.noiseBands[6].colour && MapPalette.noise(20) == MapPalette.noiseBands[0].colour)
    }

    /// The Lden map of a noise grid: one path per band polygon, in its band's colour, the
    /// buildings on top.
    @Test func noiseGridBandsAreDrawnInTheirBandColours() throws {
        let context = GeometryContext()
        let quiet = try Geometry.fromWKT("POLYGON((0 0, 50 0, 50 100, 0 100, 0 0))", in: context).wkb()
        let loud = try Geometry.fromWKT("POLYGON((50 0, 100 0, 100 100, 50 100, 50 0))", in: context).wkb()
        let building = DistrictFeature(id: "b1", layer: .building, geometry: .polygon([[10, 10, 20, 10, 20, 20, 10, 20, 10, 10]]),
                                       attributes: Attributes([:]), origin: FeatureOrigin(file: "t", index: 0, id: "b1"))
        let map = NoiseMap(district: District(crs: "EPSG:25831", features: [building]),
                           grid: [NoiseBandPolygon(lower: 55, wkb: quiet), NoiseBandPolygon(lower: 70, wkb: loud)])
        let figure = try map.figure(in: frame)
        let outline = ReportOutline(figure.html)
        #expect(outline.error == nil)
        let bands = outline.elements.filter { $0.name == "path" && $0.attributes["data-band"] != nil }
        #expect(bands.map { $0.attributes["data-band"] } == ["55", "70"])
        #expect(bands.map { $0.attributes["fill"] } == [MapPalette.noiseBands[2].colour, MapPalette.noiseBands[5].colour])
        #expect(outline.count(in: "map-lden", class: "buildings") == 1)
    }

    @Test func textIsEscapedForXML() {
        #expect(XMLText.escape("Gran Via & <Corts> \"Catalanes\" l'Eixample") == "Gran Via &amp; &lt;Corts&gt; &quot;Catalanes&quot; l&#39;Eixample")
        let outline = ReportOutline("<p>" + XMLText.escape("a \u{1} & b") + "</p>")
        #expect(outline.error == nil)
    }
}
