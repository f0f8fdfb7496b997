/// Finds the propagation paths from a scene's source to its receiver and lays each out as a
/// `CutProfile`, the form the evaluator (`PathAttenuation`, `PathLevels`) computes:
///
/// - the direct path, the vertical cut along S-R (dropped when its line of sight is blocked and
///   the scene has no diffraction over the top);
/// - when the direct line of sight is blocked by a building or a wall and lateral diffraction is
///   on, the paths round the obstacles' vertical edges on the left and on the right
///   (`LateralPath`), each as a straight profile (homogeneous) and a curved one (favourable);
/// - with reflection order 1, the first-order reflections on facades and walls
///   (`ReflectionPath`).
public struct ScenePathFinder: Sendable {
    public let scene: Scene
    private let builder: CutBuilder

    public init(scene: Scene) {
        self.scene = scene
        builder = CutBuilder(scene: scene)
    }

    public func profiles() -> [CutProfile] {
        let s = scene.source.position, r = scene.receiver
        guard s.plan.distance(to: r.plan) <= scene.settings.maxSourceDistance else { return [] }
        var result: [CutProfile] = []
        let direct = CutProfile(name: scene.name, path: .direct,
                                points: builder.leg(from: s.plan, z: s.z, kind: .source, to: r.plan, z: r.z, kind: .receiver))
        if scene.settings.verticalDiffraction || !direct.blocksLineOfSight() {
            result.append(direct)
        }
        if scene.settings.lateralDiffraction && direct.blocksLineOfSight(obstaclesOnly: true) {
            let lateral = LateralPath(builder: builder)
            for side in [LateralPath.Side.left, .right] {
                guard let straight = lateral.profile(side: side) else { continue }
                result.append(straight)
                if let curved = lateral.profile(side: side, curved: true) { result.append(curved) }
            }
        }
        if scene.settings.reflectionOrder >= 1 {
            result += ReflectionPath(builder: builder).profiles()
        }
        return result
    }

    /// The level at the receiver per octave band: the energetic sum of the paths' long-term
    /// levels (Annex II 2.5.5 eq. 2.5.11-2.5.12) for the source's sound power.
    public func receiverLevels(conditions: PropagationConditions? = nil) -> [Double] {
        let results = PathLevels.evaluate(profiles(), conditions: conditions ?? scene.conditions, power: scene.source.power)
        return PathLevels.receiverTotals(results).first?.levels ?? []
    }
}
