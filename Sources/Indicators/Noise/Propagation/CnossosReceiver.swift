#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNOSSOS

/// CNOSSOS-EU levels at a receiver from the streets around it (Annex II 2.5): every street is cut
/// into point sources, each heard along its direct path (over the roofs in between, with the ground
/// effect) and its first-order reflections on facades, in homogeneous and favourable conditions,
/// weighted per period by the occurrence of favourable conditions.
///
/// A piece's geometric spreading is integrated exactly along it (as in the free-field model, so
/// the sum does not depend on how finely streets are cut); the excess attenuation (air, ground,
/// diffraction, reflection) is that of the path from the piece's midpoint.
struct CnossosReceiver: Sendable {
    var finder: UrbanPathFinder
    let conditions: PropagationConditions
    /// p, the occurrence of favourable conditions, per period.
    let favourable: PerPeriod<Double>
    let searchRadius: Double
    let reflectionOrder: Int
    /// Also the lateral paths round the buildings a blocked direct path crosses.
    var lateralDiffraction = false
    /// Facades farther than this from the receiver do not reflect (m); NoiseModelling's default.
    var reflectionDistance = 50.0
    /// Second-order reflections bounce between facades within this distance of the receiver (m):
    /// the street canyon it stands in, where double bounces matter; farther pairs multiply the work
    /// and add little.
    var secondOrderDistance = 25.0
    /// Pieces are at most this fraction of their distance to the receiver (about 23° as seen from
    /// it); diffraction makes the level vary smoothly across a gap, so finer pieces change little.
    var pieceFraction = 0.5
    var minimumPiece = 0.5
    /// The most the paths left out may lower a level (dB; `PathBudget`); 0 evaluates every path.
    var maxError = 0.1

    /// A piece of street: its ends and its power per metre as band energies per period.
    private struct Piece {
        var ax: Double, ay: Double, bx: Double, by: Double
        var source: Int
    }

    /// The same receiver model for receivers `height` m above the ground.
    func at(height: Double) -> CnossosReceiver {
        var copy = self
        copy.finder.receiverHeight = height
        return copy
    }

    /// How near a facade of its own building a receiver stands (m): that facade does not reflect
    /// (the END level is the incident level).
    var ownFacadeDistance = 2.5

    /// A-weighted levels per period at (x, y), a receiver in front of a facade of `building` (nil
    /// for a free-standing point).
    func levels(atX x: Double, y: Double, building: Int?, sources: [NoiseModel.Source], grid: SourceGrid,
                scratch: inout QueryScratch) -> FacadeLevels {
        levels(atX: x, y: y, building: building, sources: sources, grid: grid, toBeat: nil, scratch: &scratch)!
    }

    /// The levels at (x, y), or nil as soon as its Lden cannot exceed `toBeat` (dB): the
    /// building's louder receiver found so far.
    func levels(atX x: Double, y: Double, building: Int?, sources: [NoiseModel.Source], grid: SourceGrid, toBeat: Double?,
                scratch: inout QueryScratch) -> FacadeLevels? {
        let zones = finder.ground.zones(containingX: x, y: y)
        var energy = PerPeriod(day: 0.0, evening: 0.0, night: 0.0)
        let pieces = self.pieces(around: x, y, sources: sources, grid: grid)
        let dz = finder.receiverHeight - finder.sourceHeight
        var budget = PathBudget(maxError: maxError)
        // Paths over roofs, deferred to the budget: numbered from 0, reflected ones after them.
        var diffracted: [(sx: Double, sy: Double, spread: Double, source: Int)] = []
        let openG = finder.g(of: zones)
        for piece in pieces {
            let sx = (piece.ax + piece.bx) / 2, sy = (piece.ay + piece.by) / 2
            let spread = Self.spreading(piece, x: x, y: y, dz: dz)
            let sight = finder.lineOfSight(sx: sx, sy: sy, rx: x, ry: y, scratch: &scratch)
            if !sight.crossesWalls, !sight.crossesGround {
                addOpen(horizontalDistance: sight.tops.length, g: openG, spread: spread, energy: sources[piece.source].energy, to: &energy)
                continue
            }
            if budget.defers, sight.crossesWalls, !lateralDiffraction {
                let estimate = ExcessEstimate.overWalls(sight.tops, conditions: conditions)
                budget.add(path: diffracted.count, estimate: energies(transferH: estimate.homogeneous, transferF: estimate.favourable,
                                                                      spread: spread, energy: sources[piece.source].energy))
                diffracted.append((sx, sy, spread, piece.source))
                continue
            }
            let direct = finder.directProfile(sx: sx, sy: sy, rx: x, ry: y, receiverZones: zones, scratch: &scratch)
            add(direct.profile, spread: spread, energy: sources[piece.source].energy, to: &energy)
            if lateralDiffraction, !direct.crossedBuildings.isEmpty {
                for lateral in finder.lateralProfiles(sx: sx, sy: sy, rx: x, ry: y, crossed: direct.crossedBuildings,
                                                      receiverZones: zones, scratch: &scratch) {
                    addLateral(lateral, spread: spread, energy: sources[piece.source].energy, to: &energy)
                }
            }
        }
        var reflected: [ReflectedPath] = []
        if reflectionOrder >= 1 {
            let candidates = reflectedPaths(atX: x, y: y, building: building, pieces: pieces, scratch: &scratch)
            let estimate = { (path: ReflectedPath) -> PerPeriod<Double> in
                let floor = ExcessEstimate.unobstructed(horizontalDistance: path.length, heights: finder.sourceHeight + finder.receiverHeight)
                let air = ExcessEstimate.air((path.length * path.length + dz * dz).squareRoot(), conditions: conditions)
                return energies(transferH: air * floor.homogeneous, transferF: air * floor.favourable, spread: path.spread,
                                energy: sources[path.source].energy)
            }
            // A building's second receiver is given up before the walks that find which
            // reflections are blocked, when even all of them could not make it the louder; only
            // then are the blocked ones estimated too.
            var estimates: [PerPeriod<Double>]?
            if budget.defers, let toBeat {
                let all = candidates.map(estimate)
                if budget.cannotBeat(toBeat, energy: energy, plus: all) { return nil }
                estimates = all
            }
            for (index, path) in candidates.enumerated() where !isBlocked(path.points, sx: path.sx, sy: path.sy, x: x, y: y, scratch: &scratch) {
                if budget.defers {
                    budget.add(path: diffracted.count + reflected.count, estimate: estimates?[index] ?? estimate(path))
                    reflected.append(path)
                } else {
                    add(path, x: x, y: y, zones: zones, sources: sources, to: &energy, scratch: &scratch)
                }
            }
        }
        scratch.paths.deferred += budget.deferred.count
        let complete = budget.evaluate(energy: &energy, toBeat: toBeat) { index, energy in
            scratch.paths.evaluated += 1
            if index < diffracted.count {
                let path = diffracted[index]
                let direct = finder.directProfile(sx: path.sx, sy: path.sy, rx: x, ry: y, receiverZones: zones, scratch: &scratch)
                add(direct.profile, spread: path.spread, energy: sources[path.source].energy, to: &energy)
            } else {
                add(reflected[index - diffracted.count], x: x, y: y, zones: zones, sources: sources, to: &energy, scratch: &scratch)
            }
        }
        guard complete else { return nil }
        let level = { (e: Double) -> Double in e > 0 ? Decibel.tenLog(e) : -Double.infinity }
        return FacadeLevels(day: level(energy.day), evening: level(energy.evening), night: level(energy.night))
    }

    /// A reflected path: a piece heard via the specular points on the facades it reflects on.
    struct ReflectedPath {
        var sx: Double, sy: Double
        var points: [(x: Double, y: Double, wall: Int)]
        /// The reflecting walls, in order from the source.
        var walls: [Int]
        var spread: Double
        var source: Int
        /// The unfolded horizontal length, source to receiver (m).
        var length: Double
    }

    /// The reflected paths to (x, y), up to `reflectionOrder`: the receiver's image in each facade
    /// that faces it, within `reflectionDistance`; a piece is heard by reflection where the line
    /// from it to the image crosses the facade (and, `isBlocked`, no other facade stands across a
    /// leg).
    private func reflectedPaths(atX x: Double, y: Double, building: Int?, pieces: [Piece], scratch: inout QueryScratch) -> [ReflectedPath] {
        var candidates: [Int] = []
        var near: [Int] = []
        let walls = finder.walls
        walls.grid.forEachNear(x: x, y: y, radius: reflectionDistance, scratch: &scratch) { index in
            let edge = walls.grid.edges[index], normal = walls.normals[index]
            let facing = (x - edge.ax) * normal.x + (y - edge.ay) * normal.y
            let distance = Self.distance(toSegment: edge, x: x, y: y)
            guard facing > 0.5, distance <= reflectionDistance else { return }
            if let building, Int(edge.owner) == building, distance <= ownFacadeDistance { return }
            candidates.append(index)
            if distance <= secondOrderDistance { near.append(index) }
        }
        let dz = finder.receiverHeight - finder.sourceHeight
        // Images of the receiver: in each candidate facade (first order), and in a second facade
        // facing that image (second order, `--reflection-order 2`).
        var images: [(x: Double, y: Double, walls: [Int])] = []
        for wall in candidates {
            let image = Self.mirror(x: x, y: y, in: walls.grid.edges[wall], normal: walls.normals[wall])
            images.append((image.x, image.y, [wall]))
            guard reflectionOrder >= 2, near.contains(wall) else { continue }
            for first in near where first != wall {
                let edge = walls.grid.edges[first], normal = walls.normals[first]
                guard (image.x - edge.ax) * normal.x + (image.y - edge.ay) * normal.y > 0.5 else { continue }
                let second = Self.mirror(x: image.x, y: image.y, in: edge, normal: normal)
                images.append((second.x, second.y, [first, wall]))
            }
        }
        var paths: [ReflectedPath] = []
        for image in images {
            for piece in pieces {
                let sx = (piece.ax + piece.bx) / 2, sy = (piece.ay + piece.by) / 2
                let length2 = (sx - image.x) * (sx - image.x) + (sy - image.y) * (sy - image.y)
                guard length2 <= searchRadius * searchRadius else { continue }
                let points: [(x: Double, y: Double, wall: Int)]
                if image.walls.count == 1 {
                    // First order, the common case, without the general unfolding's arrays.
                    let wall = image.walls[0], edge = walls.grid.edges[wall], normal = walls.normals[wall]
                    guard (sx - edge.ax) * normal.x + (sy - edge.ay) * normal.y > 0,
                          let hit = walls.grid.crossing(wall, px: sx, py: sy, qx: image.x, qy: image.y) else { continue }
                    points = [(sx + hit.t * (image.x - sx), sy + hit.t * (image.y - sy), wall)]
                } else {
                    guard let found = specularPoints(from: (sx, sy), via: image.walls, receiver: (x, y)) else { continue }
                    points = found
                }
                paths.append(ReflectedPath(sx: sx, sy: sy, points: points, walls: image.walls,
                                           spread: Self.spreading(piece, x: image.x, y: image.y, dz: dz), source: piece.source,
                                           length: length2.squareRoot()))
            }
        }
        return paths
    }

    /// Adds a reflected path (one no building blocks).
    private func add(_ path: ReflectedPath, x: Double, y: Double, zones: [Int32], sources: [NoiseModel.Source],
                     to energy: inout PerPeriod<Double>, scratch: inout QueryScratch) {
        guard let profile = finder.reflectedProfile(sx: path.sx, sy: path.sy, via: path.points, rx: x, ry: y,
                                                    receiverZones: zones, scratch: &scratch) else { return }
        add(profile, spread: path.spread, energy: sources[path.source].energy, to: &energy)
    }

    /// Whether a building stands across a leg of a reflected path: such a path is far weaker than
    /// the direct and diffracted ones and is left out. The legs are walked from the receiver's,
    /// the shortest.
    private func isBlocked(_ points: [(x: Double, y: Double, wall: Int)], sx: Double, sy: Double, x: Double, y: Double,
                           scratch: inout QueryScratch) -> Bool {
        var to = (x, y), toWall = -1
        for point in points.reversed() {
            if finder.isBlocked(ax: point.x, ay: point.y, bx: to.0, by: to.1, excluding: point.wall, toWall, scratch: &scratch) { return true }
            to = (point.x, point.y)
            toWall = point.wall
        }
        return finder.isBlocked(ax: sx, ay: sy, bx: to.0, by: to.1, excluding: toWall, scratch: &scratch)
    }

    /// The specular points of a path from `source` to the receiver by the walls `walls` (in order
    /// from the source), found by unfolding: the line to the final image meets the first wall, the
    /// line from there to the next image the next wall, and so on. nil when a line misses its wall
    /// or a point lies behind it.
    private func specularPoints(from source: (Double, Double), via walls: [Int],
                                receiver: (Double, Double)) -> [(x: Double, y: Double, wall: Int)]? {
        let index = finder.walls
        // The intermediate images, from the receiver's outwards: image k is the receiver mirrored
        // in walls[last], ..., walls[k].
        var images: [(Double, Double)] = [receiver]
        for wall in walls.reversed() {
            let previous = images[images.count - 1]
            let mirrored = Self.mirror(x: previous.0, y: previous.1, in: index.grid.edges[wall], normal: index.normals[wall])
            images.append((mirrored.x, mirrored.y))
        }
        var from = source
        var points: [(x: Double, y: Double, wall: Int)] = []
        for (k, wall) in walls.enumerated() {
            let target = images[walls.count - k]
            let edge = index.grid.edges[wall], normal = index.normals[wall]
            guard (from.0 - edge.ax) * normal.x + (from.1 - edge.ay) * normal.y > 0,
                  let hit = index.grid.crossing(wall, px: from.0, py: from.1, qx: target.0, qy: target.1) else { return nil }
            let point = (from.0 + hit.t * (target.0 - from.0), from.1 + hit.t * (target.1 - from.1))
            points.append((point.0, point.1, wall))
            from = point
        }
        return points
    }

    /// (x, y) mirrored in the line of a wall.
    private static func mirror(x: Double, y: Double, in edge: EdgeGrid.Edge, normal: (x: Double, y: Double)) -> (x: Double, y: Double) {
        let facing = (x - edge.ax) * normal.x + (y - edge.ay) * normal.y
        return (x - 2 * facing * normal.x, y - 2 * facing * normal.y)
    }

    /// Adds a lateral path: its straight profile in homogeneous conditions, the same profile laid
    /// out for curved rays in favourable ones (the city's buildings stand above both).
    private func addLateral(_ profile: CutProfile, spread: Double, energy source: PerPeriod<[Double]>, to energy: inout PerPeriod<Double>) {
        var curved = profile
        curved.path = profile.path == .left ? .leftCurved : .rightCurved
        guard let h = PathAttenuation(profile, atmosphere: .homogeneous, conditions: conditions) else { return }
        let f = PathAttenuation(curved, atmosphere: .favourable, conditions: conditions)
        accumulate(excessH: h.total - h.divergence, excessF: f.map { $0.total - $0.divergence }, spread: spread,
                   energy: source, to: &energy)
    }

    /// Adds one path's energy, per period: the piece's band energies times the spreading and the
    /// excess attenuation, p-weighted between favourable and homogeneous (eq. 2.5.11).
    private func add(_ profile: CutProfile, spread: Double, energy source: PerPeriod<[Double]>, to energy: inout PerPeriod<Double>) {
        if profile.points.count == 2 {
            // Nothing between source and receiver: the closed form of the two-point profile.
            let s = profile.points[0], r = profile.points[1]
            addOpen(horizontalDistance: ((r.x - s.x) * (r.x - s.x) + (r.y - s.y) * (r.y - s.y)).squareRoot(), g: s.g,
                    gSource: profile.sourceGroundFactor ?? s.g, spread: spread, energy: source, to: &energy)
            return
        }
        let (homogeneous, favourable) = PathAttenuation.both(profile, conditions: conditions)
        guard let h = homogeneous else { return }
        accumulate(excessH: h.total - h.divergence, excessF: favourable.map { $0.total - $0.divergence }, spread: spread,
                   energy: source, to: &energy)
    }

    /// Adds a path with nothing between source and receiver, over ground of one G (a road source's
    /// G_s is 0), by the closed form of the two-point profile.
    private func addOpen(horizontalDistance: Double, g: Double, gSource: Double = 0, spread: Double, energy source: PerPeriod<[Double]>,
                         to energy: inout PerPeriod<Double>) {
        let open = OpenPath.excess(horizontalDistance: horizontalDistance, sourceHeight: finder.sourceHeight,
                                   receiverHeight: finder.receiverHeight, g: g, gSource: gSource, conditions: conditions)
        accumulate(excessH: open.homogeneous, excessF: open.favourable, spread: spread, energy: source, to: &energy)
    }

    /// The energies per period that a path delivers whose excess attenuations A - A_div give these
    /// transfers 10^(-(A - A_div)/10), p-weighted between favourable and homogeneous conditions
    /// (eq. 2.5.11).
    private func energies(transferH: SIMD8<Double>, transferF: SIMD8<Double>, spread: Double,
                          energy source: PerPeriod<[Double]>) -> PerPeriod<Double> {
        let base = spread * Self.divergenceConstant
        var energy = PerPeriod(day: 0.0, evening: 0.0, night: 0.0)
        for period in Period.allCases {
            let p = favourable[period]
            let bands = source[period]
            var sum = 0.0
            for band in 0 ..< 8 { sum += bands[band] * (p * transferF[band] + (1 - p) * transferH[band]) }
            energy[period] = base * sum
        }
        return energy
    }

    /// The piece's band energies times its spreading and a path's excess attenuation, p-weighted
    /// between favourable and homogeneous conditions (eq. 2.5.11), added per period.
    private func accumulate(excessH: SIMD8<Double>, excessF: SIMD8<Double>?, spread: Double, energy source: PerPeriod<[Double]>,
                            to energy: inout PerPeriod<Double>) {
        var transferH = SIMD8<Double>(repeating: 0), transferF = SIMD8<Double>(repeating: 0)
        for band in 0 ..< 8 {
            transferH[band] = Decibel.transmission(excessH[band])
            if let excessF { transferF[band] = Decibel.transmission(excessF[band]) }
        }
        let added = energies(transferH: transferH, transferF: transferF, spread: spread, energy: source)
        for period in Period.allCases { energy[period] += added[period] }
    }

    /// 10^(-11/10): the constant of A_div = 20 lg d + 11 (eq. 2.5.12).
    static let divergenceConstant = Decibel.energy(-11)

    /// The street pieces around (x, y): each source within the search radius cut until every piece
    /// is at most `pieceFraction` of its distance to the receiver.
    private func pieces(around x: Double, _ y: Double, sources: [NoiseModel.Source], grid: SourceGrid) -> [Piece] {
        var result: [Piece] = []
        let cutter = StreetPieces(fraction: pieceFraction, minimum: minimumPiece, radius: searchRadius)
        for index in grid.sources(nearX: x, y: y, radius: searchRadius) {
            cutter.forEach(of: sources[index].polyline, x: x, y: y, dz: finder.receiverHeight - finder.sourceHeight) { piece in
                result.append(Piece(ax: piece.ax, ay: piece.ay, bx: piece.bx, by: piece.by, source: index))
            }
        }
        return result
    }

    private static func spreading(_ piece: Piece, x: Double, y: Double, dz: Double) -> Double {
        StreetPieces.spreading(ax: piece.ax, ay: piece.ay, bx: piece.bx, by: piece.by, x: x, y: y, dz: dz)
    }

    private static func distance(toSegment e: EdgeGrid.Edge, x: Double, y: Double) -> Double {
        let dx = e.bx - e.ax, dy = e.by - e.ay
        let length2 = dx * dx + dy * dy
        let t = length2 > 0 ? min(1, max(0, ((x - e.ax) * dx + (y - e.ay) * dy) / length2)) : 0
        let px = e.ax + t * dx - x, py = e.ay + t * dy - y
        return (px * px + py * py).squareRoot()
    }
}
