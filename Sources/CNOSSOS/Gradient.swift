/// Road gradient correction of propulsion noise (Annex II 2.2.4, eqs. 2.2.13 to 2.2.16).
///
/// The correction also stands for the effect of the slope on speed; it is zero on gentle slopes,
/// grows with the gradient s (in %, positive uphill in the direction of travel), is capped at
/// |s| = 12 %, and never reduces the level.
enum Gradient {
    /// ΔL_WP,grad,m in dB for `category` at gradient `percent` and speed `speedKmh`.
    static func propulsionCorrection(for category: VehicleCategory, percent s: Double, speedKmh v: Double) -> Double {
        switch category {
        case .light:
            // Eq. 2.2.13: (min(12, -s) - 6)/1 for s < -6; 0 for -6 <= s <= 2;
            // (min(12, s) - 2)/1.5 × v/100 for s > 2.
            if s < -6 { return (min(12, -s) - 6) / 1 }
            if s <= 2 { return 0 }
            return (min(12, s) - 2) / 1.5 * v / 100
        case .medium:
            // Eq. 2.2.14: (min(12, -s) - 4)/0.7 × (v - 20)/100 for s < -4; 0 for -4 <= s <= 0;
            // min(12, s)/1 × v/100 for s > 0.
            if s < -4 { return (min(12, -s) - 4) / 0.7 * (v - 20) / 100 }
            if s <= 0 { return 0 }
            return min(12, s) / 1 * v / 100
        case .heavy:
            // Eq. 2.2.15: (min(12, -s) - 4)/0.5 × (v - 10)/100 for s < -4; 0 for -4 <= s <= 0;
            // min(12, s)/0.8 × v/100 for s > 0.
            if s < -4 { return (min(12, -s) - 4) / 0.5 * (v - 10) / 100 }
            if s <= 0 { return 0 }
            return min(12, s) / 0.8 * v / 100
        case .moped, .motorcycle:
            // Eq. 2.2.16: no gradient correction for powered two-wheelers.
            return 0
        }
    }
}
