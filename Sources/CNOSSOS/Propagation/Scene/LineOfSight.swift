extension CutProfile {
    /// Whether something rises above the straight line of sight from the source to the receiver
    /// in the unfolded vertical plane: an obstacle's top (`wall` points) or, unless
    /// `obstaclesOnly`, the terrain. Terrain and ray are both linear between the profile's
    /// points, so testing at the points is enough.
    func blocksLineOfSight(obstaclesOnly: Bool = false) -> Bool {
        let x = abscissas
        guard let total = x.last, total > 0 else { return false }
        let zS = source.z, zR = receiver.z
        for index in 1 ..< points.count - 1 {
            let point = points[index]
            let ray = zS + (zR - zS) * x[index] / total
            if point.kind == .wall && point.z > ray + 1e-9 { return true }
            if !obstaclesOnly && point.zGround > ray + 1e-9 { return true }
        }
        return false
    }
}
