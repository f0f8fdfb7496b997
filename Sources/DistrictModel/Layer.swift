/// The thematic layers a district file is sorted into (DESIGN.md section 3).
public enum Layer: String, Sendable, CaseIterable, Comparable, CustomStringConvertible {
    case street, green, building, vacant, superblock, tree, census

    public static func < (lhs: Layer, rhs: Layer) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    public var description: String { rawValue }

    /// The geometry families a feature of this layer may have; anything else is reported and skipped.
    var accepts: Set<GeometryFamily> {
        switch self {
        // Streets are centrelines; `area:highway` and pedestrian squares come as polygons and are kept.
        case .street: [.line, .polygon]
        case .green, .building, .vacant, .superblock, .census: [.polygon]
        case .tree: [.point]
        }
    }
}

/// Points, lines or polygons, whether single or multi.
public enum GeometryFamily: String, Sendable {
    case point, line, polygon, mixed
}
