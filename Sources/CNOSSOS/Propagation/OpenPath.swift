/// The commonest path of a district: a source and a receiver over flat ground of one G, with
/// nothing in between. Its attenuation needs no profile: the mean plane is the ground, there is no
/// edge, and only A_atm and A_ground remain (Annex II eq. 2.5.6 and 2.5.8 with A_dif = 0). The
/// result is the general evaluator's for the two-point profile (tested), at a fraction of the cost.
public enum OpenPath {
    /// The excess attenuation A - A_div per band (A_atm + A_ground) in homogeneous and favourable
    /// conditions, and the source-receiver distance that A_div uses.
    /// - Parameters: horizontal distance and heights above the ground (m); `g` the ground factor
    ///   under the path, `gSource` G_s of eq. 2.5.14.
    public static func excess(horizontalDistance: Double, sourceHeight: Double, receiverHeight: Double,
                              g: Double, gSource: Double, conditions: PropagationConditions)
        -> (homogeneous: SIMD8<Double>, favourable: SIMD8<Double>, distance: Double) {
        let segment = PathSegment(from: Point2(0, sourceHeight), to: Point2(horizontalDistance, receiverHeight),
                                  plane: MeanPlane(slope: 0, intercept: 0), gPath: g, gSource: gSource)
        let atmospheric = conditions.absorptionVector * (segment.d / 1000)
        var h = atmospheric, f = atmospheric
        for band in 0 ..< 8 {
            let model = conditions.groundModels[band]
            h[band] += model.homogeneous(segment).value
            f[band] += model.favourable(segment).value
        }
        return (h, f, segment.d)
    }
}
