#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A point of the horizontal plane (x east, y north, metres): the plan view in which the path
/// finder cuts obstacles, ground zones and break lines with the path.
public struct PlanPoint: Sendable, Hashable {
    public var x: Double
    public var y: Double

    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }

    static func - (a: PlanPoint, b: PlanPoint) -> PlanPoint { PlanPoint(a.x - b.x, a.y - b.y) }
    static func + (a: PlanPoint, b: PlanPoint) -> PlanPoint { PlanPoint(a.x + b.x, a.y + b.y) }
    static func * (a: PlanPoint, k: Double) -> PlanPoint { PlanPoint(a.x * k, a.y * k) }

    var length: Double { hypot(x, y) }
    var unit: PlanPoint { let l = length; return l > 0 ? self * (1 / l) : self }

    func distance(to other: PlanPoint) -> Double { (other - self).length }

    /// The z component of the cross product: > 0 when `other` turns counter-clockwise from self.
    func cross(_ other: PlanPoint) -> Double { x * other.y - y * other.x }
    func dot(_ other: PlanPoint) -> Double { x * other.x + y * other.y }
}

/// Where the segments a-b and c-d cross: the parameters t on a-b and u on c-d (0...1), nil when
/// they do not meet or are parallel (a collinear overlap has no single crossing point).
func segmentIntersection(_ a: PlanPoint, _ b: PlanPoint, _ c: PlanPoint, _ d: PlanPoint,
                         tolerance: Double = 1e-9) -> (t: Double, u: Double)? {
    let r = b - a, s = d - c
    let denominator = r.cross(s)
    guard abs(denominator) > 1e-12 * max(1, r.length * s.length) else { return nil }
    let t = (c - a).cross(s) / denominator
    let u = (c - a).cross(r) / denominator
    guard t >= -tolerance, t <= 1 + tolerance, u >= -tolerance, u <= 1 + tolerance else { return nil }
    return (min(max(t, 0), 1), min(max(u, 0), 1))
}

/// Crossing-number point-in-ring test (the ring is not closed).
func ringContains(_ ring: [PlanPoint], _ p: PlanPoint) -> Bool {
    var inside = false
    var j = ring.count - 1
    for i in ring.indices {
        let a = ring[i], b = ring[j]
        if (a.y > p.y) != (b.y > p.y) {
            let x = a.x + (p.y - a.y) / (b.y - a.y) * (b.x - a.x)
            if p.x < x { inside.toggle() }
        }
        j = i
    }
    return inside
}

/// Twice the signed area of a ring: > 0 when it runs counter-clockwise.
func signedArea2(_ ring: [PlanPoint]) -> Double {
    var sum = 0.0
    for i in ring.indices {
        let a = ring[i], b = ring[(i + 1) % ring.count]
        sum += a.x * b.y - b.x * a.y
    }
    return sum
}
