import DistrictModel
import GeometryEngine

/// What a map shows behind its subject, in light greys: the buildings behind street maps, the
/// streets behind building maps. One path each (no per-feature attributes: they are not the
/// subject and cost no file size).
enum ContextLayers {
    static func buildings(_ district: District, in frame: MapFrame) -> String {
        var path = SVGPath()
        for building in district.buildings { MapShapes.add(building.geometry, to: &path, in: frame) }
        return MapFigure.path(path, fill: MapPalette.context, stroke: MapPalette.contextLine).map {
            "<g class=\"layer context-buildings\" stroke-width=\"0.3\">\($0)</g>"
        } ?? ""
    }

    static func streets(_ district: District, in frame: MapFrame) -> String {
        var lines = SVGPath(), areas = SVGPath()
        for street in district.streets {
            if street.geometry.family == .polygon {
                MapShapes.add(street.geometry, to: &areas, in: frame)
            } else {
                MapShapes.add(street.geometry, to: &lines, in: frame)
            }
        }
        let area = MapFigure.path(areas, fill: MapPalette.context) ?? ""
        let line = MapFigure.path(lines, fill: "none", stroke: MapPalette.contextLine) ?? ""
        guard !(area + line).isEmpty else { return "" }
        return "<g class=\"layer context-streets\" stroke-width=\"1\" stroke-linecap=\"round\">\(area)\(line)</g>"
    }

    /// The superblock cells as dashed outlines over a map of streets, so a reader tells a cell's
    /// interior streets from its perimeter. Empty without cells.
    static func cellOutlines(_ district: District, in frame: MapFrame) -> String {
        var path = SVGPath()
        for cell in district.cells { MapShapes.add(cell.geometry, to: &path, in: frame) }
        return MapFigure.path(path, fill: "none", stroke: cellOutline).map {
            "<g class=\"layer context-cells\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\">\($0)</g>"
        } ?? ""
    }

    static let cellOutline = "#333333"

    /// The box a map is fitted to: streets, buildings, vacant lots and cells (not census areas,
    /// trees or green outside the district, which can reach far beyond it).
    static func extent(of districts: [District]) -> Envelope? {
        let layers: Set<Layer> = [.street, .building, .vacant, .superblock]
        var box: Envelope?
        for district in districts {
            for feature in district.features where layers.contains(feature.layer) {
                guard let envelope = feature.geometry.envelope else { continue }
                box = box?.union(envelope) ?? envelope
            }
        }
        return box ?? districts.compactMap(\.extent).reduce(nil) { $0?.union($1) ?? $1 }
    }
}
