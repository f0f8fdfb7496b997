import DistrictModel
import GeometryEngine

/// How a street of one layout was paired with a street of the other.
public struct StreetMatch: Sendable, Equatable {
    public enum Method: String, Sendable {
        /// Same `id` (the k-th street with an id pairs with the k-th one in the other layout).
        case id
        /// Different or missing ids, same centreline within the matcher's tolerance.
        case geometry
        /// No counterpart in the after layout.
        case onlyBefore = "only_before"
        /// No counterpart in the before layout.
        case onlyAfter = "only_after"
    }

    /// Positions in `before.streets` and `after.streets`.
    public var before: Int?
    public var after: Int?
    public var method: Method
    /// Hausdorff distance between the two centrelines, for geometry matches (m).
    public var distance: Double?
}

/// Pairs the streets of a before and an after layout (DESIGN.md section 4.5): by `id` first; the
/// streets left over are paired when their geometries are the same within `tolerance`: a
/// Hausdorff distance (densified to a tenth of each segment, so lines with different vertices
/// compare by their course) of at most 1 m, which also bounds the difference in length. Each
/// street pairs once, closest pairs first. Streets left over after both are listed as only before
/// or only after, never dropped.
public struct StreetMatcher: Sendable, Equatable {
    public var tolerance: Double

    public init(tolerance: Double = 1) {
        self.tolerance = tolerance
    }

    /// Before streets in order (matched or not), then the after streets no before street took.
    public func match(before: [DistrictFeature], after: [DistrictFeature]) throws(GeometryError) -> [StreetMatch] {
        var pairs: [Int: (after: Int, method: StreetMatch.Method, distance: Double?)] = [:]
        var taken = Set<Int>()
        var afterByID: [String: [Int]] = [:]
        for (index, street) in after.enumerated() { afterByID[street.id, default: []].append(index) }
        var seen: [String: Int] = [:]
        for (index, street) in before.enumerated() {
            let occurrence = seen[street.id, default: 0]
            seen[street.id] = occurrence + 1
            if let candidates = afterByID[street.id], occurrence < candidates.count {
                pairs[index] = (candidates[occurrence], .id, nil)
                taken.insert(candidates[occurrence])
            }
        }

        let leftBefore = before.indices.filter { pairs[$0] == nil }
        let leftAfter = after.indices.filter { !taken.contains($0) }
        if !leftBefore.isEmpty, !leftAfter.isEmpty {
            let context = GeometryContext()
            let afterShapes = try leftAfter.map { index throws(GeometryError) in try context.geometry(of: after[index]) }
            let index = try SpatialIndex(afterShapes)
            var candidates: [(before: Int, after: Int, distance: Double)] = []
            for position in leftBefore {
                let shape = try context.geometry(of: before[position])
                guard let box = shape.envelope else { continue }
                for candidate in index.query(box.expanded(by: tolerance)) {
                    let distance = try shape.hausdorffDistance(to: afterShapes[candidate], densify: 0.1)
                    if distance <= tolerance { candidates.append((position, leftAfter[candidate], distance)) }
                }
            }
            for candidate in candidates.sorted(by: { ($0.distance, $0.before, $0.after) < ($1.distance, $1.before, $1.after) })
            where pairs[candidate.before] == nil && !taken.contains(candidate.after) {
                pairs[candidate.before] = (candidate.after, .geometry, candidate.distance)
                taken.insert(candidate.after)
            }
        }

        var matches = before.indices.map { index in
            pairs[index].map { StreetMatch(before: index, after: $0.after, method: $0.method, distance: $0.distance) }
                ?? StreetMatch(before: index, after: nil, method: .onlyBefore, distance: nil)
        }
        matches += after.indices.filter { !taken.contains($0) }.map { StreetMatch(before: nil, after: $0, method: .onlyAfter, distance: nil) }
        return matches
    }
}
