#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The pure-tone atmospheric absorption coefficient of ISO 9613-1:1993 (eq. 3 to 5 and Annex B),
/// at the exact mid-band frequencies of the octave bands (ISO 266 base-ten series, 1000 x 10^(0.3 k)).
///
/// Annex II 2.5.6 eq. 2.5.12 computes A_atm = α_atm d / 1000 with α from ISO 9613-1. At 10 °C and
/// 70 % it gives 0.12, 0.41, 1.04, 1.93, 3.66, 9.66, 32.77, 116.88 dB/km, the ISO/TR 17534-4 values.
public struct AtmosphericAbsorption: Sendable, Hashable {
    public var temperature: Double
    public var humidity: Double
    public var pressure: Double

    /// - Parameters: temperature in °C, relative humidity in %, pressure in kPa.
    public init(temperature: Double, humidity: Double, pressure: Double = 101.325) {
        self.temperature = temperature
        self.humidity = humidity
        self.pressure = pressure
    }

    /// The exact mid-band frequency of an octave band, 1000 x 10^(0.3 k) Hz.
    public static func exactFrequency(_ band: OctaveBand) -> Double {
        1000 * pow(10, 0.3 * Double(band.index - 4))
    }

    /// α in dB/km at frequency f (Hz).
    public func coefficient(frequency f: Double) -> Double {
        let referencePressure = 101.325
        let t = temperature + 273.15
        let t0 = 293.15, t01 = 273.16
        let relativePressure = pressure / referencePressure
        // Molar concentration of water vapour (Annex B eq. B.1, B.2).
        let saturation = pow(10, -6.8346 * pow(t01 / t, 1.261) + 4.6151)
        let h = humidity * saturation / relativePressure
        // Relaxation frequencies of oxygen and nitrogen (eq. 3, 4).
        let frO = relativePressure * (24 + 4.04e4 * h * (0.02 + h) / (0.391 + h))
        let frN = relativePressure * pow(t / t0, -0.5) * (9 + 280 * h * exp(-4.170 * (pow(t / t0, -1.0 / 3) - 1)))
        // Eq. 5, in dB/m, times 1000.
        let classical = 1.84e-11 / relativePressure * pow(t / t0, 0.5)
        let oxygen = 0.01275 * exp(-2239.1 / t) / (frO + f * f / frO)
        let nitrogen = 0.1068 * exp(-3352.0 / t) / (frN + f * f / frN)
        return 8.686 * f * f * (classical + pow(t / t0, -2.5) * (oxygen + nitrogen)) * 1000
    }

    /// α per octave band, 63 Hz..8 kHz.
    public var perBand: [Double] {
        OctaveBand.allCases.map { coefficient(frequency: Self.exactFrequency($0)) }
    }
}
