import DistrictModel
import Foundation
import GeometryEngine

/// What `superblock info` prints: CRS, extent, features per layer, street attribute coverage and
/// the problems met while loading.
public struct InfoReport: Sendable {
    public var files: [String]
    public var district: District
    public var coverage: AttributeCoverage

    public init(files: [String], district: District) {
        self.files = files
        self.district = district
        self.coverage = AttributeCoverage(streets: district.streets)
    }

    /// How many problems are listed one by one in the text form (all are counted).
    public static let listedProblems = 20

    public func text(listAllProblems: Bool = false) -> String {
        var out: [String] = []
        out.append("Files: " + files.joined(separator: ", "))
        let sources = Set(district.sourceCRS.values).sorted().joined(separator: ", ")
        out.append("CRS: \(district.crs) (metric work); input \(sources)")
        for note in district.transformNotes + district.inputNotes { out.append("  note: \(note)") }
        if let box = district.extent {
            out.append("Extent: \(NumberFormat.fixed(box.minX, 1)) .. \(NumberFormat.fixed(box.maxX, 1)) E, "
                + "\(NumberFormat.fixed(box.minY, 1)) .. \(NumberFormat.fixed(box.maxY, 1)) N "
                + "(\(NumberFormat.fixed(box.width / 1000, 2)) x \(NumberFormat.fixed(box.height / 1000, 2)) km)")
        }
        if let geo = district.geographicExtent {
            out.append("        lon \(NumberFormat.fixed(geo.minX, 5)) .. \(NumberFormat.fixed(geo.maxX, 5)), "
                + "lat \(NumberFormat.fixed(geo.minY, 5)) .. \(NumberFormat.fixed(geo.maxY, 5))")
        }
        out.append("")
        let counts = district.layerCounts
        var layers = TextTable(header: ["layer", "features"], rightAligned: [1])
        for layer in Layer.allCases { layers.rows.append([layer.rawValue, NumberFormat.grouped(counts[layer] ?? 0)]) }
        layers.rows.append(["unclassified", NumberFormat.grouped(district.unclassifiedCount)])
        out.append(layers.rendered)
        out.append("")
        out.append("Street attributes: \(NumberFormat.grouped(coverage.roadCount)) motor roads "
            + "(plus \(NumberFormat.grouped(coverage.nonMotorisedCount)) footways, paths and cycleways)")
        var attributes = TextTable(header: ["attribute", "roads", "coverage"], rightAligned: [1, 2])
        for (name, roads) in coverage.counts {
            attributes.rows.append([name, NumberFormat.grouped(roads), NumberFormat.percent(roads, of: coverage.roadCount)])
        }
        out.append(attributes.rendered)
        out.append("")
        out.append(problemSummary)
        let shown = listAllProblems ? district.problems : Array(district.problems.prefix(Self.listedProblems))
        for problem in shown { out.append("  " + problem.description) }
        if shown.count < district.problems.count {
            out.append("  ... and \(district.problems.count - shown.count) more (--all-problems lists them)")
        }
        return out.joined(separator: "\n")
    }

    var problemSummary: String {
        let problems = district.problems
        guard !problems.isEmpty else { return "Problems: none" }
        let byAction = Dictionary(grouping: problems, by: \.action).mapValues(\.count)
        let parts = [LoadProblem.Action.repaired, .skipped, .kept].compactMap { action in
            byAction[action].map { "\($0) \(action.rawValue)" }
        }
        return "Problems: \(problems.count) (" + parts.joined(separator: ", ") + ")"
    }

    /// The same facts for machines.
    public func json() -> String {
        var object: [String: Any] = [:]
        object["files"] = files
        object["crs"] = district.crs
        object["source_crs"] = district.sourceCRS
        object["transform_notes"] = district.transformNotes
        object["input_notes"] = district.inputNotes
        if let box = district.extent { object["extent"] = [box.minX, box.minY, box.maxX, box.maxY] }
        if let geo = district.geographicExtent { object["extent_lonlat"] = [geo.minX, geo.minY, geo.maxX, geo.maxY] }
        var layers = Dictionary(uniqueKeysWithValues: district.layerCounts.map { ($0.key.rawValue, $0.value) })
        layers["unclassified"] = district.unclassifiedCount
        object["layers"] = layers
        object["street_attributes"] = [
            "roads": coverage.roadCount,
            "non_motorised": coverage.nonMotorisedCount,
            "coverage": Dictionary(uniqueKeysWithValues: coverage.counts.map { ($0.name, $0.roads) }),
        ] as [String: Any]
        object["problems"] = district.problems.map { problem -> [String: Any] in
            var entry: [String: Any] = ["file": problem.origin.file, "index": problem.origin.index,
                                        "message": problem.message, "action": problem.action.rawValue]
            if let id = problem.origin.id { entry["id"] = id }
            return entry
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
