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
}
