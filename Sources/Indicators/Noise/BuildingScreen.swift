import Foundation

/// Building footprints as sound barriers, for the optional screening (`--screening`): a path from
/// a street piece to a receiver that crosses a footprint is dropped. There is no diffraction, so
/// a blocked path carries nothing (DESIGN.md section 4.2's propagation has no diffraction term);
/// this only stops the free-field model from hearing streets through whole blocks of buildings.
///
/// For each receiver the screen is drawn as a horizon: in each of 720 directions (0.5 degree) the
/// distance to the nearest footprint edge. A piece is blocked when its direction's horizon is
/// nearer than the piece.
struct BuildingScreen: Sendable {
    static let bins = 720
    private let edges: [Double]
    private let grid: SourceGrid

    /// - Parameter rings: every ring (exterior and holes) of every footprint, flat closed x, y.
    init(rings: [[Double]]) {
        var edges: [Double] = []
        var lines: [[Double]] = []
        for ring in rings {
            var i = 0
            while i + 3 < ring.count {
                edges += [ring[i], ring[i + 1], ring[i + 2], ring[i + 3]]
                lines.append([ring[i], ring[i + 1], ring[i + 2], ring[i + 3]])
                i += 2
            }
        }
        self.edges = edges
        grid = SourceGrid(polylines: lines, cellSize: 50)
    }

    /// Distance to the nearest footprint edge per direction bin, within `radius` (infinity when open).
    func horizon(atX x: Double, y: Double, radius: Double) -> [Double] {
        var nearest = [Double](repeating: .infinity, count: Self.bins)
        let binWidth = 2 * Double.pi / Double(Self.bins)
        for edge in grid.sources(nearX: x, y: y, radius: radius) {
            let ax = edges[4 * edge] - x, ay = edges[4 * edge + 1] - y
            let bx = edges[4 * edge + 2] - x, by = edges[4 * edge + 3] - y
            var a0 = atan2(ay, ax), a1 = atan2(by, bx)
            // Never from loaded data (the loader refuses non-finite coordinates), but Int() below
            // would trap on NaN.
            guard a0.isFinite, a1.isFinite else { continue }
            if a1 < a0 { swap(&a0, &a1) }
            // The edge spans the shorter arc between its ends' directions.
            let wraps = a1 - a0 > Double.pi
            let first = wraps ? a1 : a0, span = wraps ? 2 * Double.pi - (a1 - a0) : a1 - a0
            let start = Int(((first + Double.pi) / binWidth).rounded(.up))
            let count = Int((span / binWidth).rounded(.down)) + 1
            let ex = bx - ax, ey = by - ay
            var marked = false
            for k in 0..<count {
                let bin = start + k
                let angle = (Double(bin) + 0) * binWidth - Double.pi
                guard angle <= first + span + 1e-12 else { break }
                let dx = cos(angle), dy = sin(angle)
                // Ray t (dx, dy) meets the edge a + s (e): solve with 2D cross products.
                let denominator = dx * ey - dy * ex
                guard abs(denominator) > 1e-12 else { continue }
                let t = (ax * ey - ay * ex) / denominator
                let s = (ax * dy - ay * dx) / denominator
                guard t > 0, s >= -1e-9, s <= 1 + 1e-9 else { continue }
                let slot = ((bin % Self.bins) + Self.bins) % Self.bins
                nearest[slot] = min(nearest[slot], t)
                marked = true
            }
            if !marked {
                // An edge narrower than a bin still blocks the bin it lies in.
                let middle = atan2((ay + by) / 2, (ax + bx) / 2)
                let slot = Self.bin(of: middle)
                nearest[slot] = min(nearest[slot], min((ax * ax + ay * ay).squareRoot(), (bx * bx + by * by).squareRoot()))
            }
        }
        return nearest
    }

    /// The bin holding direction `angle` (radians, -pi ... pi), rounding to the nearest bin centre.
    static func bin(of angle: Double) -> Int {
        let binWidth = 2 * Double.pi / Double(bins)
        guard angle.isFinite else { return 0 }
        let index = Int(((angle + Double.pi) / binWidth).rounded())
        return ((index % bins) + bins) % bins
    }
}
