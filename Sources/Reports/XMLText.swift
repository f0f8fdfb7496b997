/// Escaping for text and attribute values of the XML we write: the HTML report (parsed as XML by
/// its tests and by any XHTML tool) and the QGIS styles (QML). The five XML specials are always
/// escaped and no named HTML entity is used.
enum XMLText {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters other than tab and newline are not allowed in XML 1.0.
                if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
                   scalar.value < 0x20, scalar != "\t", scalar != "\n" {
                    out += " "
                } else {
                    out.append(character)
                }
            }
        }
        return out
    }

    /// `<tag class="...">escaped text</tag>`.
    static func element(_ tag: String, _ text: String, class className: String? = nil) -> String {
        "<\(tag)\(className.map { " class=\"\($0)\"" } ?? "")>\(escape(text))</\(tag)>"
    }

    /// A list of lines as `<ul>`, nothing when empty.
    static func list(_ lines: [String], class className: String? = nil) -> String {
        guard !lines.isEmpty else { return "" }
        return "<ul\(className.map { " class=\"\($0)\"" } ?? "")>" + lines.map { element("li", $0) }.joined() + "</ul>\n"
    }
}
