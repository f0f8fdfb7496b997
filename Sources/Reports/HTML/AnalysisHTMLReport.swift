import DistrictModel
import Foundation
import GeometryEngine
import Indicators

/// `DIR/report.html` of `superblock analyze`: the maps (street space, pedestrian share, Lden,
/// green access, cells and vacant lots), the indicator tables with their thresholds, what the
/// numbers rest on, and the method notes with their sources. One self-contained file.
public struct AnalysisHTMLReport: Sendable {
    public var report: AnalysisReport
    /// Band polygons of a noise grid, drawn as the Lden map instead of the buildings' levels.
    public var noiseGrid: [NoiseBandPolygon]?

    public init(_ report: AnalysisReport, noiseGrid: [NoiseBandPolygon]? = nil) {
        self.report = report
        self.noiseGrid = noiseGrid
    }

    /// The report as an output file (generated while the output set is staged).
    public var outputFile: OutputFile {
        let report = self
        return .writer(Self.fileName) { url throws(OutputError) in
            let html: String
            do { html = try report.html() } catch { throw OutputError(path: Self.fileName, message: "cannot draw the maps: \(error)") }
            do { try Data(html.utf8).write(to: url) } catch { throw OutputError(path: Self.fileName, message: error.localizedDescription) }
        }
    }

    public static let fileName = "report.html"

    public func html() throws(GeometryError) -> String {
        let district = report.district, space = report.space
        let frame = MapFrame(extent: ContextLayers.extent(of: [district]))
        var page = ReportPage(title: "District analysis", meta: ReportMeta.lines(district))

        page.addSection("What the numbers rest on", id: "assumptions",
                        XMLText.list(AssumptionLines(report.assumptions).lines + district.transformNotes, class: "assumptions"))

        let tables = SpaceAllocationTables(space)
        var street = try StreetSpaceMap(district: district, space: space).figure(in: frame).html
        street += PedestrianShareMap(district: district, space: space).figure(in: frame).html
        street += HTMLTable(tables.categoryTable, caption: "Street space by category").html
        if let line = tables.shareLine { street += XMLText.element("p", line) }
        if !space.cells.isEmpty { street += HTMLTable(tables.cellsTable, caption: "Superblock cells").html }
        page.addSection("Street space", id: "street-space", street)

        if let noise = report.noise {
            let map = noiseGrid.map { NoiseMap(district: district, grid: $0) } ?? NoiseMap(district: district, noise: noise)
            var body = try map.figure(in: frame).html
            body += HTMLTable(NoiseTables(noise).exposureTable, caption: "Residents by the level at their most exposed facade").html
            body += XMLText.element("p", "Residents assessed: \(NumberFormat.grouped(noise.exposure.assessedResidents))")
            body += Self.bandsTable(noise.exposure).html
            if let health = report.health {
                let tables = HealthTables(health)
                body += HTMLTable(tables.table, caption: "Health outcomes").html + XMLText.element("p", tables.note, class: "caption")
            }
            page.addSection("Road-traffic noise", id: "noise", body)
            page.addSection("Traffic", id: "traffic", TrafficMap(district: district, noise: noise).figure(in: frame).html)
        }

        if let green = report.green {
            let tables = GreenTables(green)
            var body = GreenAccessMap(district: district, green: green).figure(in: frame).html
            body += HTMLTable(tables.summaryTable, caption: "Green space and trees").html
            body += XMLText.element("p", tables.summaryNote, class: "caption")
            body += XMLText.list(tables.warnings, class: "not-assessed")
            page.addSection("Green space", id: "green", body)
        }

        let cellsAndLots = CellsAndLotsMap(district: district, space: space, lots: report.lots)
        if !cellsAndLots.isEmpty {
            var body = cellsAndLots.figure(in: frame).html
            if !report.lots.isEmpty { body += Self.lotsTable(report.lots).html }
            page.addSection("Cells and vacant lots", id: "cells-lots", body)
        }

        var all = HTMLTable(caption: "As in district.csv", header: ["indicator", "value", "unit"], numeric: [1])
        all.rows = report.districtRows.rows.map { row in [row.indicator, row.value.map { NumberFormat.fixed($0, row.digits) } ?? "", row.unit] }
        page.addSection("All district indicators", id: "indicators", all.html)

        page.addSection("Method and sources", id: "method",
                        MethodNotes.html(noiseNotes: report.noise?.notes ?? [], hasLots: !report.lots.isEmpty, hasCells: !space.cells.isEmpty))
        page.addSection("Problems", id: "problems", ReportMeta.problems(district.problems + space.warnings))
        return page.html
    }

    /// Residents per END reporting band (Lden and Lnight).
    static func bandsTable(_ exposure: NoiseExposure) -> HTMLTable {
        var table = HTMLTable(caption: "Residents per END reporting band", header: ["band", "Lden", "Lnight"], numeric: [1, 2])
        let count = max(exposure.ldenBands.count, exposure.lnightBands.count)
        for index in 0..<count {
            let lden = index < exposure.ldenBands.count ? exposure.ldenBands[index] : nil
            let lnight = index < exposure.lnightBands.count ? exposure.lnightBands[index] : nil
            let label = [lden.map { "Lden " + $0.label }, lnight.map { "Lnight " + $0.label }].compactMap { $0 }.joined(separator: " / ")
            table.rows.append([label, lden.map { NumberFormat.grouped($0.residents) } ?? "", lnight.map { NumberFormat.grouped($0.residents) } ?? ""])
        }
        return table
    }

    /// The lots by rank, the first 20.
    static func lotsTable(_ lots: [LotIndicators]) -> HTMLTable {
        var table = HTMLTable(caption: "Vacant lots by priority (all in lots.csv)",
                              header: ["rank", "lot", "m2", "residents within 300 m", "newly served", "nearest green m", "Lden dB", "score"],
                              numeric: [0, 2, 3, 4, 5, 6, 7])
        for lot in lots.sorted(by: { $0.priorityRank < $1.priorityRank }).prefix(20) {
            table.rows.append([String(lot.priorityRank), lot.id + (lot.isSliver ? " (sliver)" : ""), NumberFormat.grouped(lot.area),
                               NumberFormat.grouped(lot.residents300m), NumberFormat.grouped(lot.newlyServedResidents),
                               lot.nearestGreen.map { NumberFormat.fixed($0, 0) } ?? "-", lot.lden.map { NumberFormat.fixed($0, 1) } ?? "-",
                               NumberFormat.fixed(lot.priorityScore, 1)])
        }
        return table
    }
}

/// The lines under a report's title and its list of problems.
enum ReportMeta {
    static func lines(_ district: District, label: String? = nil) -> [String] {
        let files = Array(Set(district.features.map(\.origin.file))).sorted()
        let counts = district.layerCounts
        let layers = Layer.allCases.filter { (counts[$0] ?? 0) > 0 }.map { "\(NumberFormat.grouped(counts[$0] ?? 0)) \($0.rawValue)" }
        return [(label.map { $0 + ": " } ?? "Input: ") + files.joined(separator: ", "),
                "Metric CRS \(district.crs); " + layers.joined(separator: ", ")]
    }

    static func problems(_ problems: [LoadProblem]) -> String {
        guard !problems.isEmpty else { return XMLText.element("p", "None.") }
        let shown = problems.prefix(30).map(\.description)
        return XMLText.element("p", "\(problems.count) problem(s) while loading and reading attributes" + (problems.count > 30 ? "; the first 30:" : ":"))
            + XMLText.list(shown, class: "notes")
    }
}
