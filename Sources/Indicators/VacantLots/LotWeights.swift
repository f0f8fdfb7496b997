import Foundation

/// Weights of the vacant-lot priority score. The score is transparent: each column is scaled to
/// 0 ... 1 across the lots (value / largest value; for `quiet`, the quietest lot scores 1), and the
/// score is 100 x the weighted mean. Users set the weights with `--lot-weights`.
public struct LotWeights: Sendable, Equatable {
    /// Residents not served by green today (WHO rule) who would be if the lot became green.
    public var newlyServed = 0.5
    /// Residents within 300 m of the lot.
    public var residents = 0.25
    /// Distance from the lot to the nearest green: lots that fill a green gap score higher.
    public var greenGap = 0.25
    /// Quietness (low Lden at the lot): a calm place to stay. Off by default.
    public var quiet = 0.0

    public init(newlyServed: Double = 0.5, residents: Double = 0.25, greenGap: Double = 0.25, quiet: Double = 0) {
        self.newlyServed = newlyServed
        self.residents = residents
        self.greenGap = greenGap
        self.quiet = quiet
    }

    /// Parses "newly_served=0.5,residents=0.25,green_gap=0.25,quiet=0"; missing names keep defaults.
    public init(parsing text: String) throws(LotWeightsError) {
        self.init()
        for item in text.split(separator: ",") {
            let pair = item.split(separator: "=", maxSplits: 1).map { String($0).trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, let value = Double(pair[1]), value >= 0, value.isFinite else {
                throw LotWeightsError(text: String(item))
            }
            switch pair[0] {
            case "newly_served": newlyServed = value
            case "residents": residents = value
            case "green_gap": greenGap = value
            case "quiet": quiet = value
            default: throw LotWeightsError(text: String(item))
            }
        }
        if newlyServed + residents + greenGap + quiet == 0 { throw LotWeightsError(text: text) }
    }

    var total: Double { newlyServed + residents + greenGap + quiet }
}

/// A weight list that cannot be read.
public struct LotWeightsError: Error, Sendable, CustomStringConvertible {
    public var text: String
    public var description: String {
        "cannot read lot weight '\(text)': use name=value with names newly_served, residents, green_gap, quiet (values >= 0, not all 0)"
    }
}
