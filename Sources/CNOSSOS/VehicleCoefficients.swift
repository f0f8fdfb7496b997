/// A speed law per octave band: a level `a` at the reference speed and a slope `b`.
///
/// Rolling noise uses it as a + b lg(v/70) (eq. 2.2.4), propulsion noise as a + b (v - 70)/70
/// (eq. 2.2.11).
public struct BandCoefficients: Sendable, Hashable {
    /// Level at the reference speed of 70 km/h, per band (dB).
    public let a: [Double]
    /// Speed coefficient per band.
    public let b: [Double]

    public init(a: [Double], b: [Double]) {
        precondition(a.count == 8 && b.count == 8, "Appendix F rows have 8 octave bands")
        self.a = a
        self.b = b
    }
}

/// One row of Table F-1: the rolling (A_R, B_R) and propulsion (A_P, B_P) coefficients of a
/// vehicle category.
public struct VehicleCoefficients: Sendable, Hashable {
    /// A_R,i,m and B_R,i,m; `nil` for the powered two-wheelers, which have no rolling noise.
    public let rolling: BandCoefficients?
    /// A_P,i,m and B_P,i,m.
    public let propulsion: BandCoefficients

    public init(rolling: BandCoefficients?, propulsion: BandCoefficients) {
        self.rolling = rolling
        self.propulsion = propulsion
    }
}
