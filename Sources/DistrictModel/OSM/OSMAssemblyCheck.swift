/// Finds the objects osmium could not turn into a feature: multipolygons that do not close, closed
/// ways whose nodes are missing, ways left with fewer than two nodes where an extract cut them.
///
/// `osmium export -e` names some of them on standard error, but not the areas it fails to build
/// ("Could not build area geometry", no id). So the check works from what should have come out:
/// every way and multipolygon relation the tag filter keeps (listed by `osmium cat -f opl`) that
/// no exported feature stands for is a problem, with osmium's reason when it gave one by id.
struct OSMAssemblyCheck {
    var filter: OSMTagFilter

    /// The ways and relations that should each give at least one feature.
    ///
    /// OPL (osmium's line format): `w123 Tkey=value,key=value Nn1,n2` and `r45 Ttype=multipolygon,...
    /// Mw1@outer,...`; special characters in tags are escaped as `%hex%`.
    func expectedObjects(opl: String) -> [OSMObjectID] {
        var expected: [OSMObjectID] = []
        for line in opl.split(separator: "\n") {
            guard let first = line.first, first == "w" || first == "r" else { continue }
            let fields = line.split(separator: " ")
            guard let id = Int64(fields[0].dropFirst()) else { continue }
            let tags = fields.first { $0.hasPrefix("T") }.map { Self.tags(String($0.dropFirst())) } ?? [:]
            guard filter.matches(type: first, tags: tags) else { continue }
            // Only multipolygon and boundary relations become features (osmium export's rule).
            if first == "r", !["multipolygon", "boundary"].contains(tags["type"] ?? "") { continue }
            expected.append(OSMObjectID(type: first, id: id))
        }
        return expected
    }

    /// A problem for each expected object without a feature, in id order.
    func problems(expected: [OSMObjectID], exported: Set<OSMObjectID>, errors: String, file: String) -> [LoadProblem] {
        let reasons = Self.reasons(in: errors)
        return expected.filter { !exported.contains($0) }.sorted().map { object in
            let reason = reasons[object] ?? (object.type == "r"
                ? "osmium could not assemble the multipolygon (rings that do not close, or members missing from the extract)"
                : "osmium could not build the area (a ring that does not close, or nodes missing from the extract)")
            return LoadProblem(origin: FeatureOrigin(file: file, index: FeatureOrigin.notExported, id: object.description),
                               message: reason, action: .skipped)
        }
    }

    /// osmium's messages that name an object: `Geometry error: Way with less than two nodes (id=123)`,
    /// `Geometry error: need at least two points for linestring (way_id=123)`.
    static func reasons(in errors: String) -> [OSMObjectID: String] {
        var reasons: [OSMObjectID: String] = [:]
        for line in errors.split(separator: "\n") {
            guard let open = line.lastIndex(of: "("), line.hasSuffix(")") else { continue }
            let inner = line[line.index(after: open)..<line.index(before: line.endIndex)]
            let parts = inner.split(separator: "=")
            guard parts.count == 2, let id = Int64(parts[1]) else { continue }
            let key = parts[0], text = line[..<open].trimmingPrefix("Geometry error: ").trimmingSuffixSpaces
            let type: Character
            if key.hasPrefix("way") { type = "w" } else if key.hasPrefix("relation") { type = "r" } else if key.hasPrefix("node") { type = "n" } else {
                type = text.lowercased().hasPrefix("relation") ? "r" : text.lowercased().hasPrefix("node") ? "n" : "w"
            }
            reasons[OSMObjectID(type: type, id: id)] = "osmium: " + text.lowercased()
        }
        return reasons
    }

    /// `key=value,key=value` with OPL's `%hex%` escapes decoded.
    static func tags(_ text: String) -> [String: String] {
        var tags: [String: String] = [:]
        for pair in text.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { continue }
            tags[unescape(parts[0])] = unescape(parts[1])
        }
        return tags
    }

    static func unescape(_ text: Substring) -> String {
        guard text.contains("%") else { return String(text) }
        var result = ""
        var rest = text[...]
        while let start = rest.firstIndex(of: "%") {
            result += rest[..<start]
            let after = rest[rest.index(after: start)...]
            guard let end = after.firstIndex(of: "%"), let code = UInt32(after[..<end], radix: 16), let scalar = Unicode.Scalar(code) else {
                result += rest[start...]
                return result
            }
            result.unicodeScalars.append(scalar)
            rest = after[after.index(after: end)...]
        }
        return result + rest
    }
}

extension Substring {
    var trimmingSuffixSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}
