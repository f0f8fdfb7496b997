#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the homogeneous and favourable evaluations of a profile share: the ray unfolded into its
/// vertical plane, the ground line under it, and the whole source-receiver leg over its mean plane.
struct ProfileFrame: Sendable {
    let profile: CutProfile
    let rays: [Point2]
    let ground: GroundPolyline
    let sourceReceiver: PathSegment
    /// 3D distance between source and receiver.
    let directDistance: Double

    init?(_ profile: CutProfile) {
        guard profile.points.count >= 2 else { return nil }
        self.profile = profile
        rays = profile.rayPoints
        ground = GroundPolyline(profile, rays: rays)
        let plane = MeanPlane(fitting: ground.points[...])
        let gSource = profile.gSource
        let gPath = profile.groundFactor
        var sr = PathSegment(from: rays[0], to: rays[rays.count - 1], plane: plane, gPath: gPath, gSource: gSource)
        if !profile.path.isLateral {
            // Annex II 2.5.3: a point below the mean plane takes height 0 (it coincides with its image).
            let norm = (1 + plane.slope * plane.slope).squareRoot()
            var changed = false
            if (sr.start.y - plane.height(at: sr.start.x)) / norm < 0 { sr.zsH = 0; changed = true }
            if (sr.end.y - plane.height(at: sr.end.x)) / norm < 0 { sr.zrH = 0; changed = true }
            if changed && sr.zsH + sr.zrH > 0 { sr.updateHeights(gPath: gPath, gSource: gSource) }
        }
        sourceReceiver = sr
        let s = profile.source, r = profile.receiver
        directDistance = ((r.x - s.x) * (r.x - s.x) + (r.y - s.y) * (r.y - s.y) + (r.z - s.z) * (r.z - s.z)).squareRoot()
    }
}

/// A point of a path that matters for its attenuation.
struct PathPoint: Sendable {
    enum Role: Sendable, Equatable {
        case source, receiver, reflection
        /// A diffracting edge on the convex hull of the profile (over a wall, a roof or terrain).
        case edge
        /// A vertical edge of a lateral path.
        case verticalEdge
        /// A terrain point close enough to the line of sight to diffract in some bands (the
        /// Rayleigh criterion of Annex II 2.5.6: δ > -λ/20 and δ > λ/4 - δ').
        case grazingEdge
    }

    var role: Role
    var position: Point2
    /// Absorption per band of the wall at a reflection (nil: none given, no loss).
    var alpha: SIMD8<Double>?
    /// Height of the reflecting wall's top above the reflection point.
    var wallTop: Double = 0
}

/// The geometry of one path in one atmosphere: its legs over their mean planes, its diffracting
/// and reflecting points, and the path differences of Annex II 2.5.6.
///
/// The construction follows the Directive's text as NoiseModelling reads it (the reference
/// implementation the ISO/TR 17534-4 cases are checked against), so that borderline choices (which
/// ground points make a leg's mean plane, when a lateral path uses the direct 3D distance) match.
struct PathGeometry: Sendable {
    var atmosphere: Atmosphere
    var isLateral: Bool
    /// The whole source-receiver leg over the mean plane of the whole profile.
    var sourceReceiver: PathSegment
    /// 3D distance between source and receiver (the divergence of a lateral path uses it).
    var directDistance: Double
    /// The legs: [sourceReceiver] without diffraction; source-edge, ..., edge-receiver with it.
    var segments: [PathSegment] = []
    var points: [PathPoint] = []
    /// δ, δ' (between the image source and image receiver), δ(S', R) and δ(S, R') (eq. 2.5.22 ff.).
    var delta = 0.0
    var deltaPrime = 0.0
    var deltaImageSource = 0.0
    var deltaImageReceiver = 0.0
    /// e: the distance from the first to the last diffracting edge.
    var e = 0.0

    var hasVerticalEdges: Bool { points.contains { $0.role == .verticalEdge } }
    var edgeCount: Int { points.reduce(0) { $0 + ($1.role == .edge ? 1 : 0) } }
    var verticalEdgeCount: Int { points.reduce(0) { $0 + ($1.role == .verticalEdge ? 1 : 0) } }

    /// nil when the path does not exist in this atmosphere (a reflection point above the wall).
    init?(_ profile: CutProfile, atmosphere: Atmosphere, checkFrequencies: [Double]) {
        guard let frame = ProfileFrame(profile) else { return nil }
        self.init(frame, atmosphere: atmosphere, checkFrequencies: checkFrequencies)
    }

    init?(_ frame: ProfileFrame, atmosphere: Atmosphere, checkFrequencies: [Double]) {
        let profile = frame.profile
        self.atmosphere = atmosphere
        self.isLateral = profile.path.isLateral
        let favourable = atmosphere == .favourable
        var rays = frame.rays
        let ground = frame.ground
        let gSource = profile.gSource
        sourceReceiver = frame.sourceReceiver
        directDistance = frame.directDistance
        let s = profile.source, r = profile.receiver

        // The hull: over the profile as the rays of this atmosphere see it. A lateral path goes
        // round the obstacles, so their walls are not part of its hull.
        var hullPoints = rays
        let curved = CurvedRays(profile)
        if favourable {
            for (i, point) in profile.points.enumerated() {
                hullPoints[i].y = curved.height(x: point.x, y: point.y, z: point.z)
            }
        }
        let hull = upperHullIndices(hullPoints) { !(self.isLateral && profile.points[$0].kind == .wall) }

        if favourable && profile.path == .reflection && hull.count == 2 {
            // In F the curved ray may pass over the (effectively lowered) reflecting wall.
            for (i, point) in profile.points.enumerated() where point.kind == .reflection && point.z != point.zGround {
                guard let wall = point.wall else { continue }
                let lowered = curved.height(x: point.x, y: point.y, z: wall.topHeight(atX: point.x, y: point.y))
                let t = (rays[i].x - rays[0].x) / (rays[rays.count - 1].x - rays[0].x)
                let rayHeight = s.z + t * (r.z - s.z)
                if rayHeight > lowered + 1e-7 { return nil }
            }
        }
        if hull.count > 2 {
            // A reflection between two edges happens at the height of the hull there; the wall
            // must reach that high.
            for (i0, i1) in zip(hull, hull.dropFirst()) where i1 > i0 + 1 {
                for k in i0 + 1 ..< i1 {
                    let point = profile.points[k]
                    guard point.kind == .reflection, point.z != point.zGround, let wall = point.wall else { continue }
                    let onHull = closestPoint(on: rays[i0], rays[i1], to: rays[k])
                    if wall.topHeight(atX: point.x, y: point.y) + 1e-7 >= onHull.y {
                        rays[k].y = onHull.y
                    } else {
                        return nil
                    }
                }
            }
        }

        for h in 1 ..< hull.count {
            let i0 = hull[h - 1], i1 = hull[h]
            let i0Ground = ground.index[i0]
            var i1Ground = ground.index[i1]
            let end = profile.points[i1]
            if i1Ground - 1 > i0Ground && end.kind == .wall {
                // The leg's ground stops at the foot of the wall it diffracts on.
                if end.crossing == .buildingEnter { i1Ground -= 1 } else if end.crossing == .thinWall { i1Ground -= 2 }
            }
            if points.isEmpty { points.append(PathPoint(role: .source, position: rays[i0])) }
            var pivot = i0, pivotGround = i0Ground
            for k in i0 + 1 ..< i1 {
                let point = profile.points[k]
                if point.kind == .reflection && point.z != point.zGround {
                    points.append(PathPoint(role: .reflection, position: rays[k], alpha: point.wall.flatMap { $0.hasAbsorption ? $0.absorption : nil },
                                            wallTop: point.wall?.topHeight(atX: point.x, y: point.y) ?? point.z))
                } else if point.kind == .verticalEdge {
                    points.append(PathPoint(role: .verticalEdge, position: rays[k]))
                    let legPlane = MeanPlane(fitting: ground.slice(pivotGround, ground.index[k]))
                    segments.append(PathSegment(from: rays[pivot], to: rays[k], plane: legPlane,
                                                gPath: profile.groundFactor(from: pivot, to: k), gSource: gSource))
                    pivot = k
                    pivotGround = ground.index[k]
                }
            }
            points.append(PathPoint(role: .receiver, position: rays[i1]))
            if pivot != i0 && h == hull.count - 1 {
                let legPlane = MeanPlane(fitting: ground.slice(pivotGround, ground.points.count - 1))
                segments.append(PathSegment(from: rays[pivot], to: rays[rays.count - 1], plane: legPlane,
                                            gPath: profile.groundFactor(from: pivot, to: rays.count - 1), gSource: gSource))
            }
            if hull.count == 2 { break }
            let legPlane = MeanPlane(fitting: ground.slice(i0Ground, i1Ground))
            segments.append(PathSegment(from: rays[i0], to: rays[i1], plane: legPlane,
                                        gPath: profile.groundFactor(from: i0, to: i1), gSource: profile.points[i0].g))
            if h != hull.count - 1 {
                points[points.count - 1].role = .edge
            }
        }
        guard !points.isEmpty else { return nil }

        guard let firstEdge = points.first(where: { $0.role == .edge })?.position,
              let lastEdge = points.last(where: { $0.role == .edge })?.position else {
            // No edge on the hull: a free path, round vertical edges, or grazing terrain.
            let grazing = profile.points.contains { $0.kind == .verticalEdge }
                ? nil : grazingEdge(profile, rays: rays, ground: ground, checkFrequencies: checkFrequencies)
            if let grazing {
                segments.append(contentsOf: grazing.segments)
                points.insert(PathPoint(role: .grazingEdge, position: grazing.edge), at: 1)
            } else {
                if segments.isEmpty { segments.append(sourceReceiver) }
                e = edgeSpan
                let distance = hasVerticalEdges ? directDistance : sourceReceiver.d
                delta = segments[0].d + e + segments[segments.count - 1].d - distance
            }
            return
        }
        computeDifferences(firstEdge: firstEdge, lastEdge: lastEdge)
    }

    /// The distance along the path from the first to the last diffracting point.
    private var edgeSpan: Double {
        let pivots = points.filter { $0.role != .reflection }
        guard pivots.count > 3 else { return 0 }
        var span = 0.0
        for i in 1 ..< pivots.count - 2 {
            span += pivots[i].position.distance(to: pivots[i + 1].position)
        }
        return span
    }

    /// Path differences over the edges (eq. 2.5.22 in H; eq. 2.5.24-2.5.28 with arcs in F).
    private mutating func computeDifferences(firstEdge c0: Point2, lastEdge cn: Point2) {
        let favourable = atmosphere == .favourable
        let source = points[0].position
        let receiver = points[points.count - 1].position
        let first = segments[0], last = segments[segments.count - 1]
        e = edgeSpan
        let sr = sourceReceiver.d

        let imageSource = first.startImage
        let dImageSourceReceiver = imageSource.distance(to: receiver)
        let dImageSourceEdge = imageSource.distance(to: c0)
        if favourable {
            deltaImageSource = arc(dImageSourceEdge, dImageSourceReceiver) + arc(e, dImageSourceReceiver)
                + arc(last.d, dImageSourceReceiver) - arc(dImageSourceReceiver, dImageSourceReceiver)
        } else {
            deltaImageSource = side(of: c0, from: imageSource, to: receiver)
                * (dImageSourceEdge + e + last.d - dImageSourceReceiver)
        }
        let imageReceiver = last.endImage
        let dSourceImageReceiver = source.distance(to: imageReceiver)
        let dEdgeImageReceiver = cn.distance(to: imageReceiver)
        if favourable {
            deltaImageReceiver = arc(first.d, dSourceImageReceiver) + arc(e, dSourceImageReceiver)
                + arc(dEdgeImageReceiver, dSourceImageReceiver) - arc(dSourceImageReceiver, dSourceImageReceiver)
        } else {
            deltaImageReceiver = (source.x > imageReceiver.x ? -1 : 1) * side(of: cn, from: source, to: imageReceiver)
                * (first.d + e + dEdgeImageReceiver - dSourceImageReceiver)
        }

        let imagesDistance = imageSource.distance(to: imageReceiver)
        let firstImageLeg = imageSource.distance(to: c0)
        let lastImageLeg = cn.distance(to: imageReceiver)
        if !favourable || isLateral {
            let distance = hasVerticalEdges ? directDistance : sr
            delta = side(of: c0, from: source, to: receiver) * (first.d + e + last.d - distance)
        } else {
            delta = curvedDifference(edge: c0, from: source, to: receiver, legs: first.d, e, last.d, chord: sr)
        }
        if !favourable {
            deltaPrime = side(of: c0, from: imageSource, to: imageReceiver) * (firstImageLeg + e + lastImageLeg - imagesDistance)
        } else {
            deltaPrime = curvedDifference(edge: c0, from: imageSource, to: imageReceiver,
                                          legs: firstImageLeg, e, lastImageLeg, chord: imagesDistance)
        }
    }

    /// The path difference of curved rays (eq. 2.5.25 when the edge cuts the line of sight;
    /// eq. 2.5.28 with the ray touching the line at A when it does not).
    private func curvedDifference(edge: Point2, from: Point2, to: Point2,
                                  legs first: Double, _ span: Double, _ last: Double, chord: Double) -> Double {
        if side(of: edge, from: from, to: to) == 1 {
            return arc(first, chord) + arc(span, chord) + arc(last, chord) - arc(chord, chord)
        }
        let a = from.along(to: to, fraction: (edge.x - from.x) / (to.x - from.x))
        return 2 * arc(from.distance(to: a), chord) + 2 * arc(a.distance(to: to), chord)
            - arc(first, chord) - arc(span, chord) - arc(last, chord) - arc(chord, chord)
    }

    private func arc(_ chord: Double, _ d: Double) -> Double { Diffraction.arc(chord, pathLength: d) }

    /// A terrain point near the line of sight of an otherwise free path that diffracts in some bands
    /// (Annex II 2.5.6: diffraction is computed where δ > -λ/20 and δ > λ/4 - δ'), with the legs on
    /// its two sides and the path differences set. nil when no point qualifies.
    private mutating func grazingEdge(_ profile: CutProfile, rays: [Point2], ground: GroundPolyline,
                                      checkFrequencies: [Double]) -> (edge: Point2, segments: [PathSegment])? {
        let source = rays[0], receiver = rays[rays.count - 1]
        let sr = sourceReceiver.d
        var found: (edge: Point2, segments: [PathSegment])?
        var firstLeg: PathSegment?
        for cut in 1 ..< profile.points.count - 1 where profile.points[cut].kind != .reflection {
            let groundIndex = ground.index[cut]
            let o = ground.points[groundIndex]
            let dSO = source.distance(to: o), dOR = o.distance(to: receiver)
            let deltaH = side(of: o, from: source, to: receiver) * (dSO + dOR - sr)
            guard checkFrequencies.contains(where: { deltaH > -(340 / $0) / 20 }) else { continue }
            var toEdge = PathSegment(from: source, to: o, plane: MeanPlane(fitting: ground.slice(0, groundIndex)))
            var fromEdge = PathSegment(from: o, to: receiver,
                                       plane: MeanPlane(fitting: ground.slice(groundIndex, ground.points.count - 1)))
            let sourceImage = toEdge.startImage, receiverImage = fromEdge.endImage
            let imagesDistance = sourceImage.distance(to: receiverImage)
            let deltaPrimeH = side(of: o, from: sourceImage, to: receiverImage)
                * (sourceImage.distance(to: o) + o.distance(to: receiverImage) - imagesDistance)
            guard checkFrequencies.contains(where: { deltaH > (340 / $0) / 4 - deltaPrimeH }) else { continue }
            toEdge.updateHeights(gPath: profile.groundFactor(from: 0, to: cut), gSource: profile.gSource)
            fromEdge.updateHeights(gPath: profile.groundFactor(from: cut, to: profile.points.count - 1), gSource: profile.gSource)
            let dImageSourceEdge = toEdge.startImage.distance(to: o)
            let dImageSourceReceiver = toEdge.startImage.distance(to: receiver)
            let dEdgeImageReceiver = o.distance(to: fromEdge.endImage)
            let dSourceImageReceiver = source.distance(to: fromEdge.endImage)
            if atmosphere == .homogeneous {
                delta = deltaH
                deltaPrime = deltaPrimeH
                deltaImageSource = side(of: o, from: toEdge.startImage, to: receiver)
                    * (dImageSourceEdge + dOR - dImageSourceReceiver)
                deltaImageReceiver = side(of: o, from: source, to: fromEdge.endImage)
                    * (dSO + dEdgeImageReceiver - dSourceImageReceiver)
            } else {
                deltaImageSource = arc(dImageSourceEdge, dImageSourceReceiver) + arc(e, dImageSourceReceiver)
                    + arc(fromEdge.d, dImageSourceReceiver) - arc(dImageSourceReceiver, dImageSourceReceiver)
                deltaImageReceiver = arc(toEdge.d, dSourceImageReceiver) + arc(e, dSourceImageReceiver)
                    + arc(dEdgeImageReceiver, dSourceImageReceiver) - arc(dSourceImageReceiver, dSourceImageReceiver)
                delta = curvedDifference(edge: o, from: source, to: receiver, legs: dSO, 0, dOR, chord: sr)
                deltaPrime = curvedDifference(edge: o, from: sourceImage, to: receiverImage,
                                              legs: sourceImage.distance(to: o), 0, o.distance(to: receiverImage),
                                              chord: imagesDistance)
            }
            // As in the reference implementation, the source-side leg is that of the first point
            // that qualifies and the receiver-side leg that of the last.
            if firstLeg == nil { firstLeg = toEdge }
            found = (o, [firstLeg ?? toEdge, fromEdge])
        }
        return found
    }
}

/// The point of segment a-b closest to p.
private func closestPoint(on a: Point2, _ b: Point2, to p: Point2) -> Point2 {
    let dx = b.x - a.x, dy = b.y - a.y
    let length2 = dx * dx + dy * dy
    guard length2 > 0 else { return a }
    let t = min(1, max(0, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2))
    return Point2(a.x + t * dx, a.y + t * dy)
}
