/// The levels of the paths of one or more cut profiles at their receiver, per octave band.
///
/// A direct or reflected profile gives L_H and L_F itself. A lateral path gives L_H from its
/// straight profile (`left`, `right`) and L_F from its curved one (`left_curved`, `right_curved`);
/// when both are given they are paired by case name and side, and the long-term level goes on the
/// straight one's row.
public struct PathLevels: Sendable {
    public var profile: CutProfile
    /// L_H per band, nil when the profile is not evaluated in homogeneous conditions (a curved
    /// lateral profile) or the path does not exist there.
    public var homogeneous: [Double]?
    /// L_F per band, nil likewise (a straight lateral profile; a reflection that favourable rays miss).
    public var favourable: [Double]?
    /// The long-term level L per band (eq. 2.5.11), nil on the row of a curved lateral profile,
    /// whose L_F is counted on its straight partner's row.
    public var longTerm: [Double]?

    /// Evaluates every profile with the same sound power per band.
    public static func evaluate(_ profiles: [CutProfile], conditions: PropagationConditions, power: [Double]) -> [PathLevels] {
        var results = profiles.map { profile in
            let h = profile.conditions.contains(.homogeneous)
                ? PathAttenuation(profile, atmosphere: .homogeneous, conditions: conditions)?.level(power: power) : nil
            let f = profile.conditions.contains(.favourable)
                ? PathAttenuation(profile, atmosphere: .favourable, conditions: conditions)?.level(power: power) : nil
            return PathLevels(profile: profile, homogeneous: h, favourable: f, longTerm: nil)
        }
        let p = conditions.favourableProbability
        for index in results.indices {
            let profile = results[index].profile
            switch profile.path {
            case .direct, .reflection:
                results[index].longTerm = Self.combine(results[index].homogeneous, results[index].favourable, p)
            case .left, .right:
                let curved: CutProfile.Path = profile.path == .left ? .leftCurved : .rightCurved
                let partner = results.first { $0.profile.name == profile.name && $0.profile.path == curved }
                results[index].longTerm = Self.combine(results[index].homogeneous, partner?.favourable, p)
            case .leftCurved, .rightCurved:
                let straight: CutProfile.Path = profile.path == .leftCurved ? .left : .right
                let hasPartner = results.contains { $0.profile.name == profile.name && $0.profile.path == straight }
                // Alone, a curved profile's favourable part is all it can say.
                if !hasPartner { results[index].longTerm = Self.combine(nil, results[index].favourable, p) }
            }
        }
        return results
    }

    private static func combine(_ h: [Double]?, _ f: [Double]?, _ p: Double) -> [Double]? {
        guard h != nil || f != nil else { return nil }
        return LongTermLevel.combine(homogeneous: h, favourable: f, probability: p)
    }

    /// The level at the receiver of each case: the energetic sum of its paths' long-term levels.
    public static func receiverTotals(_ results: [PathLevels]) -> [(name: String, levels: [Double])] {
        var order: [String] = []
        var paths: [String: [[Double]]] = [:]
        for result in results {
            guard let level = result.longTerm else { continue }
            if paths[result.profile.name] == nil { order.append(result.profile.name) }
            paths[result.profile.name, default: []].append(level)
        }
        return order.map { ($0, LongTermLevel.sum(paths[$0] ?? [])) }
    }
}
