/// Receiver points in front of a building's facades: 2 m out from each facade (incident sound, no
/// facade reflection, DESIGN.md section 4.2), one per facade, more on long ones. The building's
/// level is the one of its most exposed receiver.
public struct FacadeReceivers: Sendable, Equatable {
    public var distanceFromFacade: Double
    /// Facades longer than this get a receiver every `spacing` metres instead of one at the middle.
    public var spacing: Double
    /// Facade pieces shorter than this (corners, digitising noise) get no receiver.
    public var minimumFacade: Double

    public init(distanceFromFacade: Double = 2, spacing: Double = 10, minimumFacade: Double = 1) {
        self.distanceFromFacade = distanceFromFacade
        self.spacing = spacing
        self.minimumFacade = minimumFacade
    }

    /// Receiver positions, flat `x, y`, outside the exterior ring `ring` (closed, flat x, y).
    public func points(around ring: [Double]) -> [Double] {
        let count = ring.count / 2
        guard count >= 4 else { return [] }
        // Shoelace sign: counter-clockwise rings have the outside on the right of each edge.
        var twiceArea = 0.0
        for i in 0..<(count - 1) {
            twiceArea += ring[2 * i] * ring[2 * i + 3] - ring[2 * i + 2] * ring[2 * i + 1]
        }
        let outward: Double = twiceArea >= 0 ? 1 : -1
        var points: [Double] = []
        for i in 0..<(count - 1) {
            let ax = ring[2 * i], ay = ring[2 * i + 1], bx = ring[2 * i + 2], by = ring[2 * i + 3]
            let dx = bx - ax, dy = by - ay
            let length = (dx * dx + dy * dy).squareRoot()
            guard length >= minimumFacade else { continue }
            let nx = outward * dy / length, ny = -outward * dx / length
            let pieces = max(1, Int((length / spacing).rounded(.up)))
            for k in 0..<pieces {
                let t = (Double(k) + 0.5) / Double(pieces)
                points.append(ax + t * dx + nx * distanceFromFacade)
                points.append(ay + t * dy + ny * distanceFromFacade)
            }
        }
        return points
    }
}
