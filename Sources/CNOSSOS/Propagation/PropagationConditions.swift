/// What the point-to-point propagation depends on besides the path: the air, and how often
/// sound propagates in favourable (downward-refracting) conditions.
public struct PropagationConditions: Sendable, Hashable {
    /// Air temperature in °C (for A_atm).
    public let temperature: Double
    /// Relative humidity in %.
    public let humidity: Double
    /// α_atm per band (dB/km) at this temperature and humidity, computed once: every path uses it.
    public let absorptionPerBand: [Double]
    /// The same as a vector, for the per-path arithmetic.
    let absorptionVector: SIMD8<Double>
    /// The ground model of each band (its frequency powers computed once).
    let groundModels: [GroundAttenuation]
    /// p, the occurrence of favourable conditions (0...1) for the long-term level (eq. 2.5.11).
    public var favourableProbability: Double
    /// The speed of sound in the ground and diffraction terms: 340 m/s, as the Directive's
    /// λ = c / f and k = 2 π f / c take it.
    public let soundSpeed: Double
    /// λ = c / f of each band.
    let wavelengths: SIMD8<Double>

    public init(temperature: Double = 15, humidity: Double = 70, favourableProbability: Double = 0.5,
                soundSpeed: Double = 340) {
        self.temperature = temperature
        self.humidity = humidity
        self.absorptionPerBand = AtmosphericAbsorption(temperature: temperature, humidity: humidity).perBand
        var vector = SIMD8<Double>(repeating: 0)
        for (i, value) in absorptionPerBand.enumerated() { vector[i] = value }
        absorptionVector = vector
        self.favourableProbability = favourableProbability
        self.soundSpeed = soundSpeed
        var wavelengths = SIMD8<Double>(repeating: 0)
        for (i, band) in OctaveBand.allCases.enumerated() { wavelengths[i] = soundSpeed / Double(band.centreFrequency) }
        self.wavelengths = wavelengths
        self.groundModels = OctaveBand.allCases.map { GroundAttenuation(frequency: Double($0.centreFrequency), soundSpeed: soundSpeed) }
    }
}
