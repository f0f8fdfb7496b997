/// One level per octave band, 63 Hz to 8 kHz, in dB.
///
/// The emission model works band by band (every coefficient of Appendix F is per band) and only
/// reduces to a single number at the end, unweighted (`total`) or A-weighted (`totalA`).
/// A band at `-infinity` is silent.
public struct BandLevels: Sendable, Hashable, CustomStringConvertible {
    /// The eight levels, ordered as `OctaveBand.allCases`.
    public private(set) var values: [Double]

    /// Levels in band order, 63 Hz first. Traps unless there are exactly eight.
    public init(_ values: [Double]) {
        precondition(values.count == OctaveBand.allCases.count, "BandLevels needs 8 values, got \(values.count)")
        self.values = values
    }

    /// The same level in every band.
    public init(repeating level: Double) {
        self.values = Array(repeating: level, count: OctaveBand.allCases.count)
    }

    /// Levels computed band by band.
    public init(_ level: (OctaveBand) -> Double) {
        self.values = OctaveBand.allCases.map(level)
    }

    /// No sound in any band (e.g. an empty road).
    public static let silent = BandLevels(repeating: -.infinity)

    public subscript(band: OctaveBand) -> Double {
        get { values[band.index] }
        set { values[band.index] = newValue }
    }

    /// The levels with the octave-band A-weighting added.
    public var aWeighted: BandLevels {
        BandLevels { self[$0] + $0.aWeighting }
    }

    /// Energetic sum over the eight bands, unweighted (dB).
    public var total: Double {
        Decibel.energeticSum(values)
    }

    /// Energetic sum over the eight bands after A-weighting (dB(A)).
    public var totalA: Double {
        aWeighted.total
    }

    /// Every band shifted by the same number of decibels (e.g. the flow term 10 lg(Q/(1000 v))).
    public static func + (levels: BandLevels, offset: Double) -> BandLevels {
        BandLevels { levels[$0] + offset }
    }

    /// Band-by-band energetic sum of several spectra (several sources together).
    /// An empty sequence gives `silent`.
    public static func energeticSum(_ spectra: some Sequence<BandLevels>) -> BandLevels {
        var energies = Array(repeating: 0.0, count: OctaveBand.allCases.count)
        for spectrum in spectra {
            for index in energies.indices {
                energies[index] += Decibel.energy(spectrum.values[index])
            }
        }
        return BandLevels(energies.map(Decibel.tenLog))
    }

    public var description: String {
        OctaveBand.allCases.map { "\($0.rawValue) Hz: \(self[$0])" }.joined(separator: ", ")
    }
}
