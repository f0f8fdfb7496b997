/// The margin `superblock extract` keeps around a district: features there are context. They act
/// as noise sources and screens, green areas within reach, and street-space neighbours, so that
/// nothing near the edge looks quieter, greener or emptier than it is; but they are no part of the
/// district, so no table reports them and no total counts them.
public enum ContextMargin {
    /// The property that marks a context feature, with the value `yes`.
    public static let key = "superblock:context"

    /// The largest search radius of the analyses (250 m noise, 300 m green access), m.
    public static let metres = 300.0
}

extension DistrictFeature {
    /// Whether the feature lies in the context margin (`superblock:context=yes`).
    public var isContext: Bool {
        attributes.string(ContextMargin.key)?.lowercased() == "yes"
    }
}
