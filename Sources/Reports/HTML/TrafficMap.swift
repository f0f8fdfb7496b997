import DistrictModel
import Indicators

/// Vehicles a day per street, the flows behind the noise map. Flows that are class defaults are
/// drawn dashed: a reader sees at once which streets rest on counts or the traffic model and
/// which on an assumption (the same source as `traffic_source` in `streets.csv`).
struct TrafficMap {
    var district: District
    var noise: NoiseAnalysis
    var id = "map-traffic"
    var title = "Traffic per street (vehicles a day)"

    /// Upper edges of the flow classes (vehicles a day): a residential street, a local distributor,
    /// an Eixample secondary street (the class defaults are 1,500, 8,000 and 15,000), a primary road.
    static let edges: [Double] = [1_000, 5_000, 15_000, 30_000]
    /// A sequential scale, light for little traffic, dark red for the most.
    static let colours = ["#fee5d9", "#fcae91", "#fb6a4a", "#de2d26", "#a50f15"]

    static func colour(_ vehiclesPerDay: Double) -> String {
        colours[edges.firstIndex { vehiclesPerDay < $0 } ?? edges.count]
    }

    func figure(in frame: MapFrame) -> MapFigure {
        var measured: [String] = [], assumed: [String] = []
        var counts: [TrafficSource: Int] = [:]
        for (index, feature) in district.streets.enumerated() where index < noise.streets.count {
            let street = noise.streets[index]
            guard let daily = street.vehiclesPerDay else { continue }
            counts[street.traffic.source, default: 0] += 1
            let label = "\(street.id)\(feature.attributes.string("name").map { " " + $0 } ?? ""): \(NumberFormat.grouped(daily)) vehicles a day "
                + "(\(street.traffic.source.rawValue))"
            let colour = Self.colour(daily)
            let isArea = feature.geometry.family == .polygon
            guard let element = MapFigure.path(MapShapes.path(of: feature.geometry, in: frame), fill: isArea ? colour : nil, stroke: colour,
                                               data: [("street", street.id)], title: label) else { continue }
            if street.traffic.source == .classDefault { assumed.append(element) } else { measured.append(element) }
        }
        var legend = MapLegend(title: "vehicles a day")
        for (index, colour) in Self.colours.enumerated() {
            let lower = index == 0 ? nil : Self.edges[index - 1], upper = index < Self.edges.count ? Self.edges[index] : nil
            let text = switch (lower, upper) {
            case (nil, let upper?): "below \(NumberFormat.grouped(upper))"
            case (let lower?, nil): "\(NumberFormat.grouped(lower)) and more"
            case (let lower?, let upper?): "\(NumberFormat.grouped(lower))-\(NumberFormat.grouped(upper))"
            case (nil, nil): "any"
            }
            legend.add(.line(colour), text)
        }
        legend.add(.dashedLine("#555"), "dashed: class default, no figure for the street")
        let sources = counts.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\(NumberFormat.grouped(Double($0.value))) \($0.key.rawValue)" }
        var figure = MapFigure(
            id: id, title: title, frame: frame, legend: legend,
            caption: "The daily flow each street's emission rests on (all vehicle categories, day + evening + night). Where the flows "
                + "came from, by street: " + (sources.isEmpty ? "no street with motor traffic" : sources.joined(separator: ", "))
                + " (counts, aadt and noisemodelling: the street's own figures; modelled: --traffic model; default: its class's flow, an assumption).")
        figure.layers.append(ContextLayers.buildings(district, in: frame))
        let line = "fill=\"none\" stroke-width=\"2.5\" stroke-linecap=\"round\" stroke-linejoin=\"round\""
        figure.addLayer("streets measured", attributes: line, measured)
        figure.addLayer("streets defaulted", attributes: line + " stroke-dasharray=\"4 3\"", assumed)
        return figure
    }
}
