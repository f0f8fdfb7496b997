/// The long-term level of a path and the level at a receiver (Annex II 2.5.5 eq. 2.5.11 and 2.5.12).
public enum LongTermLevel {
    /// L = 10 lg(p 10^(L_F/10) + (1 - p) 10^(L_H/10)) per band. A path with only a homogeneous level
    /// (nil `favourable`, e.g. a reflection the curved ray passes over) contributes (1 - p) 10^(L_H/10);
    /// one with only a favourable level contributes p 10^(L_F/10).
    public static func combine(homogeneous: [Double]?, favourable: [Double]?, probability p: Double) -> [Double] {
        let count = homogeneous?.count ?? favourable?.count ?? 0
        return (0 ..< count).map { i in
            let h = homogeneous.map { (1 - p) * Decibel.energy($0[i]) } ?? 0
            let f = favourable.map { p * Decibel.energy($0[i]) } ?? 0
            return Decibel.tenLog(h + f)
        }
    }

    /// The energetic sum of several paths' levels, band by band.
    public static func sum(_ paths: [[Double]]) -> [Double] {
        guard let first = paths.first else { return [] }
        return first.indices.map { i in Decibel.energeticSum(paths.map { $0[i] }) }
    }
}
