#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A cheap upper estimate of what a path can deliver, before the full evaluation: an upper
/// estimate of its transfer 10^(-(A - A_div)/10) per band, from the wall tops its line of sight
/// crosses (no profile, mean planes, hull or ground terms, and no logarithm). A
/// receiver ranks its paths by it and evaluates only those whose estimated energy could still move
/// its level by more than the tolerated error, as NoiseModelling does with its "maximum error"
/// (there against the free-field level).
///
/// What it takes (Annex II 2.5.6, eq. 2.5.21, 2.5.29-2.5.33):
/// - Δ_dif(S,R) with C'' = 1 (its minimum) over the path difference via the single wall top that
///   stands highest above the line of sight: the convex hull over all the edges is at least as
///   long, so δ is at least that (in favourable conditions, over the tops lowered as curved rays
///   see them). 10^(-Δ_dif/10) is then 1 / (3 + 40 δ / λ), or 10^-2.5 where Δ_dif reaches 25 dB;
/// - the ground terms on the two sides of the edges at a floor: -3 dB each in homogeneous
///   conditions (eq. 2.5.18), one dB lower for a source under its leg's mean plane (lifted by the
///   roofs), which takes the image source's smaller δ; -6 dB each in favourable conditions, whose
///   floor falls with a leg's length (eq. 2.5.20);
/// - A_atm over the source-receiver distance, exactly;
/// - a path that crosses no wall: A_atm and the ground floors alone;
/// - reflection losses and Δ_retrodif at 0, their least.
///
/// The floors are not strict bounds in every geometry: they are tested against the evaluator on a
/// dense district, and a receiver's total against the one with every path (`PathBudgetTests`).
public enum ExcessEstimate {
    /// A_boundary of a diffracted path is at least Δ_dif plus these (dB).
    static let homogeneousFloor = -7.0, favourableFloor = -12.0
    private static let homogeneousGain = 1 / Decibel.energy(homogeneousFloor), favourableGain = 1 / Decibel.energy(favourableFloor)
    /// 10^(-25/10): Δ_dif is at most 25 dB.
    private static let deepest = Decibel.energy(-25)

    /// The upper estimates of 10^(-(A - A_div)/10) in homogeneous and favourable conditions, per band.
    public static func of(_ profile: CutProfile, conditions: PropagationConditions) -> (homogeneous: SIMD8<Double>, favourable: SIMD8<Double>) {
        let points = profile.points
        let s = points[0], r = points[points.count - 1]
        let dx = r.x - s.x, dy = r.y - s.y
        let length = (dx * dx + dy * dy).squareRoot()
        var tops = WallTops(length: length, sourceHeight: s.z - s.zGround, receiverHeight: r.z - r.zGround)
        guard length > 0, points.contains(where: { $0.kind == .wall }) else {
            let open = unobstructed(horizontalDistance: length, heights: tops.sourceHeight + tops.receiverHeight)
            let air = air(tops.distance, conditions: conditions)
            return (air * open.homogeneous, air * open.favourable)
        }
        for point in points.dropFirst().dropLast() where point.kind == .wall {
            let px = point.x - s.x, py = point.y - s.y
            tops.include(x: min(max((px * dx + py * dy) / length, 0), length), top: point.z - s.zGround)
        }
        return overWalls(tops, conditions: conditions)
    }

    /// The upper estimates for a line of sight over walls whose tops `tops` has seen.
    public static func overWalls(_ tops: WallTops, conditions: PropagationConditions) -> (homogeneous: SIMD8<Double>, favourable: SIMD8<Double>) {
        let air = air(tops.distance, conditions: conditions)
        return (diffraction(tops.deltaH, conditions: conditions) * air * homogeneousGain,
                diffraction(tops.deltaF, conditions: conditions) * air * favourableGain)
    }

    /// 10^(-A_atm/10) over `distance` (eq. 2.5.13): the one exponential per band of an estimate,
    /// worth it because it ranks far paths at their true weight in the upper bands.
    public static func air(_ distance: Double, conditions: PropagationConditions) -> SIMD8<Double> {
        var result = SIMD8<Double>(repeating: 0)
        for band in 0 ..< 8 { result[band] = Decibel.transmission(conditions.absorptionVector[band] * distance / 1000) }
        return result
    }

    /// The upper estimates for a path that crosses no wall (a reflected path whose legs are free,
    /// say) over `horizontalDistance` unfolded, before A_atm (`air`): the ground floors of
    /// eq. 2.5.18 and 2.5.20 for a hard ground, source and receiver `heights` (summed) above it.
    public static func unobstructed(horizontalDistance: Double, heights: Double) -> (homogeneous: Double, favourable: Double) {
        (Decibel.energy(3), Decibel.energy(3 * (1 + 2 * longLegStretch(horizontalDistance, heights))))
    }

    /// The largest path difference over single wall tops along a line of sight, in homogeneous
    /// conditions and as favourable rays see it: fed one top at a time, so a path finder walking
    /// the line needs no profile for it.
    public struct WallTops: Sendable {
        /// Horizontal source-receiver distance and heights above the (flat) ground, m.
        public let length: Double, sourceHeight: Double, receiverHeight: Double
        /// The source-receiver distance.
        public let distance: Double
        /// Curved rays of radius 2 max(1000, 8 d) (eq. 2.5.24) sag below the chord by x (d - x) / 2R.
        private let radius: Double
        public private(set) var deltaH = -Double.infinity
        public private(set) var deltaF = -Double.infinity

        public init(length: Double, sourceHeight: Double, receiverHeight: Double) {
            self.length = length
            self.sourceHeight = sourceHeight
            self.receiverHeight = receiverHeight
            distance = (length * length + (receiverHeight - sourceHeight) * (receiverHeight - sourceHeight)).squareRoot()
            radius = 2 * max(1000, 8 * distance)
        }

        /// A wall top `top` m high, `x` m from the source.
        public mutating func include(x: Double, top: Double) {
            deltaH = max(deltaH, difference(x: x, top: top))
            deltaF = max(deltaF, difference(x: x, top: top - x * (length - x) / (2 * radius)))
        }

        /// The path difference S-O-R minus S-R, for a top above the line of sight; -inf below it.
        private func difference(x: Double, top: Double) -> Double {
            guard length > 0, top > sourceHeight + (receiverHeight - sourceHeight) * x / length else { return -.infinity }
            let so = (x * x + (top - sourceHeight) * (top - sourceHeight)).squareRoot()
            let or = ((length - x) * (length - x) + (receiverHeight - top) * (receiverHeight - top)).squareRoot()
            return so + or - distance
        }
    }

    /// 10^(-min(25, Δ_dif)/10) with C'' = 1 (eq. 2.5.21); 1 for a line of sight over every wall.
    private static func diffraction(_ delta: Double, conditions: PropagationConditions) -> SIMD8<Double> {
        guard delta > 0 else { return SIMD8(repeating: 1) }
        var result = SIMD8<Double>(repeating: 0)
        for band in 0 ..< 8 {
            result[band] = max(deepest, 1 / (3 + 40 * delta / conditions.wavelengths[band]))
        }
        return result
    }

    /// The stretch of eq. 2.5.20's favourable floor on a long leg: 1 - 30 (z_s + z_r) / d_p when
    /// positive.
    private static func longLegStretch(_ dp: Double, _ heights: Double) -> Double {
        dp > 30 * heights ? 1 - 30 * heights / dp : 0
    }
}
