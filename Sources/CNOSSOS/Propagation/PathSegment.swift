#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One straight leg of a path (source to receiver, source to first edge, last edge to receiver)
/// over its mean ground plane: the heights and distances the ground formulas use.
struct PathSegment: Sendable {
    /// α0 of eq. 2.5.19, the curvature used for the heights of favourable rays (m^-1).
    static let alpha0 = 2e-4

    var start: Point2
    var end: Point2
    var plane: MeanPlane
    var startOnPlane: Point2
    var endOnPlane: Point2
    /// Images of the ends in the mean plane (S' and R').
    var startImage: Point2
    var endImage: Point2
    /// Distance between the ends in the unfolded plane.
    var d: Double
    /// d_p: the distance between the ends projected on the mean plane.
    var dp: Double
    /// z_s and z_r: heights of the ends above the mean plane (Annex II 2.5.3).
    var zsH: Double
    var zrH: Double
    var zsF = 0.0
    var zrF = 0.0
    /// d_p / (30 (z_s + z_r)): at most 1 when source and receiver are close together (eq. 2.5.14).
    var nearnessH = 0.0
    var gPath = 0.0
    /// G'_path (eq. 2.5.14): G_path corrected towards the source's own ground when the path is short.
    var gPathPrime = 0.0

    init(from start: Point2, to end: Point2, plane: MeanPlane, gPath: Double = 0, gSource: Double = 0) {
        self.start = start
        self.end = end
        self.plane = plane
        startOnPlane = plane.projection(of: start)
        endOnPlane = plane.projection(of: end)
        startImage = plane.image(of: start)
        endImage = plane.image(of: end)
        d = start.distance(to: end)
        dp = startOnPlane.distance(to: endOnPlane)
        zsH = start.distance(to: startOnPlane)
        zrH = end.distance(to: endOnPlane)
        updateHeights(gPath: gPath, gSource: gSource)
    }

    /// Recomputes what depends on the heights and on G: G'_path (eq. 2.5.14) and the heights of
    /// the favourable rays, z + δz + δz_T (eq. 2.5.19 and the turbulence term 6e-3 d_p / (z_s + z_r)).
    mutating func updateHeights(gPath: Double, gSource: Double) {
        self.gPath = gPath
        let sumH = zsH + zrH
        nearnessH = dp / (30 * sumH)
        gPathPrime = nearnessH <= 1 ? gPath * nearnessH + gSource * (1 - nearnessH) : gPath
        let turbulence = 6e-3 * dp / sumH
        let halfSquare = dp * dp / 2
        let sourceShare = zsH / sumH, receiverShare = zrH / sumH
        zsF = zsH + Self.alpha0 * sourceShare * sourceShare * halfSquare + turbulence
        zrF = zrH + Self.alpha0 * receiverShare * receiverShare * halfSquare + turbulence
    }

    /// Whether the start lies on or above its mean plane.
    var startIsAbovePlane: Bool { start.y >= startOnPlane.y }
    /// Whether the end lies on or above its mean plane.
    var endIsAbovePlane: Bool { end.y >= endOnPlane.y }
}
