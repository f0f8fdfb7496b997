#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The profile as favourable rays see it: downward refraction bends the rays over obstacles, which
/// is the same as straight rays over a profile lowered towards the middle of the path. The
/// transformation maps each point of height z to its height under rays of radius
/// R_c = 2 max(1000, 8 d) (Annex II 2.5.6 eq. 2.5.24; the mapping is Harmonoise's, Salomons et al.
/// 2011, Acta Acustica 97(1) 62-74, as NoiseModelling uses it for the convex hull in F).
struct CurvedRays {
    private let middle: (x: Double, y: Double, z: Double)
    private let c0: Double
    private let sourceOffset: Double

    init(_ profile: CutProfile) {
        let s = profile.source, r = profile.receiver
        middle = ((s.x + r.x) / 2, (s.y + r.y) / 2, (s.z + r.z) / 2)
        let dx = r.x - s.x, dy = r.y - s.y, dz = r.z - s.z
        let distance = (dx * dx + dy * dy + dz * dz).squareRoot()
        let radius = 2 * max(1000, 8 * distance)
        let meanHeight = ((s.z - s.zGround) + (r.z - r.zGround)) / 2
        c0 = 2 * (meanHeight + radius)
        sourceOffset = Self.rawHeight(x: s.x, y: s.y, z: s.z, middle: middle, c0: c0) - s.z
    }

    private static func rawHeight(x: Double, y: Double, z: Double,
                                  middle: (x: Double, y: Double, z: Double), c0: Double) -> Double {
        let xp = x - middle.x, yp = y - middle.y, zp = z - middle.z
        return c0 * (xp * xp + yp * yp + zp * zp + zp * c0) / (xp * xp + yp * yp + (c0 + zp) * (c0 + zp))
    }

    /// The height that a point at (x, y, z) takes in the favourable-condition profile.
    func height(x: Double, y: Double, z: Double) -> Double {
        Self.rawHeight(x: x, y: y, z: z, middle: middle, c0: c0) - sourceOffset
    }
}
