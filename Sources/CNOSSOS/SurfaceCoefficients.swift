/// Table F-4 coefficients of one road surface for one vehicle category: the spectral correction
/// α_i,m at the reference speed and the speed coefficient β_m (eqs. 2.2.19, 2.2.20).
public struct SurfaceCoefficients: Sendable, Hashable {
    /// α_i,m per octave band (dB).
    public let alpha: [Double]
    /// β_m (dB per decade of speed).
    public let beta: Double

    public init(alpha: [Double], beta: Double) {
        precondition(alpha.count == 8, "Table F-4 rows have 8 octave bands")
        self.alpha = alpha
        self.beta = beta
    }

    /// No correction: the reference surface, and categories 4a/4b on every surface.
    public static let none = SurfaceCoefficients(alpha: Array(repeating: 0, count: 8), beta: 0)
}

/// One surface of Table F-4: coefficients for categories 1, 2 and 3 (the table's 4a/4b line is
/// all zeros on every surface).
struct SurfaceRow: Sendable {
    let light: SurfaceCoefficients
    let medium: SurfaceCoefficients
    let heavy: SurfaceCoefficients

    /// A row whose categories 2 and 3 have no correction (NL04 and NL05 print zeros there).
    init(light: SurfaceCoefficients) {
        self.init(light: light, medium: .none, heavy: .none)
    }

    init(light: SurfaceCoefficients, medium: SurfaceCoefficients, heavy: SurfaceCoefficients) {
        self.light = light
        self.medium = medium
        self.heavy = heavy
    }

    func coefficients(for category: VehicleCategory) -> SurfaceCoefficients {
        switch category {
        case .light: light
        case .medium: medium
        case .heavy: heavy
        case .moped, .motorcycle: .none
        }
    }
}
