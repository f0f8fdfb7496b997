/// Parameters of the green-space indicators (DESIGN.md section 4.3), each with its source.
public struct GreenOptions: Sendable, Equatable {
    /// How distance to green is measured.
    public enum Access: String, Sendable, CaseIterable {
        /// Straight line from the green boundary to the building (WHO Europe's indicator).
        case straight
        /// Along the street network (every street, footway and path; motorways excepted).
        case walking
    }

    public var access: Access = .straight
    /// WHO Europe (2016, "Urban green spaces and health"): green of at least 0.5 ha within 300 m.
    public var accessDistance = 300.0
    public var minimumArea = 5_000.0
    /// The stricter variant: at least 1 ha within 300 m.
    public var largeArea = 10_000.0
    /// BCNecologia's simultaneous proximity (minimum area m2, distance m), DESIGN.md section 4.3.
    public var proximityClasses: [(area: Double, distance: Double)] = [(1_000, 200), (5_000, 750), (10_000, 2_000), (100_000, 4_000)]
    /// 3-30-300 (Konijnendijk 2021): trees within this distance of the home (the Barcelona study's proxy: 15 m).
    public var treeDistance = 15.0
    public var treesNearHome = 3
    public var canopyTargetPercent = 30.0
    /// The "300" of 3-30-300: distance to green of at least `minimumArea`.
    public var ruleDistance = 300.0
    /// Crown diameter of a tree point without `diameter_crown` (m): assumption, a mid-sized street tree.
    public var defaultCrownDiameter = 6.0
    /// A street section is well treed at this many trees per metre (DESIGN.md section 4.3).
    public var treesPerMetreTarget = 0.2

    public init() {}

    public static func == (lhs: GreenOptions, rhs: GreenOptions) -> Bool {
        lhs.access == rhs.access && lhs.accessDistance == rhs.accessDistance && lhs.minimumArea == rhs.minimumArea
            && lhs.largeArea == rhs.largeArea && lhs.proximityClasses.map(\.area) == rhs.proximityClasses.map(\.area)
            && lhs.proximityClasses.map(\.distance) == rhs.proximityClasses.map(\.distance) && lhs.treeDistance == rhs.treeDistance
            && lhs.treesNearHome == rhs.treesNearHome && lhs.canopyTargetPercent == rhs.canopyTargetPercent
            && lhs.ruleDistance == rhs.ruleDistance && lhs.defaultCrownDiameter == rhs.defaultCrownDiameter
            && lhs.treesPerMetreTarget == rhs.treesPerMetreTarget
    }
}
