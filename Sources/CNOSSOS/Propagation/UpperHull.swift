/// The upper convex hull of the profile from the source to the receiver: the string pulled tight
/// over every obstacle. Its inner vertices are the diffraction edges of Annex II 2.5.6 ("the path
/// difference is calculated ... over the convex hull of the obstacles").
///
/// Returns indices into `points` (source first, receiver last). Points exactly on the hull's
/// straight stretches are left out, so an unobstructed path gives [0, last].
func upperHullIndices(_ points: [Point2], including: (Int) -> Bool = { _ in true }) -> [Int] {
    guard points.count > 2 else { return Array(points.indices) }
    var hull: [Int] = []
    for index in points.indices where index == 0 || index == points.count - 1 || including(index) {
        let p = points[index]
        while hull.count >= 2 {
            let o = points[hull[hull.count - 2]], a = points[hull[hull.count - 1]]
            let cross = (a.x - o.x) * (p.y - o.y) - (a.y - o.y) * (p.x - o.x)
            let scale = max(1, abs(p.x - o.x) * abs(a.y - o.y) + abs(a.x - o.x) * abs(p.y - o.y))
            // Keep a only where the hull turns clockwise (downwards) at it.
            if cross >= -1e-12 * scale { hull.removeLast() } else { break }
        }
        hull.append(index)
    }
    return hull
}
