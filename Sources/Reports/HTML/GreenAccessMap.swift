import DistrictModel
import Indicators

/// Green access per building (WHO Europe: green of at least 0.5 ha within 300 m; DESIGN.md 4.3),
/// one path per building (`data-building`), over the green spaces and street trees.
struct GreenAccessMap {
    var district: District
    var green: GreenAnalysis
    var id = "map-green-access"
    var title = "Green space within 300 m"

    func figure(in frame: MapFrame) -> MapFigure {
        let assessed = green.summary.inputs.hasGreenLayer
        var legend = MapLegend(title: "residential buildings")
        if assessed {
            legend.add(.fill(MapPalette.green1ha), "green of >= 1 ha within 300 m")
            legend.add(.fill(MapPalette.green05ha), "green of >= 0.5 ha within 300 m")
            legend.add(.fill(MapPalette.noGreen), "no green of >= 0.5 ha within 300 m")
        } else {
            legend.add(.fill(MapPalette.none), "not assessed: no green layer in the input")
        }
        legend.add(.fill(MapPalette.context), "no residents")
        legend.add(.fill(MapPalette.greenSpace), "green space")
        if !district.trees.isEmpty { legend.add(.dot(MapPalette.tree), "street tree") }

        var buildings: [String] = []
        for (index, building) in district.buildings.enumerated() {
            let result = index < green.buildings.count ? green.buildings[index] : nil
            let colour: String, label: String
            if let result, result.population > 0 {
                if !assessed {
                    colour = MapPalette.none
                    label = "not assessed"
                } else {
                    colour = result.green300m1ha ? MapPalette.green1ha : result.green300m ? MapPalette.green05ha : MapPalette.noGreen
                    label = result.nearestGreen.map { "nearest green >= 0.5 ha: " + NumberFormat.fixed($0, 0) + " m" } ?? "no green >= 0.5 ha"
                }
            } else {
                colour = MapPalette.context
                label = "no residents"
            }
            let trees = result.map { ", \($0.treesNear) trees within 15 m" } ?? ""
            if let element = MapFigure.path(MapShapes.path(of: building.geometry, in: frame), fill: colour,
                                            data: [("building", building.id)], title: "\(building.id): \(label)\(trees)") {
                buildings.append(element)
            }
        }
        var greens = SVGPath(), trees = SVGPath()
        for space in district.greens { MapShapes.add(space.geometry, to: &greens, in: frame) }
        for tree in district.trees { MapShapes.add(tree.geometry, to: &trees, in: frame) }

        let distances = green.summary.access == .walking ? "along the street network" : "in a straight line from the green's boundary"
        var figure = MapFigure(
            id: id, title: title, frame: frame, legend: legend,
            caption: "Residential buildings by their distance to green space (\(distances)): WHO Europe asks for green of at least "
                + "0.5 ha within 300 m of every home. Green outside the study area counts.")
        figure.layers.append(ContextLayers.streets(district, in: frame))
        if let element = MapFigure.path(greens, fill: MapPalette.greenSpace, stroke: "none") { figure.addLayer("green-spaces", [element]) }
        figure.addLayer("buildings", attributes: "stroke=\"#555\" stroke-width=\"0.3\"", buildings)
        if let element = MapFigure.path(trees, fill: "none", stroke: MapPalette.tree) {
            figure.addLayer("trees", attributes: "stroke-width=\"2.5\" stroke-linecap=\"round\"", [element])
        }
        return figure
    }
}
