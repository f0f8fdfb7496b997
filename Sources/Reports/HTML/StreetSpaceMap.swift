import DistrictModel
import GeometryEngine
import Indicators

/// Street space by category: every resolved polygon of `SpaceAllocation.pieces` in its category's
/// colour, each a path naming its owner (`data-street` or `data-junction`) and category. Junction
/// pieces are drawn like any other, so they show as soon as the allocator makes them.
struct StreetSpaceMap {
    var district: District
    var space: SpaceAllocation
    var id = "map-street-space"
    var title = "Street space by category"

    func figure(in frame: MapFrame) throws(GeometryError) -> MapFigure {
        let context = GeometryContext()
        var pieces: [String] = []
        pieces.reserveCapacity(space.pieces.count)
        for piece in space.pieces {
            let owner: (String, String)
            switch piece.owner {
            case .street(let index): owner = ("street", index < space.streets.count ? space.streets[index].id : String(index))
            case .junction(let index): owner = ("junction", index < space.junctions.count ? space.junctions[index].id : String(index))
            }
            let path = try MapShapes.path(ofWKB: piece.wkb, context: context, in: frame)
            if let element = MapFigure.path(path, fill: MapPalette.category(piece.category),
                                            data: [owner, ("category", piece.category.rawValue)]) {
                pieces.append(element)
            }
        }
        let areas = space.district
        var legend = MapLegend(title: "m2 and share of street space")
        for category in MapPalette.categoryOrder {
            let share = areas.percent(category).map { ", " + NumberFormat.fixed($0, 1) + " %" } ?? ""
            legend.add(.fill(MapPalette.category(category)), "\(category.rawValue): \(NumberFormat.grouped(areas[category])) m2\(share)")
        }
        legend.add(.fill(MapPalette.context), "building")
        var figure = MapFigure(
            id: id, title: title, frame: frame, legend: legend,
            caption: "Each polygon is a piece of one street's cross-section (or of a junction) after overlaps were given to the "
                + "higher-priority category: vehicle > cycle > green > pedestrian (DESIGN.md 4.1). Widths not tagged in OSM are defaults "
                + "(streets.csv, column defaulted).")
        figure.layers.append(ContextLayers.buildings(district, in: frame))
        figure.addLayer("street-space", attributes: "stroke=\"none\"", pieces)
        return figure
    }
}
