/// The eight octave bands of the CNOSSOS-EU road source, 63 Hz to 8 kHz.
///
/// Directive 2002/49/EC Annex II 2.2.1 as corrected by the corrigendum of OJ L 5, 10.1.2018
/// (the 2015/996 text wrongly printed 125 Hz to 4 kHz); every table of Appendix F runs over these
/// eight bands in this order.
public enum OctaveBand: Int, CaseIterable, Sendable, Comparable {
    case hz63 = 63
    case hz125 = 125
    case hz250 = 250
    case hz500 = 500
    case hz1000 = 1000
    case hz2000 = 2000
    case hz4000 = 4000
    case hz8000 = 8000

    /// Nominal centre frequency in hertz.
    public var centreFrequency: Int { rawValue }

    /// Position 0...7 of the band in the Appendix F tables and in `BandLevels`.
    public var index: Int {
        switch self {
        case .hz63: 0
        case .hz125: 1
        case .hz250: 2
        case .hz500: 3
        case .hz1000: 4
        case .hz2000: 5
        case .hz4000: 6
        case .hz8000: 7
        }
    }

    /// A-weighting of the band in dB, as printed for the octave bands in Annex II 2.5.5
    /// (ΔL_A,i; the IEC 61672-1 octave values), used to turn band levels into dB(A).
    public var aWeighting: Double {
        switch self {
        case .hz63: -26.2
        case .hz125: -16.1
        case .hz250: -8.6
        case .hz500: -3.2
        case .hz1000: 0.0
        case .hz2000: 1.2
        case .hz4000: 1.0
        case .hz8000: -1.1
        }
    }

    public static func < (lhs: OctaveBand, rhs: OctaveBand) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
