import CNOSSOS
import Foundation

/// Sound propagation from a street (a line source) to a receiver, as the screening model of
/// DESIGN.md section 4.2: the street is cut into pieces no longer than half their distance to the
/// receiver, and each piece adds
///
///     L'W + 10 lg(l) - (20 lg r + 11) + 3 - A_air(r)
///
/// (a point source of power L'W + 10 lg l over reflecting ground: hemispherical spreading), with
/// no ground effect and no diffraction. The 1 / r^2 spreading is integrated exactly along each
/// straight piece; the piece length still bounds how far air absorption is taken as constant. For an infinitely long road at distance d this sums to the
/// closed form Lp = L'W - 3.0 - 10 lg d (tested).
public struct LineSourcePropagation: Sendable, Equatable {
    /// Atmospheric absorption at 15 C and 70 % relative humidity, dB per km, 63 Hz ... 8 kHz
    /// (ISO 9613-1 values as listed in DESIGN.md section 4.2).
    public static let airAbsorptionPerKilometre: [Double] = [0.105, 0.376, 1.124, 2.358, 4.079, 8.777, 26.608, 94.962]

    public var sourceHeight: Double
    public var receiverHeight: Double
    public var airAbsorption: Bool
    /// Pieces are at most this fraction of their distance to the receiver.
    public var pieceFraction: Double
    /// Pieces are never cut shorter than this (m), so a source passing through a receiver ends.
    public var minimumPiece: Double

    public init(sourceHeight: Double = 0.05, receiverHeight: Double = 4, airAbsorption: Bool = true,
                pieceFraction: Double = 0.5, minimumPiece: Double = 0.05) {
        self.sourceHeight = sourceHeight
        self.receiverHeight = receiverHeight
        self.airAbsorption = airAbsorption
        self.pieceFraction = pieceFraction
        self.minimumPiece = minimumPiece
    }

    /// 10^((-11 + 3) / 10): spherical spreading constant 10 lg(4 pi) ~ 11 dB, +3 dB for the
    /// reflecting ground.
    static let spreading = pow10(-0.8)

    /// Per band, the factor that turns a line source's power per metre (as energy, 10^(L'W/10))
    /// into the energy it produces at the receiver: sum over pieces of l / r^2 10^(-0.8 - A_air/10).
    /// Pieces farther than `radius` (horizontally, at their nearest) are left out: the search radius.
    /// `horizon` (from `BuildingScreen`) drops pieces hidden behind a building.
    public func transfer(from polyline: [Double], toX x: Double, y: Double, radius: Double = .infinity) -> [Double] {
        transfer(from: polyline, toX: x, y: y, radius: radius, horizon: nil)
    }

    func transfer(from polyline: [Double], toX x: Double, y: Double, radius: Double, horizon: [Double]?) -> [Double] {
        var factors = [Double](repeating: 0, count: 8)
        let height = receiverHeight - sourceHeight
        let heightSquared = height * height
        var stack: [(Double, Double, Double, Double)] = []
        var index = 0
        while index + 3 < polyline.count {
            stack.append((polyline[index], polyline[index + 1], polyline[index + 2], polyline[index + 3]))
            index += 2
            while let (ax, ay, bx, by) = stack.popLast() {
                let dx = bx - ax, dy = by - ay
                let length = (dx * dx + dy * dy).squareRoot()
                guard length > 0 else { continue }
                let mx = (ax + bx) / 2 - x, my = (ay + by) / 2 - y
                let rSquared = mx * mx + my * my + heightSquared
                let r = rSquared.squareRoot()
                let horizontal = (mx * mx + my * my).squareRoot()
                if horizontal - length / 2 > radius { continue }
                if length > pieceFraction * r, length / 2 >= minimumPiece {
                    let cx = (ax + bx) / 2, cy = (ay + by) / 2
                    stack.append((ax, ay, cx, cy))
                    stack.append((cx, cy, bx, by))
                    continue
                }
                if let horizon, horizon[BuildingScreen.bin(of: atan2(my, mx))] < horizontal { continue }
                // The spreading term l / r^2 integrated exactly along the straight piece, so that
                // the sum does not depend on how finely pieces are cut (the midpoint rule would
                // read about 0.08 dB low with pieces of r / 2); absorption uses the midpoint.
                let ux = dx / length, uy = dy / length
                let along0 = (ax - x) * ux + (ay - y) * uy, along1 = along0 + length
                let across = (ax - x) * uy - (ay - y) * ux
                let perpendicular = (across * across + heightSquared).squareRoot()
                let spread = perpendicular > 1e-9
                    ? (atan(along1 / perpendicular) - atan(along0 / perpendicular)) / perpendicular
                    : length / rSquared
                let base = spread * Self.spreading
                for band in 0..<8 {
                    factors[band] += airAbsorption ? base * exp(-Self.absorptionDecay[band] * r) : base
                }
            }
        }
        return factors
    }

    static func pow10(_ exponent: Double) -> Double { Decibel.energy(10 * exponent) }

    /// A dB/km attenuation as an energy decay per metre: 10^(-a r / 10000) = exp(-a ln10 / 10000 r).
    static let absorptionDecay = airAbsorptionPerKilometre.map { $0 * log(10) / 10_000 }
}
