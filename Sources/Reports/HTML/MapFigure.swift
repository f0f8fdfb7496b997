/// One map of the report: an SVG canvas fitted to the data (layers drawn in order, the scale bar
/// and north arrow in a band below), its legend beside it and a caption saying how to read it.
struct MapFigure {
    var id: String
    var title: String
    var frame: MapFrame
    /// SVG markup, drawn first to last.
    var layers: [String] = []
    var legend: MapLegend
    var caption: String

    init(id: String, title: String, frame: MapFrame, legend: MapLegend, caption: String) {
        self.id = id
        self.title = title
        self.frame = frame
        self.legend = legend
        self.caption = caption
    }

    /// A group of paths sharing a style (`attributes` such as `fill="none" stroke-width="2"`). The
    /// even-odd rule makes inner rings holes whatever their orientation (OSM does not fix it).
    mutating func addLayer(_ name: String, attributes: String = "", _ elements: [String]) {
        guard !elements.isEmpty else { return }
        layers.append("<g class=\"layer \(name)\" fill-rule=\"evenodd\"\(attributes.isEmpty ? "" : " " + attributes)>" + elements.joined() + "</g>")
    }

    /// One path element; `data` are `data-*` attributes naming the feature it draws.
    static func path(_ path: SVGPath, fill: String? = nil, stroke: String? = nil, data: [(String, String)] = [],
                     title: String? = nil) -> String? {
        guard !path.isEmpty else { return nil }
        var out = "<path"
        for (name, value) in data { out += " data-\(name)=\"\(XMLText.escape(value))\"" }
        if let fill { out += " fill=\"\(fill)\"" }
        if let stroke { out += " stroke=\"\(stroke)\"" }
        out += " d=\"\(path.data)\""
        if let title { return out + "><title>\(XMLText.escape(title))</title></path>" }
        return out + "/>"
    }

    /// A text label centred on a point (metric coordinates), with a white halo to stay readable.
    static func label(_ text: String, x: Double, y: Double, in frame: MapFrame, scale: Double = 1) -> String {
        let point = frame.gridPoint(x: x, y: y)
        let size = MapFrame.number(frame.fontSize * scale)
        return "<text x=\"\(point.x)\" y=\"\(point.y)\" font-size=\"\(size)\" text-anchor=\"middle\" dominant-baseline=\"central\">"
            + XMLText.escape(text) + "</text>"
    }

    var html: String {
        "<figure class=\"map\" id=\"\(id)\">"
            + XMLText.element("figcaption", title)
            + "<svg class=\"map-canvas\" viewBox=\"\(frame.viewBox)\" preserveAspectRatio=\"xMidYMid meet\" role=\"img\" aria-label=\"\(XMLText.escape(title))\">"
            + "<rect class=\"frame\" x=\"0\" y=\"0\" width=\"\(frame.width)\" height=\"\(frame.height)\" fill=\"#fbfbf8\" stroke=\"#999\"/>"
            // A nested viewport clips what reaches beyond the frame (a map zoomed on part of the
            // district), so nothing is drawn over the scale bar.
            + "<svg x=\"0\" y=\"0\" width=\"\(frame.width)\" height=\"\(frame.height)\" viewBox=\"0 0 \(frame.width) \(frame.height)\">"
            + layers.joined() + "</svg>"
            + ScaleBar(frame: frame).svg + NorthArrow(frame: frame).svg
            + "</svg>"
            + legend.html
            + XMLText.element("p", caption, class: "caption")
            + "</figure>\n"
    }
}
