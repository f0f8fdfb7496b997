/// The day-evening-night level of Directive 2002/49/EC Annex I:
/// Lden = 10 lg((12 × 10^(Ld/10) + 4 × 10^((Le + 5)/10) + 8 × 10^((Ln + 10)/10)) / 24).
///
/// 12 day, 4 evening and 8 night hours; evening noise counts 5 dB and night noise 10 dB more,
/// for the annoyance it causes.
public enum Lden {
    /// Lden in dB from the day, evening and night levels (dB).
    public static func level(day: Double, evening: Double, night: Double) -> Double {
        Decibel.tenLog(
            (12 * Decibel.energy(day) + 4 * Decibel.energy(evening + 5) + 8 * Decibel.energy(night + 10)) / 24
        )
    }

    /// 10^(Lden/10) from the energies 10^(L/10) of the three periods: the same weights, for sums
    /// of energies that are not yet levels (a receiver's paths so far, say).
    public static func energy(day: Double, evening: Double, night: Double) -> Double {
        (12 * day + 4 * eveningWeight * evening + 8 * nightWeight * night) / 24
    }

    /// 10^(5/10) and 10^(10/10): the evening's 5 dB and the night's 10 dB.
    private static let eveningWeight = Decibel.energy(5), nightWeight = Decibel.energy(10)
}
