/// Light vehicles running on studded tyres during part of the year (Annex II 2.2.3, eqs. 2.2.6
/// to 2.2.9). Studs add rolling noise of category 1 only, mostly above 500 Hz.
public struct StuddedTyres: Sendable, Hashable {
    /// Share of category 1 vehicles equipped with studded tyres while they are in use (0...1),
    /// Q_stud,ratio.
    public let share: Double
    /// Months per year the studded tyres are in use (0...12), T_s.
    public let monthsPerYear: Double

    /// Throws if `share` is outside 0...1 or `monthsPerYear` outside 0...12: outside those ranges
    /// the yearly proportion leaves 0...1 and eq. 2.2.8 takes the logarithm of a negative number.
    public init(share: Double, monthsPerYear: Double) throws(EmissionInputError) {
        guard (0...1).contains(share) else {
            throw EmissionInputError("studded tyre share must be in 0...1, got \(share)")
        }
        guard (0...12).contains(monthsPerYear) else {
            throw EmissionInputError("studded tyre months per year must be in 0...12, got \(monthsPerYear)")
        }
        self.share = share
        self.monthsPerYear = monthsPerYear
    }

    /// p_s = Q_stud,ratio × T_s / 12, the yearly average proportion of light vehicles on studded
    /// tyres (eq. 2.2.7).
    public var yearlyProportion: Double {
        share * monthsPerYear / 12
    }

    /// Table F-2 (Directive (EU) 2015/996 Appendix F, not amended by 2021/1226): a_i and b_i,
    /// octave bands 63 Hz .. 8 kHz. Verified against NoiseModelling `RoadCnossos_2015/2020.json`
    /// and the Official Journal transcription in jmrplens/PyOctaveBand `reference_data.py`.
    static let tableF2a: [Double] = [0.0, 0.0, 0.0, 2.6, 2.9, 1.5, 2.3, 9.2]
    static let tableF2b: [Double] = [0.0, 0.0, 0.0, -3.1, -6.4, -14.0, -22.4, -11.4]

    /// Extra rolling noise of a light vehicle fleet with this studded-tyre use, in `band`, at
    /// `speedKmh` (dB). Categories 2-4 take none (eq. 2.2.9).
    func rollingCorrection(_ band: OctaveBand, speedKmh: Double) -> Double {
        // Eq. 2.2.6: ΔL_stud,i(v) = a_i + b_i lg(v/70), the speed held within 50...90 km/h.
        let speed = min(max(speedKmh, 50), 90)
        let studded = Self.tableF2a[band.index] + Self.tableF2b[band.index] * lg(speed / EmissionModel.referenceSpeedKmh)
        // Eq. 2.2.8: ΔL_stud,i,m=1 = 10 lg((1 - p_s) + p_s 10^(ΔL_stud,i/10)).
        let proportion = yearlyProportion
        return Decibel.tenLog((1 - proportion) + proportion * Decibel.energy(studded))
    }
}
