/// The key of a map, as HTML beside the SVG (so it can never cover the data) with small inline
/// SVG swatches (which print, unlike CSS backgrounds).
struct MapLegend {
    enum Swatch {
        case fill(String)
        case line(String)
        /// A line drawn dashed on the map (figures that are assumptions, not data).
        case dashedLine(String)
        case dot(String)
    }

    var title: String?
    var entries: [(swatch: Swatch, label: String)] = []

    init(title: String? = nil, _ entries: [(swatch: Swatch, label: String)] = []) {
        self.title = title
        self.entries = entries
    }

    mutating func add(_ swatch: Swatch, _ label: String) { entries.append((swatch, label)) }

    var html: String {
        var out = "<div class=\"legend\">"
        if let title { out += XMLText.element("p", title, class: "legend-title") }
        out += "<ul>"
        for (swatch, label) in entries {
            out += "<li>" + Self.svg(swatch) + XMLText.escape(label) + "</li>"
        }
        return out + "</ul></div>"
    }

    static func svg(_ swatch: Swatch) -> String {
        let shape: String
        switch swatch {
        case .fill(let colour): shape = "<rect x=\"1\" y=\"1\" width=\"14\" height=\"12\" fill=\"\(colour)\" stroke=\"#666\" stroke-width=\"0.5\"/>"
        case .line(let colour): shape = "<line x1=\"1\" y1=\"7\" x2=\"15\" y2=\"7\" stroke=\"\(colour)\" stroke-width=\"4\" stroke-linecap=\"round\"/>"
        case .dashedLine(let colour):
            shape = "<line x1=\"1\" y1=\"7\" x2=\"15\" y2=\"7\" stroke=\"\(colour)\" stroke-width=\"3\" stroke-dasharray=\"3 2\"/>"
        case .dot(let colour): shape = "<circle cx=\"8\" cy=\"7\" r=\"3\" fill=\"\(colour)\"/>"
        }
        return "<svg class=\"swatch\" width=\"16\" height=\"14\" viewBox=\"0 0 16 14\">\(shape)</svg>"
    }
}
