#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The attenuation of one path in one atmosphere, per octave band, with the terms it is made of
/// (Annex II 2.5.5 eq. 2.5.6 and 2.5.8):
///
///     A = A_div + A_atm + A_boundary + A_dif - A_ref + Δ_retrodif
///
/// where A_boundary is A_ground on a free path and the diffraction term (with the ground on both
/// sides of the edge) on a diffracted one. Each vector holds eight values, 63 Hz..8 kHz.
public struct PathAttenuation: Sendable {
    public var atmosphere: Atmosphere
    /// A_div = 20 lg d + 11 (eq. 2.5.12).
    public var divergence: SIMD8<Double>
    /// A_atm = α d / 1000 (eq. 2.5.13).
    public var atmospheric: SIMD8<Double>
    /// A_boundary: the ground term and the diffraction term together.
    public var boundary: SIMD8<Double>
    /// A_ground of the source-receiver leg. In the bands where diffraction over an edge applies, the
    /// ground terms of A_dif replace it in A_boundary.
    public var ground: SIMD8<Double>
    /// A_dif: Δ_dif(S,R) + Δ_ground(S,O) + Δ_ground(O,R) (eq. 2.5.29), 0 where there is none.
    public var diffraction: SIMD8<Double>
    /// 10 lg(1 - α) summed over the reflections (negative: it is a loss).
    public var reflection: SIMD8<Double>
    /// Δ_retrodif: the loss of a reflection whose ray passes close to the top of the wall.
    public var retrodiffraction: SIMD8<Double>
    /// The ground's w and C_f of the source-receiver leg (for checks against the ISO tables).
    public var w: SIMD8<Double>
    public var cf: SIMD8<Double>
    /// The terms of the diffraction (for checks): Δ_dif(S,R), Δ_dif(S',R), Δ_dif(S,R'),
    /// A_ground(S,O), A_ground(O,R), Δ_ground(S,O), Δ_ground(O,R).
    public var deltaDiffSR: SIMD8<Double>
    public var deltaDiffImageSource: SIMD8<Double>
    public var deltaDiffImageReceiver: SIMD8<Double>
    public var groundSO: SIMD8<Double>
    public var groundOR: SIMD8<Double>
    public var deltaGroundSO: SIMD8<Double>
    public var deltaGroundOR: SIMD8<Double>

    /// The total attenuation per band.
    public var total: SIMD8<Double> {
        divergence + atmospheric + boundary - reflection + retrodiffraction
    }

    /// The level at the receiver for a source of sound power `power` (dB per band).
    public func level(power: [Double]) -> [Double] {
        let total = self.total
        return power.indices.map { power[$0] - total[$0] }
    }
}

extension PathAttenuation {
    /// Computes one path of `profile` in `atmosphere`; nil when the path does not exist there
    /// (e.g. in F, a curved ray that passes over the reflecting wall).
    public init?(_ profile: CutProfile, atmosphere: Atmosphere, conditions: PropagationConditions) {
        guard let frame = ProfileFrame(profile) else { return nil }
        self.init(frame, atmosphere: atmosphere, conditions: conditions)
    }

    /// Both atmospheres of a direct or reflected path, sharing the work they have in common.
    public static func both(_ profile: CutProfile, conditions: PropagationConditions)
        -> (homogeneous: PathAttenuation?, favourable: PathAttenuation?) {
        guard let frame = ProfileFrame(profile) else { return (nil, nil) }
        return (PathAttenuation(frame, atmosphere: .homogeneous, conditions: conditions),
                PathAttenuation(frame, atmosphere: .favourable, conditions: conditions))
    }

    static let exactFrequencies = OctaveBand.allCases.map(AtmosphericAbsorption.exactFrequency)

    init?(_ frame: ProfileFrame, atmosphere: Atmosphere, conditions: PropagationConditions) {
        let bands = OctaveBand.allCases
        guard let geometry = PathGeometry(frame, atmosphere: atmosphere, checkFrequencies: Self.exactFrequencies) else { return nil }
        let zero = SIMD8<Double>(repeating: 0)
        self.atmosphere = atmosphere
        let sr = geometry.sourceReceiver
        let divergenceDistance = geometry.hasVerticalEdges ? geometry.directDistance : sr.d
        divergence = SIMD8(repeating: 20 * log10(divergenceDistance) + 11)
        atmospheric = conditions.absorptionVector * (sr.d / 1000)
        (boundary, ground, diffraction, w, cf) = (zero, zero, zero, zero, zero)
        (deltaDiffSR, deltaDiffImageSource, deltaDiffImageReceiver) = (zero, zero, zero)
        (groundSO, groundOR, deltaGroundSO, deltaGroundOR) = (zero, zero, zero, zero)
        reflection = zero
        for point in geometry.points where point.role == .reflection {
            guard let alpha = point.alpha else { continue }
            for i in bands.indices { reflection[i] += 10 * log10(1 - alpha[i]) }
        }
        retrodiffraction = Self.retrodiffraction(geometry, bands: bands, soundSpeed: conditions.soundSpeed)

        for (i, band) in bands.enumerated() {
            let frequency = Double(band.centreFrequency)
            let wavelength = conditions.soundSpeed / frequency
            let model = conditions.groundModels[i]
            let groundTerm = model.value(sr, in: atmosphere)
            ground[i] = groundTerm.value
            w[i] = groundTerm.terms.w
            cf[i] = groundTerm.terms.cf
            let valid = Self.diffracts(geometry, wavelength: wavelength)
            let edge = geometry.points.first {
                $0.role == .edge || $0.role == .verticalEdge || ($0.role == .grazingEdge && valid)
            }
            if let edge {
                diffraction[i] = diffractionTerm(geometry, role: edge.role, band: i, wavelength: wavelength, ground: model)
                boundary[i] = (edge.role != .verticalEdge && valid ? 0 : ground[i]) + diffraction[i]
            } else {
                boundary[i] = ground[i]
            }
        }
    }

    /// Whether an edge diffracts at this wavelength: always when it cuts the line of sight (δ >= 0),
    /// otherwise by the Rayleigh criterion δ > -λ/20 and δ > λ/4 - δ' (Annex II 2.5.6).
    private static func diffracts(_ geometry: PathGeometry, wavelength: Double) -> Bool {
        geometry.delta >= 0 || (geometry.delta > -wavelength / 20 && geometry.delta > wavelength / 4 - geometry.deltaPrime)
    }

    /// A_dif of eq. 2.5.29 for one band.
    private mutating func diffractionTerm(_ geometry: PathGeometry, role: PathPoint.Role, band i: Int,
                                          wavelength: Double, ground model: GroundAttenuation) -> Double {
        let edges = geometry.edgeCount, verticalEdges = geometry.verticalEdgeCount
        let single = (role == .edge && edges <= 1) || (role == .verticalEdge && verticalEdges <= 1) || geometry.e <= 0.3
        let cSecond = single ? 1 : Diffraction.cSecond(wavelength: wavelength, e: geometry.e)
        var deltaSR = 0.0
        if Self.diffracts(geometry, wavelength: wavelength) {
            deltaSR = Diffraction.delta(pathDifference: geometry.delta, wavelength: wavelength, cSecond: cSecond)
        } else if role == .edge {
            return 0
        }
        if role == .verticalEdge {
            deltaDiffSR[i] = deltaSR
            return deltaSR
        }
        let deltaImageSource = Diffraction.delta(pathDifference: geometry.deltaImageSource, wavelength: wavelength, cSecond: cSecond)
        let deltaImageReceiver = Diffraction.delta(pathDifference: geometry.deltaImageReceiver, wavelength: wavelength, cSecond: cSecond)
        let first = geometry.segments[0], last = geometry.segments[geometry.segments.count - 1]
        let aSO = model.value(first, in: geometry.atmosphere).value
        let aOR = model.value(last, in: geometry.atmosphere, usePathG: true).value
        // Eq. 2.5.31-2.5.33: on a side where the source (receiver) is below its mean plane, the
        // ground term is A_ground itself and the image replaces it in Δ_dif.
        var dSO: Double, dOR: Double
        if first.startIsAbovePlane {
            dSO = Diffraction.groundCorrection(aGround: aSO, imageDelta: deltaImageSource, directDelta: deltaSR)
        } else {
            dSO = aSO
            deltaSR = deltaImageSource
        }
        if last.endIsAbovePlane {
            dOR = Diffraction.groundCorrection(aGround: aOR, imageDelta: deltaImageReceiver, directDelta: deltaSR)
        } else {
            dOR = aOR
            deltaSR = deltaImageReceiver
        }
        if dSO.isNaN { dSO = aSO; deltaSR = deltaImageSource }
        if dOR.isNaN { dOR = aOR; deltaSR = deltaImageReceiver }
        deltaDiffSR[i] = deltaSR
        deltaDiffImageSource[i] = deltaImageSource
        deltaDiffImageReceiver[i] = deltaImageReceiver
        groundSO[i] = aSO
        groundOR[i] = aOR
        deltaGroundSO[i] = dSO
        deltaGroundOR[i] = dOR
        return min(25, max(0, deltaSR)) + dSO + dOR
    }

    /// Δ_retrodif (Annex II 2.5.6, eq. 2.5.36 and 2.5.37, as amended by ISO/TR 17534-4:2020 5.15):
    /// a reflection whose ray passes near the wall's top loses what diffraction at that top takes.
    private static func retrodiffraction(_ geometry: PathGeometry, bands: [OctaveBand], soundSpeed: Double) -> SIMD8<Double> {
        var result = SIMD8<Double>(repeating: 0)
        let points = geometry.points
        guard points.count >= 2, points.contains(where: { $0.role == .reflection }) else { return result }
        var s = points[0].position
        var r = points[points.count - 1].position
        let sr = s.distance(to: r)
        for (index, point) in points.enumerated() {
            if point.role == .edge {
                s = point.position
                continue
            }
            guard point.role == .reflection else { continue }
            if let next = points[(index + 1)...].first(where: { $0.role == .edge }) { r = next.position }
            let top = Point2(point.position.x, point.wallTop)
            for (i, band) in bands.enumerated() {
                let wavelength = soundSpeed / Double(band.centreFrequency)
                let deltaPrime: Double
                var cSecond = 1.0
                if geometry.atmosphere == .favourable {
                    let gamma = 2 * max(1000, 8 * sr)
                    deltaPrime = -(gamma * asin(s.distance(to: top) / gamma) + gamma * asin(top.distance(to: r) / gamma)
                        - gamma * asin(s.distance(to: r) / gamma))
                    if geometry.e >= 0.3 { cSecond = Diffraction.cSecond(wavelength: wavelength, e: geometry.e) }
                } else {
                    deltaPrime = s.distance(to: r) - s.distance(to: top) - top.distance(to: r)
                }
                result[i] = Diffraction.delta(pathDifference: deltaPrime, wavelength: wavelength, cSecond: cSecond)
            }
        }
        return result
    }
}

extension SIMD8 where Scalar == Double {
    /// The eight band values as an array, 63 Hz first.
    public var bands: [Double] { (0 ..< 8).map { self[$0] } }
}
