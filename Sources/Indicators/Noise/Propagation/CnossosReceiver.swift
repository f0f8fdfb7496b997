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
        let zones = finder.ground.zones(containingX: x, y: y)
        var energy = PerPeriod(day: 0.0, evening: 0.0, night: 0.0)
        let pieces = self.pieces(around: x, y, sources: sources, grid: grid)
        let dz = finder.receiverHeight - finder.sourceHeight
        for piece in pieces {
            let sx = (piece.ax + piece.bx) / 2, sy = (piece.ay + piece.by) / 2
            let spread = Self.spreading(piece, x: x, y: y, dz: dz)
            let direct = finder.directProfile(sx: sx, sy: sy, rx: x, ry: y, receiverZones: zones, scratch: &scratch)
            add(direct.profile, spread: spread, energy: sources[piece.source].energy, to: &energy)
            if lateralDiffraction, !direct.crossedBuildings.isEmpty {
                for lateral in finder.lateralProfiles(sx: sx, sy: sy, rx: x, ry: y, crossed: direct.crossedBuildings,
                                                      receiverZones: zones, scratch: &scratch) {
                    addLateral(lateral, spread: spread, energy: sources[piece.source].energy, to: &energy)
                }
            }
        }
        if reflectionOrder >= 1 {
            reflect(atX: x, y: y, building: building, pieces: pieces, zones: zones, sources: sources,
                    energy: &energy, scratch: &scratch)
        }
        let level = { (e: Double) -> Double in e > 0 ? Decibel.tenLog(e) : -Double.infinity }
        return FacadeLevels(day: level(energy.day), evening: level(energy.evening), night: level(energy.night))
    }

    /// First-order reflections: the receiver's image in each facade that faces it, within
    /// `reflectionDistance`; a piece is heard by reflection where the line from it to the image
    /// crosses the facade below its top and neither leg is blocked by another building.
    private func reflect(atX x: Double, y: Double, building: Int?, pieces: [Piece], zones: [Int32],
                         sources: [NoiseModel.Source], energy: inout PerPeriod<Double>, scratch: inout QueryScratch) {
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
        for image in images {
            for piece in pieces {
                let sx = (piece.ax + piece.bx) / 2, sy = (piece.ay + piece.by) / 2
                guard (sx - image.x) * (sx - image.x) + (sy - image.y) * (sy - image.y) <= searchRadius * searchRadius else { continue }
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
                // Only unobstructed reflected paths: one that also has to cross a building is far
                // weaker than the direct and diffracted paths.
                let vertices = [(sx, sy)] + points.map { ($0.x, $0.y) } + [(x, y)]
                var blocked = false
                for (index, (a, b)) in zip(vertices, vertices.dropFirst()).enumerated() where !blocked {
                    let excluded = [index > 0 ? image.walls[index - 1] : nil, index < image.walls.count ? image.walls[index] : nil].compactMap { $0 }
                    blocked = finder.isBlocked(ax: a.0, ay: a.1, bx: b.0, by: b.1, excluding: excluded, scratch: &scratch)
                }
                guard !blocked, let profile = finder.reflectedProfile(sx: sx, sy: sy, via: points, rx: x, ry: y,
                                                                      receiverZones: zones, scratch: &scratch) else { continue }
                let spread = Self.spreading(piece, x: image.x, y: image.y, dz: dz)
                add(profile, spread: spread, energy: sources[piece.source].energy, to: &energy)
            }
        }
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
        let excessH: SIMD8<Double>, excessF: SIMD8<Double>?
        if profile.points.count == 2 {
            // Nothing between source and receiver: the closed form of the two-point profile.
            let s = profile.points[0], r = profile.points[1]
            let open = OpenPath.excess(horizontalDistance: ((r.x - s.x) * (r.x - s.x) + (r.y - s.y) * (r.y - s.y)).squareRoot(),
                                       sourceHeight: s.z, receiverHeight: r.z, g: s.g, gSource: profile.sourceGroundFactor ?? s.g,
                                       conditions: conditions)
            (excessH, excessF) = (open.homogeneous, open.favourable)
        } else {
            let (homogeneous, f) = PathAttenuation.both(profile, conditions: conditions)
            guard let h = homogeneous else { return }
            (excessH, excessF) = (h.total - h.divergence, f.map { $0.total - $0.divergence })
        }
        accumulate(excessH: excessH, excessF: excessF, spread: spread, energy: source, to: &energy)
    }

    /// The piece's band energies times its spreading and a path's excess attenuation, p-weighted
    /// between favourable and homogeneous conditions (eq. 2.5.11), added per period.
    private func accumulate(excessH: SIMD8<Double>, excessF: SIMD8<Double>?, spread: Double, energy source: PerPeriod<[Double]>,
                            to energy: inout PerPeriod<Double>) {
        let base = spread * Self.divergenceConstant
        var transferH = SIMD8<Double>(repeating: 0), transferF = SIMD8<Double>(repeating: 0)
        for band in 0 ..< 8 {
            transferH[band] = base * Decibel.energy(-excessH[band])
            if let excessF { transferF[band] = base * Decibel.energy(-excessF[band]) }
        }
        for period in Period.allCases {
            let p = favourable[period]
            let bands = source[period]
            var sum = 0.0
            for band in 0 ..< 8 { sum += bands[band] * (p * transferF[band] + (1 - p) * transferH[band]) }
            energy[period] += sum
        }
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
