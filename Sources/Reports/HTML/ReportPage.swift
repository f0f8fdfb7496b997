/// The frame of a report: `<!DOCTYPE html>`, head with the inline stylesheet, a title block and
/// the sections, written as well-formed XHTML-compatible markup (every element closed, every
/// special character escaped) so that XML tools can read it. Self-contained: no script, no font,
/// stylesheet or image from anywhere else.
struct ReportPage {
    var title: String
    /// Lines under the title (inputs, CRS).
    var meta: [String] = []
    var sections: [String] = []

    init(title: String, meta: [String] = []) {
        self.title = title
        self.meta = meta
    }

    /// A section with a heading; its body is already HTML.
    mutating func addSection(_ heading: String, id: String, _ body: String) {
        guard !body.isEmpty else { return }
        sections.append("<section id=\"\(id)\">" + XMLText.element("h2", heading) + body + "</section>\n")
    }

    var html: String {
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
            + "<meta name=\"generator\" content=\"superblock\"/>\n"
            + XMLText.element("title", title) + "\n<style>\n" + ReportStyle.css + "\n</style>\n</head>\n<body>\n<header>"
            + XMLText.element("h1", title) + meta.map { XMLText.element("p", $0, class: "meta") }.joined()
            + "</header>\n" + sections.joined()
            + "<footer>" + XMLText.escape("Written by superblock. Coordinates in the district's metric CRS; maps are north-up. "
                + "Every number is in the CSV files beside this report.") + "</footer>\n</body>\n</html>\n"
    }
}
