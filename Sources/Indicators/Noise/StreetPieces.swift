#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A street polyline cut into pieces for a receiver: each piece no longer than `fraction` of its
/// distance to the receiver (halved until it is), pieces wholly beyond `radius` left out. Both noise
/// models sum over these pieces.
struct StreetPieces {
    /// A piece from (ax, ay) to (bx, by); (mx, my) is its middle relative to the receiver, r the 3D
    /// distance to the middle, `horizontal` the horizontal one.
    struct Piece {
        var ax: Double, ay: Double, bx: Double, by: Double
        var mx: Double, my: Double
        var r: Double, horizontal: Double
    }

    var fraction: Double
    var minimum: Double
    var radius: Double

    /// Calls `body` with every piece of `polyline` (flat x, y) for a receiver at (x, y), `dz` above
    /// the source line. A piece that is too long is halved, and its second half visited before its
    /// first (the order sums over pieces have always had). Recursion rather than a heap-allocated
    /// stack: this runs for every source and receiver.
    func forEach(of polyline: [Double], x: Double, y: Double, dz: Double, _ body: (Piece) -> Void) {
        var index = 0
        while index + 3 < polyline.count {
            visit(polyline[index], polyline[index + 1], polyline[index + 2], polyline[index + 3], x: x, y: y, dz: dz, body)
            index += 2
        }
    }

    private func visit(_ ax: Double, _ ay: Double, _ bx: Double, _ by: Double, x: Double, y: Double, dz: Double, _ body: (Piece) -> Void) {
        let dx = bx - ax, dy = by - ay
        let length = (dx * dx + dy * dy).squareRoot()
        guard length > 0 else { return }
        let mx = (ax + bx) / 2 - x, my = (ay + by) / 2 - y
        let horizontal = (mx * mx + my * my).squareRoot()
        if horizontal - length / 2 > radius { return }
        let r = (mx * mx + my * my + dz * dz).squareRoot()
        if length > fraction * r, length / 2 >= minimum {
            let cx = (ax + bx) / 2, cy = (ay + by) / 2
            visit(cx, cy, bx, by, x: x, y: y, dz: dz, body)
            visit(ax, ay, cx, cy, x: x, y: y, dz: dz, body)
            return
        }
        body(Piece(ax: ax, ay: ay, bx: bx, by: by, mx: mx, my: my, r: r, horizontal: horizontal))
    }

    /// ∫ dl / r² along the straight piece from (ax, ay) to (bx, by), exactly, for a receiver at
    /// (x, y) and `dz` above the source line: the 1/r² spreading integrated rather than sampled, so
    /// sums do not depend on how finely a street is cut.
    static func spreading(ax: Double, ay: Double, bx: Double, by: Double, x: Double, y: Double, dz: Double) -> Double {
        let dx = bx - ax, dy = by - ay
        let length = (dx * dx + dy * dy).squareRoot()
        guard length > 0 else { return 0 }
        let ux = dx / length, uy = dy / length
        let along0 = (ax - x) * ux + (ay - y) * uy, along1 = along0 + length
        let across = (ax - x) * uy - (ay - y) * ux
        let perpendicular = (across * across + dz * dz).squareRoot()
        guard perpendicular > 1e-9 else {
            let mx = (ax + bx) / 2 - x, my = (ay + by) / 2 - y
            return length / (mx * mx + my * my + dz * dz)
        }
        return (atan(along1 / perpendicular) - atan(along0 / perpendicular)) / perpendicular
    }
}
