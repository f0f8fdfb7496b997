/// A table of the report: a header, rows of text, numeric columns right-aligned.
struct HTMLTable {
    var caption: String?
    var header: [String]
    var rows: [[String]] = []
    /// Column indices holding numbers.
    var numeric: Set<Int> = []
    var className = "indicators"

    init(caption: String? = nil, header: [String], numeric: Set<Int> = []) {
        self.caption = caption
        self.header = header
        self.numeric = numeric
    }

    var html: String {
        var out = "<table class=\"\(className)\">"
        if let caption { out += XMLText.element("caption", caption) }
        out += "<thead><tr>" + header.enumerated().map { cell($0.offset, $0.element, tag: "th") }.joined() + "</tr></thead><tbody>"
        for row in rows {
            out += "<tr>" + row.enumerated().map { cell($0.offset, $0.element, tag: "td") }.joined() + "</tr>"
        }
        return out + "</tbody></table>\n"
    }

    private func cell(_ column: Int, _ text: String, tag: String) -> String {
        XMLText.element(tag, text, class: numeric.contains(column) ? "num" : nil)
    }
}

extension HTMLTable {
    /// The same rows as a terminal table of the summary (its right-aligned columns are numbers).
    init(_ table: TextTable, caption: String? = nil) {
        self.init(caption: caption, header: table.header, numeric: table.rightAligned)
        rows = table.rows
    }
}
