import DistrictModel
import Foundation
import GeometryEngine
import Indicators

/// `DIR/report.html` of `superblock compare`: the summary table, before and after side by side
/// (street space, Lden), the maps of what changed (people's space and pedestrian share per
/// street, Lden per building), the cells, and the notes. One self-contained file.
public struct ComparisonHTMLReport: Sendable {
    public var comparison: LayoutComparison
    /// Flows before and after and car travel, when `compare` measured them: a section of its own.
    public var traffic: TrafficComparison?

    public init(_ comparison: LayoutComparison, traffic: TrafficComparison? = nil) {
        self.comparison = comparison
        self.traffic = traffic
    }

    public var outputFile: OutputFile {
        let report = self
        return .writer(AnalysisHTMLReport.fileName) { url throws(OutputError) in
            let html: String
            do { html = try report.html() } catch {
                throw OutputError(path: AnalysisHTMLReport.fileName, message: "cannot draw the maps: \(error)")
            }
            do { try Data(html.utf8).write(to: url) } catch {
                throw OutputError(path: AnalysisHTMLReport.fileName, message: error.localizedDescription)
            }
        }
    }

    public func html() throws(GeometryError) -> String {
        let before = comparison.before, after = comparison.after
        let extent = ContextLayers.extent(of: [before.district, after.district])
        let half = MapFrame(extent: extent, displayWidth: 470)
        let changes = ChangeMaps(comparison: comparison)
        // The change maps zoom on what changed, unless it is most of the district anyway.
        let focus = changes.focus.flatMap { box in
            extent.map { box.width * box.height < 0.5 * $0.width * $0.height } ?? false ? box : nil
        }
        let full = MapFrame(extent: focus ?? extent)
        let tables = ComparisonTables(comparison)
        var page = ReportPage(title: "Before and after",
                              meta: ReportMeta.lines(before.district, label: "Before") + ReportMeta.lines(after.district, label: "After"))
        page.addSection("What the numbers rest on", id: "assumptions", XMLText.list(tables.assumptionLines, class: "assumptions"))
        page.addSection("Summary", id: "summary", summaryTable.html + streetsLine)

        var beforeSpace = StreetSpaceMap(district: before.district, space: before.space)
        beforeSpace.id = "map-street-space-before"
        beforeSpace.title = "Street space, before"
        var afterSpace = StreetSpaceMap(district: after.district, space: after.space)
        afterSpace.id = "map-street-space-after"
        afterSpace.title = "Street space, after"
        var space = Self.pair(try beforeSpace.figure(in: half), try afterSpace.figure(in: half))
        if focus != nil {
            space += XMLText.element("p", "The maps of what changed are zoomed on where something changed, and 100 m around it.", class: "caption")
        }
        space += changes.peopleSpace(in: full).html + changes.pedestrianShare(in: full).html
        space += Self.transfersTable(comparison.transfers).html
        if !after.space.cells.isEmpty { space += cellsTable.html }
        page.addSection("Street space", id: "street-space", space)

        let ldenBefore = NoiseMap(district: before.district, noise: before.noise, id: "map-lden-before", title: "Lden, before")
        let ldenAfter = NoiseMap(district: after.district, noise: after.noise, id: "map-lden-after", title: "Lden, after")
        var noise = Self.pair(try ldenBefore.figure(in: half), try ldenAfter.figure(in: half))
        noise += changes.lden(in: full).html
        page.addSection("Road-traffic noise", id: "noise", noise)

        if let traffic {
            var body = changes.traffic(in: full).html
            let groups = TrafficComparisonTables(traffic, comparison: comparison).groupRows
            if !groups.isEmpty {
                var table = HTMLTable(caption: TrafficComparisonTables.groupCaption, header: ["", "before", "after", "change"], numeric: [1, 2, 3])
                table.rows = groups
                body += table.html
            }
            let travel = TravelImpactLines(traffic.travel)
            var table = HTMLTable(caption: travel.heading, header: ["", "before", "after", "change"], numeric: [1, 2, 3])
            table.rows = travel.rows
            body += table.html + XMLText.list(travel.notes, class: "caption")
            page.addSection("Traffic and car travel", id: "traffic", body)
        }

        let greenWarnings = Array(Set(GreenTables(before.green).warnings + GreenTables(after.green).warnings)).sorted()
        page.addSection("Method and sources", id: "method",
                        XMLText.list(greenWarnings, class: "not-assessed")
                            + MethodNotes.html(noiseNotes: after.noise.notes, hasLots: false, hasCells: !after.space.cells.isEmpty))
        page.addSection("Problems", id: "problems",
                        ReportMeta.problems(before.district.problems + before.space.warnings + after.district.problems + after.space.warnings))
        return page.html
    }

    /// Two maps side by side (one above the other in a narrow window).
    static func pair(_ left: MapFigure, _ right: MapFigure) -> String {
        "<div class=\"pair\">" + left.html + right.html + "</div>\n"
    }

    /// `ComparisonSummary` as in `summary.csv`, with the labels of the terminal summary.
    var summaryTable: HTMLTable {
        var table = HTMLTable(caption: "Headline figures (summary.csv)", header: ["", "unit", "before", "after", "change"], numeric: [2, 3, 4])
        for row in comparison.summary.rows {
            if row.before == nil, row.after == nil, row.change == nil {
                table.rows.append([row.label, row.unit, "not assessed", "not assessed", ""])
                continue
            }
            let format = { (value: Double?) in value.map { row.digits == 0 ? NumberFormat.grouped($0) : NumberFormat.fixed($0, row.digits) } ?? "" }
            let change = row.change.map { ($0 > 0 && row.before != nil ? "+" : "") + format($0) } ?? ""
            table.rows.append([row.label, row.unit == "%" ? "% (change in points)" : row.unit, format(row.before), format(row.after), change])
        }
        return table
    }

    var streetsLine: String {
        let summary = comparison.summary
        let byID = comparison.matches.filter { $0.method == .id }.count
        var text = "Streets: \(byID) paired by id, \(summary.geometryMatches.count) by geometry, \(summary.onlyBefore.count) only before, "
            + "\(summary.onlyAfter.count) only after (matches.csv)."
        for (label, ids) in [("Only before", summary.onlyBefore), ("Only after", summary.onlyAfter)] where !ids.isEmpty {
            text += " \(label): " + ids.prefix(20).joined(separator: ", ") + (ids.count > 20 ? " ... and \(ids.count - 20) more." : ".")
        }
        return XMLText.element("p", text)
    }

    static func transfersTable(_ transfers: SpaceTransfers) -> HTMLTable {
        var table = HTMLTable(caption: "Street space that changed category (transfers.csv)", header: ["from", "to", "m2"], numeric: [2])
        for from in SpaceCategory.allCases {
            for to in SpaceCategory.allCases where from != to && transfers[from, to] > 0.5 {
                table.rows.append([from.rawValue, to.rawValue, NumberFormat.grouped(transfers[from, to])])
            }
        }
        if table.rows.isEmpty { table.rows.append(["-", "-", "0"]) }
        return table
    }

    var cellsTable: HTMLTable {
        var table = HTMLTable(caption: "Cells", header: ComparisonTables.cellHeader, numeric: [1, 2, 3, 4])
        table.rows = ComparisonTables(comparison).cellRows
        return table
    }
}
