/// The terrain (and obstacle) line under a cut profile, in the unfolded plane, from which the mean
/// ground planes are fitted (Annex II 2.5.3: "the mean plane ... of the ground profile").
///
/// Walls stand on the ground: a thin wall adds its foot, its top and its foot again; a building
/// adds its facade's foot and top where the ray enters and top and foot where it leaves, so the
/// roof is part of the line. A terrain break under a roof is ignored. `index[i]` is the position,
/// in `points`, of the ground point that stands for profile point `i` (the last one added for it;
/// a ground-zone change adds no point and maps to the point before it).
struct GroundPolyline {
    var points: [Point2]
    var index: [Int]

    /// `rays`: the profile's points unfolded (`CutProfile.rayPoints`), whose x are the abscissas.
    init(_ profile: CutProfile, rays: [Point2]) {
        var points: [Point2] = []
        var index: [Int] = []
        points.reserveCapacity(profile.points.count + 4)
        // A profile that starts inside a building (its first wall is an exit) starts over a roof.
        var overArea = profile.points.first(where: { $0.kind == .wall })?.crossing == .buildingExit
        for (i, point) in profile.points.enumerated() {
            let x = rays[i].x
            switch point.kind {
            case .ground:
                index.append(points.count - 1)
                continue
            case .wall:
                if point.crossing == .buildingEnter || point.crossing == .thinWall {
                    points.append(Point2(x, point.zGround))
                    overArea = true
                }
                points.append(Point2(x, point.z))
                if point.crossing == .buildingExit || point.crossing == .thinWall {
                    points.append(Point2(x, point.zGround))
                    overArea = false
                }
            case .reflection:
                // The foot of the reflecting wall, kept three times as NoiseModelling does so
                // that the indices before and after the reflection line up.
                points.append(contentsOf: repeatElement(Point2(x, point.zGround), count: 3))
            case .topography where overArea:
                break
            default:
                points.append(Point2(x, point.zGround))
            }
            index.append(points.count - 1)
        }
        self.points = points
        self.index = index
    }

    /// The ground points from position `from` through `to`, both included.
    func slice(_ from: Int, _ to: Int) -> ArraySlice<Point2> {
        points[max(0, from) ... min(points.count - 1, max(from, to))]
    }
}
