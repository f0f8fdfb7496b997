/// An OSM object: its type and id. Features exported from an extract carry it as their id, the
/// way the hand conversions did (`w4077020`, `r332617`), and problems name it in words.
public struct OSMObjectID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// `n`, `w` or `r`.
    public var type: Character
    public var id: Int64

    public init(type: Character, id: Int64) {
        self.type = type
        self.id = id
    }

    /// From osmium's `type` attribute (`node`, `way`, `relation`) and id.
    init?(typeName: String, id: Int64) {
        guard let first = typeName.first, "nwr".contains(first) else { return nil }
        self.init(type: first, id: id)
    }

    /// `w4077020`: the feature id.
    public var featureID: String { "\(type)\(id)" }

    /// `way 4077020`: how messages name it.
    public var description: String {
        let name = switch type {
        case "n": "node"
        case "w": "way"
        default: "relation"
        }
        return "\(name) \(id)"
    }

    public static func < (lhs: OSMObjectID, rhs: OSMObjectID) -> Bool {
        (lhs.type, lhs.id) < (rhs.type, rhs.id)
    }
}
