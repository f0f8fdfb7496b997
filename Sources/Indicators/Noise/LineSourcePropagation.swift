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
        let pieces = StreetPieces(fraction: pieceFraction, minimum: minimumPiece, radius: radius)
        pieces.forEach(of: polyline, x: x, y: y, dz: height) { piece in
            if let horizon, horizon[BuildingScreen.bin(of: atan2(piece.my, piece.mx))] < piece.horizontal { return }
            // The spreading term l / r^2 integrated exactly along the straight piece, so that the sum
            // does not depend on how finely pieces are cut (the midpoint rule would read about
            // 0.08 dB low with pieces of r / 2); absorption uses the midpoint.
            let spread = StreetPieces.spreading(ax: piece.ax, ay: piece.ay, bx: piece.bx, by: piece.by, x: x, y: y, dz: height)
            let base = spread * Self.spreading
            for band in 0..<8 {
                factors[band] += airAbsorption ? base * exp(-Self.absorptionDecay[band] * piece.r) : base
            }
        }
        return factors
    }

    static func pow10(_ exponent: Double) -> Double { Decibel.energy(10 * exponent) }

    /// A dB/km attenuation as an energy decay per metre: 10^(-a r / 10000) = exp(-a ln10 / 10000 r).
    static let absorptionDecay = airAbsorptionPerKilometre.map { $0 * log(10) / 10_000 }
}
