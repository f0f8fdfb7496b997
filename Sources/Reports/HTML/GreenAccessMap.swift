import DistrictModel
import Indicators

/// Green access per building (WHO Europe: green of at least 0.5 ha within 300 m; DESIGN.md 4.3),
/// one path per building (`data-building`), over the green spaces and street trees. Without a
/// green layer access is not assessed, and the buildings show the trees part of 3-30-300 instead
/// (at least 3 trees within 15 m) when there are trees.
struct GreenAccessMap {
    var district: District
    var green: GreenAnalysis
    var id = "map-green-access"

    enum Subject {
        case access, trees, nothing
    }

    var subject: Subject {
        let inputs = green.summary.inputs
        return inputs.hasGreenLayer ? .access : inputs.hasTreeLayer ? .trees : .nothing
    }

    var title: String {
        subject == .trees ? "Trees near homes (green access not assessed: no green layer)" : "Green space within 300 m"
    }

    /// At least this many trees within 15 m (3-30-300's first rule).
    static let treesNearHome = 3

    func figure(in frame: MapFrame) -> MapFigure {
        var legend = MapLegend(title: "residential buildings")
        switch subject {
        case .access:
            legend.add(.fill(MapPalette.green1ha), "green of >= 1 ha within 300 m")
            legend.add(.fill(MapPalette.green05ha), "green of >= 0.5 ha within 300 m")
            legend.add(.fill(MapPalette.noGreen), "no green of >= 0.5 ha within 300 m")
        case .trees:
            legend.add(.fill(MapPalette.green05ha), ">= \(Self.treesNearHome) trees within 15 m")
            legend.add(.fill(MapPalette.noGreen), "fewer than \(Self.treesNearHome) trees within 15 m")
        case .nothing:
            legend.add(.fill(MapPalette.none), "not assessed: no green layer and no trees in the input")
        }
        legend.add(.fill(MapPalette.context), "no residents")
        if !district.greens.isEmpty { legend.add(.fill(MapPalette.greenSpace), "green space") }
        if !district.trees.isEmpty { legend.add(.dot(MapPalette.tree), "street tree") }

        var buildings: [String] = []
        for (index, building) in district.buildings.enumerated() {
            let result = index < green.buildings.count ? green.buildings[index] : nil
            let colour: String, label: String
            if let result, result.population > 0 {
                switch subject {
                case .access:
                    colour = result.green300m1ha ? MapPalette.green1ha : result.green300m ? MapPalette.green05ha : MapPalette.noGreen
                    label = (result.nearestGreen.map { "nearest green >= 0.5 ha: " + NumberFormat.fixed($0, 0) + " m" } ?? "no green >= 0.5 ha")
                        + ", \(result.treesNear) trees within 15 m"
                case .trees:
                    colour = result.treesNear >= Self.treesNearHome ? MapPalette.green05ha : MapPalette.noGreen
                    label = "\(result.treesNear) trees within 15 m"
                case .nothing:
                    colour = MapPalette.none
                    label = "not assessed"
                }
            } else {
                colour = MapPalette.context
                label = "no residents"
            }
            if let element = MapFigure.path(MapShapes.path(of: building.geometry, in: frame), fill: colour,
                                            data: [("building", building.id)], title: "\(building.id): \(label)") {
                buildings.append(element)
            }
        }
        var greens = SVGPath(), trees = SVGPath()
        for space in district.greens { MapShapes.add(space.geometry, to: &greens, in: frame) }
        for tree in district.trees { MapShapes.add(tree.geometry, to: &trees, in: frame) }

        let caption: String
        switch subject {
        case .access:
            let distances = green.summary.access == .walking ? "along the street network" : "in a straight line from the green's boundary"
            caption = "Residential buildings by their distance to green space (\(distances)): WHO Europe asks for green of at least "
                + "0.5 ha within 300 m of every home. Green outside the study area counts."
        case .trees, .nothing:
            caption = "The input has no green layer (parks, gardens), so access to green space is not assessed (green_300m is empty in "
                + "buildings.csv). " + (subject == .trees ? "Buildings show the first rule of 3-30-300 instead: at least 3 trees within 15 m." : "")
        }
        var figure = MapFigure(id: id, title: title, frame: frame, legend: legend, caption: caption)
        figure.layers.append(ContextLayers.streets(district, in: frame))
        if let element = MapFigure.path(greens, fill: MapPalette.greenSpace, stroke: "none") { figure.addLayer("green-spaces", [element]) }
        figure.addLayer("buildings", attributes: "stroke=\"#555\" stroke-width=\"0.3\"", buildings)
        if let element = MapFigure.path(trees, fill: "none", stroke: MapPalette.tree) {
            figure.addLayer("trees", attributes: "stroke-width=\"2.5\" stroke-linecap=\"round\"", [element])
        }
        return figure
    }
}
