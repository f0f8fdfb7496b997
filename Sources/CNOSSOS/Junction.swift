/// The kind of junction near a road segment, index k of Table F-3.
public enum JunctionType: Int, CaseIterable, Sendable {
    /// k = 1: crossing with traffic lights.
    case trafficLights = 1
    /// k = 2: roundabout.
    case roundabout = 2

    /// Table F-3 (Directive (EU) 2015/996 Appendix F, not amended by 2021/1226): C_R,m,k (rolling)
    /// and C_P,m,k (propulsion) in dB. Categories 4a/4b take no correction. Verified against
    /// NoiseModelling `RoadCnossos_2015/2020.json` and the Official Journal transcription in
    /// jmrplens/PyOctaveBand `reference_data.py`.
    func coefficients(for category: VehicleCategory) -> (rolling: Double, propulsion: Double) {
        switch (self, category) {
        case (.trafficLights, .light): (-4.5, 5.5)
        case (.trafficLights, .medium), (.trafficLights, .heavy): (-4.0, 9.0)
        case (.roundabout, .light): (-4.4, 3.1)
        case (.roundabout, .medium), (.roundabout, .heavy): (-2.3, 6.7)
        case (_, .moped), (_, .motorcycle): (0.0, 0.0)
        }
    }
}

/// A junction near the source: vehicles decelerating and accelerating there make less rolling and
/// more propulsion noise (Annex II 2.2.5, eqs. 2.2.17 and 2.2.18).
public struct Junction: Sendable, Hashable {
    /// Distance x from the source to the nearest junction (m). The sign does not matter.
    public var distanceMetres: Double
    /// Traffic lights or roundabout.
    public var type: JunctionType

    public init(distanceMetres: Double, type: JunctionType) {
        self.distanceMetres = distanceMetres
        self.type = type
    }

    /// max(1 - |x|/100, 0): the full correction at the junction, fading to none 100 m away.
    public var weight: Double {
        max(1 - abs(distanceMetres) / 100, 0)
    }

    /// Eq. 2.2.17: ΔL_WR,acc,m,k = C_R,m,k × max(1 - |x|/100, 0).
    func rollingCorrection(for category: VehicleCategory) -> Double {
        type.coefficients(for: category).rolling * weight
    }

    /// Eq. 2.2.18: ΔL_WP,acc,m,k = C_P,m,k × max(1 - |x|/100, 0).
    func propulsionCorrection(for category: VehicleCategory) -> Double {
        type.coefficients(for: category).propulsion * weight
    }
}
