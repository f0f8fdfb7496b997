#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The mean ground plane z = a x + b of a stretch of terrain in the unfolded plane: the least-squares
/// line through the piecewise-linear ground profile, integrated over its length rather than over its
/// vertices (Annex II 2.5.3, "Calculation of the mean plane"; JRC-2012 reference report VI.2.2.c,
/// eq. VI-3 and VI-4).
public struct MeanPlane: Sendable, Hashable {
    public var slope: Double
    public var intercept: Double

    public init(slope: Double, intercept: Double) {
        self.slope = slope
        self.intercept = intercept
    }

    /// Fits the plane to a ground polyline whose abscissas do not decrease.
    init(fitting points: ArraySlice<Point2>) {
        guard let first = points.first, let last = points.last, points.count > 1,
              last.x - first.x > 0 else {
            self.init(slope: 0, intercept: points.first?.y ?? 0)
            return
        }
        // Eq. VI-3: the integrals of z and x z over the profile, segment by segment.
        var sumA1 = 0.0, sumA2 = 0.0, sumB1 = 0.0, sumB2 = 0.0
        for (p1, p2) in zip(points, points.dropFirst()) {
            let dx = p2.x - p1.x
            guard dx > 0 else { continue }
            let a = (p2.y - p1.y) / dx
            let b = p1.y - a * p1.x
            let d2 = p2.x * p2.x - p1.x * p1.x
            let d3 = p2.x * p2.x * p2.x - p1.x * p1.x * p1.x
            sumA1 += a * d3
            sumA2 += b * d2
            sumB1 += a * d2
            sumB2 += b * dx
        }
        let valueA = 2.0 / 3.0 * sumA1 + sumA2
        let valueB = sumB1 + 2 * sumB2
        let span = last.x - first.x
        let span3 = span * span * span
        let span4 = span3 * span
        // Eq. VI-4.
        let slope = 3 * (2 * valueA - valueB * (last.x + first.x)) / span3
        let intercept = 2 * valueB * (last.x * last.x * last.x - first.x * first.x * first.x) / span4
            - 3 * valueA * (last.x + first.x) / span3
        self.init(slope: slope, intercept: intercept)
    }

    /// Height of the plane at abscissa x.
    public func height(at x: Double) -> Double { slope * x + intercept }

    /// The foot of the perpendicular from `point` to the plane.
    func projection(of point: Point2) -> Point2 {
        let norm = 1 + slope * slope
        let t = (point.x + slope * (point.y - intercept)) / norm
        return Point2(t, slope * t + intercept)
    }

    /// The mirror image of `point` in the plane (the image source S' or receiver R' of eq. 2.5.31).
    func image(of point: Point2) -> Point2 {
        let foot = projection(of: point)
        return Point2(2 * foot.x - point.x, 2 * foot.y - point.y)
    }
}
