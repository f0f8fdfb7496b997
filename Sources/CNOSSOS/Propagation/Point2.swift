#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A point of the unfolded vertical plane of a propagation path: `x` is the abscissa (horizontal
/// distance from the source along the path), `y` the height.
///
/// Annex II 2.5.3 describes every path in this plane: the mean ground plane, the heights of the
/// source and the receiver above it and the path differences of diffraction are all measured here.
public struct Point2: Sendable, Hashable {
    public var x: Double
    public var y: Double

    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }

    public func distance(to other: Point2) -> Double {
        let dx = other.x - x, dy = other.y - y
        return (dx * dx + dy * dy).squareRoot()
    }

    /// The point at `fraction` of the way to `other` (0 = here, 1 = there).
    func along(to other: Point2, fraction: Double) -> Point2 {
        Point2(x + (other.x - x) * fraction, y + (other.y - y) * fraction)
    }
}

/// Which side of the directed line `from -> to` a point lies on: +1 left (above a line that runs
/// towards increasing x), -1 right (below), 0 on it. Path differences take this sign (Annex II
/// 2.5.6 eq. 2.5.22: positive when the edge cuts the line of sight, negative otherwise).
func side(of point: Point2, from: Point2, to: Point2) -> Double {
    let cross = (to.x - from.x) * (point.y - from.y) - (to.y - from.y) * (point.x - from.x)
    if cross > 0 { return 1 }
    if cross < 0 { return -1 }
    return 0
}
