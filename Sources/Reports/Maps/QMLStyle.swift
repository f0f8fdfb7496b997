/// A QGIS layer style written as QML (QGIS's own style format, which it reads from the
/// `styleQML` column of `layer_styles` when a GeoPackage layer opens).
///
/// Three renderers cover our maps: one symbol for every feature, a symbol per value of a text
/// column (categorized), and a symbol per filter expression (rule-based: exact band edges, where
/// QGIS's graduated ranges would give a value on an edge to the lower band).
struct QMLStyle: Sendable {
    enum SymbolKind: String, Sendable {
        case fill, line, marker
    }

    /// An sRGB colour, written as QGIS writes them ("r,g,b,a").
    struct Colour: Sendable, Equatable {
        var red: Int, green: Int, blue: Int

        init(_ hex: UInt32) {
            red = Int(hex >> 16 & 0xFF)
            green = Int(hex >> 8 & 0xFF)
            blue = Int(hex & 0xFF)
        }

        var qgis: String { "\(red),\(green),\(blue),255" }
    }

    struct Class: Sendable {
        /// The category value, or the rule's filter expression.
        var match: String
        var label: String
        var colour: Colour
    }

    enum Renderer: Sendable {
        case single(Colour)
        case categorized(attribute: String, [Class])
        case rules([Class])
    }

    var kind: SymbolKind
    var renderer: Renderer

    /// The QML document.
    var qml: String {
        var lines = ["<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>",
                     "<qgis version=\"3.28.0-Firenze\" styleCategories=\"Symbology\">"]
        switch renderer {
        case .single(let colour):
            lines.append("  <renderer-v2 type=\"singleSymbol\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\">")
            lines += ["    <symbols>"] + symbol(name: "0", colour: colour) + ["    </symbols>"]
        case .categorized(let attribute, let classes):
            lines.append("  <renderer-v2 type=\"categorizedSymbol\" attr=\"\(XMLText.escape(attribute))\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\">")
            lines.append("    <categories>")
            for (index, item) in classes.enumerated() {
                lines.append("      <category value=\"\(XMLText.escape(item.match))\" label=\"\(XMLText.escape(item.label))\" symbol=\"\(index)\" render=\"true\"/>")
            }
            lines.append("    </categories>")
            lines += ["    <symbols>"] + classes.enumerated().flatMap { symbol(name: String($0.offset), colour: $0.element.colour) } + ["    </symbols>"]
        case .rules(let classes):
            lines.append("  <renderer-v2 type=\"RuleRenderer\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\">")
            lines.append("    <rules key=\"\(Self.key(0))\">")
            for (index, item) in classes.enumerated() {
                lines.append("      <rule key=\"\(Self.key(index + 1))\" filter=\"\(XMLText.escape(item.match))\" label=\"\(XMLText.escape(item.label))\" symbol=\"\(index)\"/>")
            }
            lines.append("    </rules>")
            lines += ["    <symbols>"] + classes.enumerated().flatMap { symbol(name: String($0.offset), colour: $0.element.colour) } + ["    </symbols>"]
        }
        lines += ["  </renderer-v2>", "  <blendMode>0</blendMode>", "  <featureBlendMode>0</featureBlendMode>", "  <layerOpacity>1</layerOpacity>", "</qgis>"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// One symbol: its properties both as `Option` maps (QGIS 3.26 and later) and as `prop`
    /// elements (earlier 3.x), as QGIS 3.22 itself writes them.
    private func symbol(name: String, colour: Colour) -> [String] {
        let outline = "35,35,35,255"
        let properties: [(String, String)]
        let layerClass: String
        switch kind {
        case .fill:
            layerClass = "SimpleFill"
            properties = [("color", colour.qgis), ("style", "solid"), ("outline_color", outline), ("outline_style", "solid"),
                          ("outline_width", "0.1"), ("outline_width_unit", "MM"), ("joinstyle", "bevel")]
        case .line:
            layerClass = "SimpleLine"
            properties = [("line_color", colour.qgis), ("line_style", "solid"), ("line_width", "0.8"), ("line_width_unit", "MM"),
                          ("capstyle", "round"), ("joinstyle", "round")]
        case .marker:
            layerClass = "SimpleMarker"
            properties = [("name", "circle"), ("color", colour.qgis), ("outline_color", outline), ("outline_style", "solid"),
                          ("outline_width", "0.1"), ("size", "1.8"), ("size_unit", "MM")]
        }
        var lines = ["      <symbol type=\"\(kind.rawValue)\" name=\"\(name)\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">",
                     "        <layer class=\"\(layerClass)\" enabled=\"1\" locked=\"0\" pass=\"0\">",
                     "          <Option type=\"Map\">"]
        lines += properties.map { "            <Option name=\"\($0.0)\" type=\"QString\" value=\"\($0.1)\"/>" }
        lines.append("          </Option>")
        lines += properties.map { "          <prop k=\"\($0.0)\" v=\"\($0.1)\"/>" }
        lines += ["        </layer>", "      </symbol>"]
        return lines
    }

    /// Rule keys are UUIDs in QGIS; fixed ones keep the files reproducible.
    private static func key(_ index: Int) -> String {
        let digits = String(index, radix: 16)
        return "{5b1e0c7a-3f2d-4c1b-9a6e-" + String(repeating: "0", count: max(0, 12 - digits.count)) + digits + "}"
    }
}
