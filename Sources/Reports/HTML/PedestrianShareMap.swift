import DistrictModel
import Indicators

/// Pedestrian share per street: each street's centreline (or area) coloured by its rating against
/// the thresholds in force (`PedestrianShareThresholds`, BCNecologia's 60 / 75 % by default),
/// one path per street (`data-street`).
struct PedestrianShareMap {
    var district: District
    var space: SpaceAllocation
    var id = "map-pedestrian-share"
    var title = "Pedestrian share per street"

    func figure(in frame: MapFrame) -> MapFigure {
        let thresholds = space.thresholds
        var streets: [String] = []
        for (index, feature) in district.streets.enumerated() where index < space.streets.count {
            let allocation = space.streets[index]
            let share = allocation.areas.pedestrianSharePercent
            let colour = MapPalette.rating(share.map(thresholds.rating(ofPercent:)))
            let isArea = feature.geometry.family == .polygon
            let label = "\(allocation.id)\(allocation.name.map { " " + $0 } ?? ""): "
                + (share.map { NumberFormat.fixed($0, 1) + " % pedestrian + shared" } ?? "no street space")
            if let element = MapFigure.path(MapShapes.path(of: feature.geometry, in: frame), fill: isArea ? colour : nil, stroke: colour,
                                            data: [("street", allocation.id)], title: label) {
                streets.append(element)
            }
        }
        let minimum = NumberFormat.fixed(thresholds.minimumPercent, 0), desirable = NumberFormat.fixed(thresholds.desirablePercent, 0)
        let legend = MapLegend(title: "(pedestrian + shared) / street space", [
            (.line(MapPalette.rating(.belowMinimum)), "below the minimum, < \(minimum) %"),
            (.line(MapPalette.rating(.minimum)), "meets the minimum, \(minimum)-\(desirable) %"),
            (.line(MapPalette.rating(.desirable)), "meets the desirable, >= \(desirable) %"),
            (.line(MapPalette.rating(nil)), "no street space of its own"),
        ])
        var figure = MapFigure(
            id: id, title: title, frame: frame, legend: legend,
            caption: "The share of each street's own space for people on foot (pedestrian and shared space), against the "
                + "thresholds of BCNecologia's superblock model (minimum \(minimum) %, desirable \(desirable) %; "
                + "--min-pedestrian-share, --desirable-pedestrian-share).")
        figure.layers.append(ContextLayers.buildings(district, in: frame))
        figure.addLayer("streets", attributes: "fill=\"none\" stroke-width=\"2.5\" stroke-linecap=\"round\" stroke-linejoin=\"round\"", streets)
        return figure
    }
}
