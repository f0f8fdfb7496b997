import CNOSSOS

/// The error budget of one receiver: the paths whose full evaluation is deferred, each with an
/// upper estimate of the energy it delivers (`ExcessEstimate`), and the rule that says when the
/// rest cannot matter.
///
/// Most of a city receiver's paths reach it over roofs, 20 dB or more below the street it faces,
/// and they are most of the work. The cheap paths (free lines of sight) are summed exactly first;
/// then the deferred ones are evaluated loudest estimate first, until the estimates left add up,
/// in every period, to less than `10^(maxError/10) - 1` of the energy summed: skipping them lowers
/// the level by less than `maxError` dB. NoiseModelling's "maximum error" does the same against
/// free-field estimates; the diffraction in ours makes it skip about four paths in five on the
/// Eixample sample.
struct PathBudget {
    /// A deferred path: which one (the caller's numbering) and its estimated energy per period.
    struct Deferred {
        var path: Int
        var estimate: PerPeriod<Double>
        var rank: Double { estimate.day + estimate.evening + estimate.night }
    }

    /// The share of the summed energy the skipped paths may add up to.
    let tolerance: Double
    private(set) var deferred: [Deferred] = []

    /// `maxError` in dB; 0 keeps every path.
    init(maxError: Double) {
        tolerance = maxError > 0 ? Decibel.energy(maxError) - 1 : 0
    }

    /// Whether paths are worth deferring at all (a zero budget evaluates every path at once).
    var defers: Bool { tolerance > 0 }

    mutating func add(path: Int, estimate: PerPeriod<Double>) {
        deferred.append(Deferred(path: path, estimate: estimate))
    }

    /// Calls `evaluate` with the deferred paths, loudest estimate first, as long as those left could
    /// move the level of some period by more than the budget; `energy` is the receiver's sum so far,
    /// which `evaluate` adds to. With `toBeat` (an Lden, dB), gives up and returns false as soon as
    /// the receiver's Lden, even with every estimate left, could not exceed it: another receiver of
    /// the building is louder.
    mutating func evaluate(energy: inout PerPeriod<Double>, toBeat: Double? = nil,
                           _ evaluate: (Int, inout PerPeriod<Double>) -> Void) -> Bool {
        defer { deferred.removeAll(keepingCapacity: true) }
        deferred.sort { $0.rank > $1.rank }
        var left = Self.sum(deferred.map(\.estimate))
        for item in deferred {
            if let toBeat, Self.cannotReach(toBeat, energy, plus: left) { return false }
            let negligible = Period.allCases.allSatisfy { left[$0] <= tolerance * energy[$0] }
            if negligible { break }
            evaluate(item.path, &energy)
            for period in Period.allCases { left[period] -= item.estimate[period] }
        }
        if let toBeat, Self.cannotReach(toBeat, energy, plus: left) { return false }
        return true
    }

    /// Whether a receiver with `energy` summed, the deferred estimates and `extra` (estimates of
    /// paths not yet found open or blocked) still cannot exceed an Lden of `toBeat`: it is given up
    /// before the rest of its work.
    func cannotBeat(_ toBeat: Double, energy: PerPeriod<Double>, plus extra: [PerPeriod<Double>]) -> Bool {
        Self.cannotReach(toBeat, energy, plus: Self.sum(deferred.map(\.estimate) + extra))
    }

    /// Whether the energies `energy` + `more` per period make an Lden of at most `lden` dB.
    private static func cannotReach(_ lden: Double, _ energy: PerPeriod<Double>, plus more: PerPeriod<Double>) -> Bool {
        Lden.energy(day: energy.day + more.day, evening: energy.evening + more.evening, night: energy.night + more.night)
            <= Decibel.energy(lden)
    }

    private static func sum(_ estimates: [PerPeriod<Double>]) -> PerPeriod<Double> {
        var total = PerPeriod(day: 0.0, evening: 0.0, night: 0.0)
        for estimate in estimates {
            for period in Period.allCases { total[period] += estimate[period] }
        }
        return total
    }
}

/// How many paths receivers deferred on their estimates, and how many of those they evaluated.
struct PathTally: Sendable {
    var deferred = 0
    var evaluated = 0

    static func + (a: PathTally, b: PathTally) -> PathTally {
        PathTally(deferred: a.deferred + b.deferred, evaluated: a.evaluated + b.evaluated)
    }

    /// The note that says how much the budget left out; nil when nothing was deferred.
    func note(maxError: Double) -> String? {
        guard deferred > 0 else { return nil }
        let share = (Double(deferred - evaluated) / Double(deferred) * 1000).rounded() / 10
        return "Path budget: \(share) % of the paths over roofs or by reflection were not evaluated; by their estimates they "
            + "lower no receiver's level by more than \(maxError) dB together (--max-error; 0 evaluates every path)."
    }
}
