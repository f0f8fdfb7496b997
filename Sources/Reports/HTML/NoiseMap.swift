import DistrictModel
import GeometryEngine
import Indicators

/// One polygon of a noise map's band (a noise grid's contours): its lower bound in dB and its
/// polygon as WKB in the district's CRS. The Lden map draws these instead of the buildings'
/// levels when a grid was computed.
public struct NoiseBandPolygon: Sendable, Equatable {
    /// The band's lower bound, dB (the band is [lower, lower + 5)).
    public var lower: Double
    public var wkb: [UInt8]

    public init(lower: Double, wkb: [UInt8]) {
        self.lower = lower
        self.wkb = wkb
    }
}

/// Lden in the END 5 dB bands: per building (the most exposed facade), one path per building
/// (`data-building`), or a noise grid's band polygons with the buildings on top.
struct NoiseMap {
    enum Source {
        /// Lden per building, in `District.buildings` order; nil where the building has no free facade.
        case buildings([Double?])
        /// Band polygons of a noise grid.
        case grid([NoiseBandPolygon])
    }

    var district: District
    var source: Source
    var id = "map-lden"
    var title = "Lden at the most exposed facade"

    /// The map of a noise analysis's buildings.
    init(district: District, noise: NoiseAnalysis, id: String = "map-lden", title: String = "Lden at the most exposed facade") {
        self.district = district
        self.source = .buildings(noise.buildings.map { $0.levels.map(\.lden).flatMap { $0.isFinite ? $0 : nil } })
        self.id = id
        self.title = title
    }

    init(district: District, grid: [NoiseBandPolygon]) {
        self.district = district
        self.source = .grid(grid)
        self.title = "Lden noise map"
    }

    func figure(in frame: MapFrame) throws(GeometryError) -> MapFigure {
        var legend = MapLegend(title: "Lden, dB")
        for band in MapPalette.noiseBands { legend.add(.fill(band.colour), band.label) }
        var figure = MapFigure(id: id, title: title, frame: frame, legend: legend, caption: "")
        switch source {
        case .buildings(let levels):
            var buildings: [String] = []
            for (index, building) in district.buildings.enumerated() {
                let level = index < levels.count ? levels[index] : nil
                let label = "\(building.id): " + (level.map { "Lden " + NumberFormat.fixed($0, 1) + " dB" } ?? "no free facade")
                if let element = MapFigure.path(MapShapes.path(of: building.geometry, in: frame), fill: level.map(MapPalette.noise) ?? MapPalette.none,
                                                data: [("building", building.id)], title: label) {
                    buildings.append(element)
                }
            }
            figure.legend.add(.fill(MapPalette.none), "no free facade (not assessed)")
            figure.caption = "Each building in the colour of the Lden at its most exposed facade (4 m high, 2 m in front, incident sound), "
                + "in the 5 dB bands of END strategic noise maps. Road traffic only."
            figure.layers.append(ContextLayers.streets(district, in: frame))
            figure.addLayer("buildings", attributes: "stroke=\"#555\" stroke-width=\"0.3\"", buildings)
        case .grid(let polygons):
            let context = GeometryContext()
            var bands: [String] = []
            for polygon in polygons {
                let path = try MapShapes.path(ofWKB: polygon.wkb, context: context, in: frame)
                if let element = MapFigure.path(path, fill: MapPalette.noise(polygon.lower + 0.5), data: [("band", NumberFormat.fixed(polygon.lower, 0))]) {
                    bands.append(element)
                }
            }
            figure.caption = "Lden on the noise grid, 4 m above ground, in the 5 dB bands of END strategic noise maps. Road traffic only."
            figure.addLayer("noise-bands", attributes: "stroke=\"none\"", bands)
            var buildings = SVGPath()
            for building in district.buildings { MapShapes.add(building.geometry, to: &buildings, in: frame) }
            if let element = MapFigure.path(buildings, fill: "#ffffff", stroke: "#555") {
                figure.addLayer("buildings", attributes: "stroke-width=\"0.3\"", [element])
            }
        }
        return figure
    }
}
