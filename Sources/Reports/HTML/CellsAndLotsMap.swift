import DistrictModel
import Foundation
import Indicators

/// Superblock cells coloured by their pedestrian-share rating, and vacant lots labelled with their
/// priority rank (1 = green first; `lots.csv`), over the buildings.
struct CellsAndLotsMap {
    var district: District
    var space: SpaceAllocation
    var lots: [LotIndicators]
    var id = "map-cells-lots"
    var title = "Superblock cells and vacant lots by priority"

    var isEmpty: Bool { district.cells.isEmpty && district.vacantLots.isEmpty }

    func figure(in frame: MapFrame) -> MapFigure {
        var legend = MapLegend()
        var cells: [String] = [], labels: [String] = []
        let ratings = Dictionary(space.cells.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for cell in district.cells {
            let allocation = ratings[cell.id]
            let share = allocation?.areas.pedestrianSharePercent
            let text = "cell \(cell.id): " + (share.map { NumberFormat.fixed($0, 1) + " % pedestrian share" } ?? "no street space")
            if let element = MapFigure.path(MapShapes.path(of: cell.geometry, in: frame), fill: MapPalette.rating(allocation?.rating),
                                            data: [("cell", cell.id)], title: text) {
                cells.append(element)
            }
            if let point = MapShapes.labelPoint(of: cell.geometry) {
                labels.append(MapFigure.label(cell.id + (share.map { " " + NumberFormat.fixed($0, 0) + " %" } ?? ""), x: point.x, y: point.y, in: frame))
            }
        }
        if !district.cells.isEmpty {
            let t = space.thresholds
            legend.add(.fill(MapPalette.rating(.belowMinimum)), "cell below \(NumberFormat.fixed(t.minimumPercent, 0)) % pedestrian share")
            legend.add(.fill(MapPalette.rating(.minimum)), "cell meeting the minimum")
            legend.add(.fill(MapPalette.rating(.desirable)), "cell meeting the desirable \(NumberFormat.fixed(t.desirablePercent, 0)) %")
        }
        var lotPaths: [String] = [], lotLabels: [String] = []
        let byID = Dictionary(lots.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let best = lots.map(\.priorityScore).max() ?? 0
        for lot in district.vacantLots {
            let result = byID[lot.id]
            // Darker purple for a higher score, so the first ranks stand out.
            let strength = best > 0 ? (result?.priorityScore ?? 0) / best : 0
            let colour = Self.purple(strength)
            let text = "lot \(lot.id)" + (result.map { ": rank \($0.priorityRank), score \(NumberFormat.fixed($0.priorityScore, 1)), "
                + "\(NumberFormat.grouped($0.newlyServedResidents)) residents newly served" } ?? "")
            if let element = MapFigure.path(MapShapes.path(of: lot.geometry, in: frame), fill: colour, stroke: "#3f007d",
                                            data: [("lot", lot.id)], title: text) {
                lotPaths.append(element)
            }
            if let result, let point = MapShapes.labelPoint(of: lot.geometry) {
                lotLabels.append(MapFigure.label("#\(result.priorityRank)", x: point.x, y: point.y, in: frame, scale: 1.2))
            }
        }
        if !district.vacantLots.isEmpty {
            legend.add(.fill(Self.purple(1)), "vacant lot, highest priority score (label: rank)")
            legend.add(.fill(Self.purple(0)), "vacant lot, lowest score")
        }
        legend.add(.fill(MapPalette.context), "building")
        var figure = MapFigure(
            id: id, title: title, frame: frame, legend: legend,
            caption: "Cells in the colour of their pedestrian-share rating (cells.csv). Vacant lots are ranked by the weighted "
                + "priority score of lots.csv (--lot-weights): residents newly within 300 m of green, residents nearby, distance to "
                + "green today, quiet.")
        figure.layers.append(ContextLayers.buildings(district, in: frame))
        figure.addLayer("cells", attributes: "fill-opacity=\"0.45\" stroke=\"#333\" stroke-width=\"1.2\"", cells)
        figure.addLayer("lots", attributes: "stroke-width=\"1\"", lotPaths)
        figure.addLayer("labels cell-labels", labels)
        figure.addLayer("labels lot-labels", attributes: "font-weight=\"bold\"", lotLabels)
        return figure
    }

    /// From pale lilac (0) to deep purple (1).
    static func purple(_ strength: Double) -> String {
        let t = min(max(strength, 0), 1)
        let from = (218.0, 218.0, 235.0), to = (84.0, 39.0, 143.0)
        func channel(_ a: Double, _ b: Double) -> Int { Int((a + (b - a) * t).rounded()) }
        let rgb = [channel(from.0, to.0), channel(from.1, to.1), channel(from.2, to.2)]
        return "#" + rgb.map { String(format: "%02x", $0) }.joined()
    }
}
