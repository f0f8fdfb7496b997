#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A_ground, the ground effect of one path leg in one octave band (Annex II 2.5.6, "Calculation
/// of the term A_ground"), in homogeneous and favourable conditions.
struct GroundAttenuation: Sendable, Hashable {
    /// The ground's frequency-dependent terms for one band.
    struct Terms {
        /// w of eq. 2.5.17.
        var w: Double
        /// C_f of eq. 2.5.16 (m).
        var cf: Double
        /// The wave number k = 2 pi f / c.
        var k: Double
    }

    var frequency: Double
    var soundSpeed: Double

    /// f^2.5, f^1.5 and f^0.75 of eq. 2.5.17, computed once for the frequency.
    private let f25: Double, f15: Double, f075: Double

    init(frequency: Double, soundSpeed: Double) {
        self.frequency = frequency
        self.soundSpeed = soundSpeed
        f25 = pow(frequency, 2.5)
        f15 = pow(frequency, 1.5)
        f075 = pow(frequency, 0.75)
    }

    /// Eq. 2.5.16 and 2.5.17 for the ground factor `gw` over the projected distance `dp`.
    func terms(gw: Double, dp: Double) -> Terms {
        let gw13 = gw > 0 ? pow(gw, 1.3) : 0
        let gw26 = gw13 * gw13
        let w = 0.0185 * f25 * gw26 / (f15 * gw26 + 1.3e3 * f075 * gw13 + 1.16e6)
        let cf = dp * (1 + 3 * w * dp * exp(-(w * dp).squareRoot())) / (1 + w * dp)
        return Terms(w: w, cf: cf, k: 2 * Double.pi * frequency / soundSpeed)
    }

    /// The common form of eq. 2.5.15 and 2.5.20 for heights zs, zr over dp.
    private func attenuation(_ t: Terms, zs: Double, zr: Double, dp: Double) -> Double {
        let root = (2 * t.cf / t.k).squareRoot()
        let ratio = t.cf / t.k
        return -10 * log10(4 * t.k * t.k / (dp * dp) * (zs * zs - root * zs + ratio) * (zr * zr - root * zr + ratio))
    }

    /// A_ground,H (eq. 2.5.15) with its lower bound -3 (1 - G_m) (eq. 2.5.18). In homogeneous
    /// conditions G_w = G_m = G'_path; `usePathG` takes G_path instead (the receiver-side leg of a
    /// diffracted path, whose far end is not a source). A hard path (G_path = 0) gives -3 dB.
    func homogeneous(_ segment: PathSegment, usePathG: Bool = false) -> (value: Double, terms: Terms) {
        let g = usePathG ? segment.gPath : segment.gPathPrime
        let t = terms(gw: g, dp: segment.dp)
        guard segment.gPath != 0 else { return (-3, t) }
        let computed = attenuation(t, zs: segment.zsH, zr: segment.zrH, dp: segment.dp)
        return (max(computed, -3 * (1 - g)), t)
    }

    /// A_ground,F (eq. 2.5.20) with the heights of the curved rays, G_w = G_path, G_m = G'_path,
    /// and the lower bound of eq. 2.5.20: -3 (1 - G_m), stretched by (1 + 2 (1 - 30 (z_s + z_r) / d_p))
    /// when source and receiver are far apart.
    func favourable(_ segment: PathSegment, usePathG: Bool = false) -> (value: Double, terms: Terms) {
        let gm = usePathG ? segment.gPath : segment.gPathPrime
        let t = terms(gw: segment.gPath, dp: segment.dp)
        let nearness = segment.nearnessH
        let bound = nearness <= 1 ? -3 * (1 - gm) : -3 * (1 - gm) * (1 + 2 * (1 - 1 / nearness))
        guard segment.gPath != 0 else { return (bound, t) }
        let computed = attenuation(t, zs: segment.zsF, zr: segment.zrF, dp: segment.dp)
        return (max(computed, bound), t)
    }

    func value(_ segment: PathSegment, in atmosphere: Atmosphere, usePathG: Bool = false) -> (value: Double, terms: Terms) {
        atmosphere == .homogeneous ? homogeneous(segment, usePathG: usePathG) : favourable(segment, usePathG: usePathG)
    }
}
