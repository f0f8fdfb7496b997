#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A vertical cut along one propagation path, from the source (first point) to the receiver
/// (last point), with everything the ray meets on the way.
///
/// A direct or reflected profile is computed for both homogeneous and favourable conditions; a
/// lateral path (round vertical edges) comes as a straight profile for homogeneous conditions and
/// a `curved` one laid out for the favourable rays.
public struct CutProfile: Sendable, Hashable {
    public enum Path: String, Sendable, Hashable, CaseIterable {
        case direct, left, right, reflection
        case leftCurved = "left_curved"
        case rightCurved = "right_curved"

        /// Paths round vertical edges (Annex II 2.5.6, lateral diffraction).
        public var isLateral: Bool { self != .direct && self != .reflection }
    }

    /// The conditions a profile can be evaluated in.
    public var conditions: [Atmosphere] {
        switch path {
        case .direct, .reflection: [.homogeneous, .favourable]
        case .left, .right: [.homogeneous]
        case .leftCurved, .rightCurved: [.favourable]
        }
    }

    /// A label for reports ("TC08"); empty when the profile has none.
    public var name: String
    public var path: Path
    public var points: [ProfilePoint]
    /// G_s, the ground factor at the source for G'_path (eq. 2.5.14), when it differs from the G
    /// of the first stretch: 0 for a road source ("G_s = 0 for road platforms"), whatever the
    /// ground the path then crosses. nil: the first point's `g`, as in the ISO profiles.
    public var sourceGroundFactor: Double?

    public init(name: String = "", path: Path, points: [ProfilePoint], sourceGroundFactor: Double? = nil) {
        self.name = name
        self.path = path
        self.points = points
        self.sourceGroundFactor = sourceGroundFactor
    }

    /// G_s of eq. 2.5.14.
    var gSource: Double { sourceGroundFactor ?? points[0].g }

    public var source: ProfilePoint { points[0] }
    public var receiver: ProfilePoint { points[points.count - 1] }

    /// Horizontal distance between consecutive points, the unfolding of the path into its
    /// vertical plane.
    func horizontalStep(_ index: Int) -> Double {
        let a = points[index], b = points[index + 1]
        let dx = b.x - a.x, dy = b.y - a.y
        return (dx * dx + dy * dy).squareRoot()
    }

    /// Abscissa of every point: cumulative horizontal distance from the source.
    var abscissas: [Double] { rayPoints.map(\.x) }

    /// The ray points in the unfolded plane: (abscissa, z).
    var rayPoints: [Point2] {
        var result: [Point2] = []
        result.reserveCapacity(points.count)
        var x = 0.0
        for index in points.indices {
            if index > 0 { x += horizontalStep(index - 1) }
            result.append(Point2(x, points[index].z))
        }
        return result
    }

    /// Mean ground factor G_path between points `from` and `to` (Annex II 2.5.6 eq. 2.5.13): the
    /// stretches weighted by their horizontal length, G = `roofG` between entering and leaving a
    /// building (the ray is over its roof there).
    func groundFactor(from: Int, to: Int, roofG: Double = 0) -> Double {
        guard from < to else { return 0 }
        var total = 0.0, weighted = 0.0
        var overRoof = false
        for index in 0 ..< to {
            let point = points[index]
            if point.kind == .wall {
                if !overRoof && point.crossing == .buildingEnter {
                    overRoof = true
                } else if overRoof && point.crossing == .buildingExit {
                    overRoof = false
                }
            }
            guard index >= from else { continue }
            let length = horizontalStep(index)
            weighted += length * (overRoof ? roofG : point.g)
            total += length
        }
        return total > 0 ? weighted / total : 0
    }

    /// G_path of the whole profile.
    var groundFactor: Double { groundFactor(from: 0, to: points.count - 1) }
}

/// Homogeneous (H) or favourable (F, downward-refracting) propagation conditions (Annex II
/// 2.5.5): every path is computed in both and the two are weighted by the occurrence p of F.
public enum Atmosphere: String, Sendable, Hashable, CaseIterable {
    case homogeneous, favourable
}
