#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Level arithmetic in decibels.
///
/// Levels never add arithmetically: sources combine by adding their energies (10^(L/10)).
/// A silent source is `-infinity` dB, so it drops out of every sum without special cases.
public enum Decibel {
    /// 10 lg(ratio): the level of an energy ratio. `0` gives `-infinity`.
    public static func tenLog(_ ratio: Double) -> Double {
        10 * log10(ratio)
    }

    /// 10^(level/10): the energy (relative to the reference) of a level. `-infinity` gives 0.
    public static func energy(_ level: Double) -> Double {
        pow(10, level / 10)
    }

    /// 10^(-A/10), the share of energy an attenuation of A dB lets through, as e^(-A ln 10 / 10):
    /// exp is several times cheaper than pow, and a receiver's paths take sixteen each. Equal to
    /// `energy(-A)` to the last bits, not bit for bit.
    public static func transmission(_ attenuation: Double) -> Double {
        exp(-attenuation * nepersPerDecibel)
    }

    /// ln 10 / 10.
    private static let nepersPerDecibel = log(10.0) / 10

    /// 10 lg(sum of 10^(L/10)): the level of several incoherent sources together.
    /// An empty sequence, or one of silent sources only, gives `-infinity`.
    public static func energeticSum(_ levels: some Sequence<Double>) -> Double {
        tenLog(levels.reduce(0) { $0 + energy($1) })
    }

    /// 10 lg(mean of 10^(L/10)): the level of the energy average, e.g. half a flow uphill and
    /// half downhill. An empty sequence gives `-infinity`.
    public static func energeticMean(_ levels: some Collection<Double>) -> Double {
        guard !levels.isEmpty else { return -.infinity }
        return energeticSum(levels) - tenLog(Double(levels.count))
    }
}

/// lg x, the decimal logarithm, written as in the Directive's equations. Kept here so that only
/// this file needs the C math library.
func lg(_ x: Double) -> Double {
    log10(x)
}
