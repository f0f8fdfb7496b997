/// How good the operations behind a transformer are, surveyed once when it is created.
///
/// PROJ picks an operation per point, the most accurate one whose area of use holds the point,
/// so a transformer has no single accuracy. This looks at all candidates instead and explains, in
/// one sentence or three, what a user of the results should know.
struct OperationQuality: Sendable {
    /// Worse than this, in metres, deserves a mention: it is the size of a kerb or a tree pit.
    static let tolerance = 1.0

    /// Every operation PROJ considered, or nil when it could not list them.
    let candidates: [CandidateOperation]?

    init(from sourceCRS: ProjObject, to targetCRS: ProjObject) {
        sourceCRS.context.clearMessages()
        defer { sourceCRS.context.clearMessages() }
        candidates = CandidateOperation.candidates(from: sourceCRS, to: targetCRS)
    }

    /// The note for a transformer from `source` to `target`; an inverse transformer runs the same
    /// operations backwards and says so with its own source and target.
    func note(from source: String, to target: String) -> String? {
        let pair = "from \(quoted(source)) to \(quoted(target))"
        guard let candidates else {
            return "PROJ could not list the operations \(pair), so their accuracy is unknown."
        }
        return Self.note(on: candidates, pair: pair)
    }

    /// The explanation for a candidate list, or nil when nothing is worth saying.
    static func note(on candidates: [CandidateOperation], pair: String) -> String? {
        let usable = candidates.filter(\.isUsable)
        let precise = usable.filter { !$0.isBallpark }
        let known = precise.compactMap(\.accuracy)
        let best = known.min()
        let skipped = candidates.filter { !$0.isUsable && ($0.accuracy ?? .infinity) < (best ?? .infinity) }
        let missingGrids = orderedUnique(skipped.flatMap(\.missingGrids))
        var sentences: [String] = []

        if precise.isEmpty {
            sentences.append("Only a ballpark transformation is available \(pair): the datum shift is ignored, "
                + "so positions can be off by metres to hundreds of metres.")
        } else {
            let unknown = precise.filter { $0.accuracy == nil }
            let tooCoarse = (best ?? .infinity) > tolerance
            guard tooCoarse || !unknown.isEmpty || !missingGrids.isEmpty else { return nil }
            if let best, let worst = known.max() {
                if precise.count == 1 {
                    sentences.append("PROJ transforms \(pair) with '\(precise[0].name)', stated accuracy \(metres(best)).")
                } else {
                    let range = best == worst ? "are all \(metres(best))" : "range from \(metres(best)) to \(metres(worst))"
                    sentences.append("PROJ transforms \(pair) with, for each point, the most accurate of \(precise.count) "
                        + "operations whose area of use holds it; their stated accuracies \(range).")
                }
            }
            if !unknown.isEmpty {
                sentences.append("The accuracy of '\(unknown[0].name)' is not known.")
            }
            if usable.contains(where: \.isBallpark) {
                sentences.append("Elsewhere PROJ falls back to a ballpark transformation that ignores the datum shift.")
            }
        }
        if !missingGrids.isEmpty {
            sentences.append("More accurate operations need grids that are not installed: "
                + missingGrids.joined(separator: ", ") + ".")
        }
        return sentences.joined(separator: " ")
    }

    /// "2 m" rather than "2.0 m". Database accuracies are small, finite and non-negative.
    private static func metres(_ value: Double) -> String {
        Double(Int(value)) == value ? "\(Int(value)) m" : "\(value) m"
    }

    private static func orderedUnique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }
}
