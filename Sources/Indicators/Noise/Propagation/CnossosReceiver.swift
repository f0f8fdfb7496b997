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
    /// Facades farther than this from the receiver do not reflect (m); NoiseModelling's default.
    var reflectionDistance = 50.0
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
            let profile = finder.directProfile(sx: sx, sy: sy, rx: x, ry: y, receiverZones: zones, scratch: &scratch)
            add(profile, spread: spread, energy: sources[piece.source].energy, to: &energy)
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
        let walls = finder.walls
        walls.grid.forEachNear(x: x, y: y, radius: reflectionDistance, scratch: &scratch) { index in
            let edge = walls.grid.edges[index], normal = walls.normals[index]
            let facing = (x - edge.ax) * normal.x + (y - edge.ay) * normal.y
            let distance = Self.distance(toSegment: edge, x: x, y: y)
            guard facing > 0.5, distance <= reflectionDistance else { return }
            if let building, Int(edge.owner) == building, distance <= ownFacadeDistance { return }
            candidates.append(index)
        }
        let dz = finder.receiverHeight - finder.sourceHeight
        for wall in candidates {
            let edge = walls.grid.edges[wall], normal = walls.normals[wall]
            let facing = (x - edge.ax) * normal.x + (y - edge.ay) * normal.y
            let ix = x - 2 * facing * normal.x, iy = y - 2 * facing * normal.y
            for piece in pieces {
                let sx = (piece.ax + piece.bx) / 2, sy = (piece.ay + piece.by) / 2
                guard (sx - edge.ax) * normal.x + (sy - edge.ay) * normal.y > 0,
                      (sx - ix) * (sx - ix) + (sy - iy) * (sy - iy) <= searchRadius * searchRadius,
                      let hit = walls.grid.crossing(wall, px: sx, py: sy, qx: ix, qy: iy) else { continue }
                let px = sx + hit.t * (ix - sx), py = sy + hit.t * (iy - sy)
                guard !finder.isBlocked(ax: sx, ay: sy, bx: px, by: py, excluding: wall, scratch: &scratch),
                      !finder.isBlocked(ax: px, ay: py, bx: x, by: y, excluding: wall, scratch: &scratch),
                      let profile = finder.reflectedProfile(sx: sx, sy: sy, px: px, py: py, rx: x, ry: y, wall: wall,
                                                            receiverZones: zones, scratch: &scratch) else { continue }
                let spread = Self.spreading(piece, x: ix, y: iy, dz: dz)
                add(profile, spread: spread, energy: sources[piece.source].energy, to: &energy)
            }
        }
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
