#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The diffraction terms of Annex II 2.5.6, "Calculation of the term A_dif".
enum Diffraction {
    /// Δ_dif (eq. 2.5.21): 10 C_h lg(3 + 40 C'' δ / λ) where 40 C'' δ / λ >= -2, else 0. C_h = 1.
    static func delta(pathDifference delta: Double, wavelength: Double, cSecond: Double = 1) -> Double {
        let test = 40 / wavelength * cSecond * delta
        return test >= -2 ? 10 * log10(3 + test) : 0
    }

    /// C'' (eq. 2.5.22 ff.): 1 for a single edge; for several edges with e the distance from the
    /// first to the last, (1 + (5 λ / e)^2) / (1/3 + (5 λ / e)^2).
    static func cSecond(wavelength: Double, e: Double) -> Double {
        let x = 5 * wavelength / e
        return (1 + x * x) / (1.0 / 3.0 + x * x)
    }

    /// The length of the curved ray over a chord of length `chord` (eq. 2.5.24-2.5.26): rays in
    /// favourable conditions are arcs of radius Γ = max(1000, 8 d), d the source-receiver distance.
    static func arc(_ chord: Double, pathLength d: Double) -> Double {
        let gamma = max(1000, 8 * d)
        return 2 * gamma * asin(chord / (2 * gamma))
    }

    /// Δ_ground (eq. 2.5.31 and 2.5.32): the ground effect on one side of the edge, weighted by how
    /// much the image source (or receiver) changes the diffraction.
    static func groundCorrection(aGround: Double, imageDelta: Double, directDelta: Double) -> Double {
        -20 * log10(1 + (pow(10, -aGround / 20) - 1) * pow(10, -(imageDelta - directDelta) / 20))
    }
}
