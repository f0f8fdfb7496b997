import DistrictModel
import GeoJSON

/// What `superblock extract` prints: features per layer, in the district and in its margin, the
/// objects osmium could not assemble, and the note naming osmium and the data's date.
struct ExtractSummary {
    var extract: DistrictExtract
    /// The extract as given on the command line.
    var extractName: String

    var text: String {
        let classifier = LayerClassifier()
        var reported: [Layer: Int] = [:], context: [Layer: Int] = [:]
        var unclassified = 0
        for feature in extract.collection.features {
            guard let geometry = feature.geometry else { continue }
            let attributes = Attributes(feature.properties)
            guard let layer = classifier.layer(of: attributes, family: geometry.family) else {
                unclassified += 1
                continue
            }
            if attributes.string(ContextMargin.key) == "yes" { context[layer, default: 0] += 1 } else { reported[layer, default: 0] += 1 }
        }
        var lines = ["layer         district  context", "------------  --------  -------"]
        for layer in Layer.allCases where layer != .census {
            lines.append(layer.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)
                         + Self.right(reported[layer, default: 0], 10) + Self.right(context[layer, default: 0], 9))
        }
        lines.append("unclassified" + Self.right(unclassified, 10))
        lines += extract.notes.map { "note: \($0)" }
        if !extract.problems.isEmpty {
            lines.append("")
            lines.append("Problems: \(extract.problems.count) object(s) osmium could not assemble (left out)")
            lines += extract.problems.prefix(10).map { "  \($0)" }
            if extract.problems.count > 10 { lines.append("  ... and \(extract.problems.count - 10) more (`superblock info \(extractName) --all-problems` lists them all)") }
        }
        return lines.joined(separator: "\n")
    }

    static func right(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
