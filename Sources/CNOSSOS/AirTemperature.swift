/// Air temperature correction of rolling noise (Annex II 2.2.3, eq. 2.2.10).
///
/// Tyres are louder in the cold: ΔL_WR,temp = K_m (τ_ref - τ) with τ_ref = 20 °C, the same in
/// every band; propulsion noise is not corrected.
enum AirTemperature {
    /// τ_ref of eq. 2.2.10, °C: the temperature Table F-1 is given for.
    static let referenceCelsius = 20.0

    /// K_m in dB/°C: 0.08 for light vehicles, 0.04 for categories 2 and 3; category 4 has no
    /// rolling noise to correct.
    static func coefficient(for category: VehicleCategory) -> Double {
        switch category {
        case .light: 0.08
        case .medium, .heavy: 0.04
        case .moped, .motorcycle: 0
        }
    }

    /// Eq. 2.2.10: K_m (τ_ref - τ).
    static func rollingCorrection(for category: VehicleCategory, celsius: Double) -> Double {
        coefficient(for: category) * (referenceCelsius - celsius)
    }
}
