import CNOSSOS

/// Settings of the noise screening model; `notes` names every one that changes the numbers.
public struct NoiseOptions: Sendable {
    public var coefficientSet: CoefficientSet = .directive2021
    public var airTemperature = 20.0
    /// The 20 km/h floor on the speed in the power terms (DESIGN.md section 4.2); nil switches it off.
    public var minimumPowerSpeedKmh: Double? = 20
    public var propagation = LineSourcePropagation()
    public var receivers = FacadeReceivers()
    /// Only street pieces within this distance of a receiver are summed (m).
    public var searchRadius = 250.0
    /// Street-canyon surcharge added at every facade (dB, 0 ... 3.2); nil for none.
    public var canyonSurcharge: Double?
    public var traffic = TrafficInference()
    /// Drop paths that cross a building footprint (`BuildingScreen`); off by default, as DESIGN.md
    /// specifies the free-field screening model.
    public var screening = false
    /// With screening, pieces are cut finer (at most this fraction of their distance) so a gap
    /// between buildings is heard through and a wall is not.
    public var screeningPieceFraction = 0.1

    public init() {}

    /// The propagation actually used: finer pieces when buildings screen.
    var effectivePropagation: LineSourcePropagation {
        var propagation = self.propagation
        if screening { propagation.pieceFraction = min(propagation.pieceFraction, screeningPieceFraction) }
        return propagation
    }

    func conditions(surface: RoadSurface) -> EmissionConditions {
        EmissionConditions(coefficientSet: coefficientSet, surface: surface, airTemperature: airTemperature,
                           minimumPowerSpeedKmh: minimumPowerSpeedKmh)
    }

    /// How the levels were obtained, for every report.
    public var notes: [String] {
        var notes = [
            "Screening model, not an END-compliant noise map: CNOSSOS-EU road emission, propagation over hard ground without ground effect or diffraction"
                + (screening ? "; buildings block direct paths." : ", free field: buildings do not screen (see --screening)."),
            "Coefficients: \(coefficientSet.citation); air temperature \(airTemperature) C.",
            minimumPowerSpeedKmh.map { "Speed floor: power terms use at least \($0) km/h; the density term keeps the true speed." }
                ?? "Speed floor: off.",
            "Receivers 2 m in front of facades, \(propagation.receiverHeight) m high, incident sound; building level = its most exposed facade; sources within \(searchRadius) m.",
        ]
        if let canyonSurcharge { notes.append("Street-canyon surcharge: +\(canyonSurcharge) dB at every facade.") }
        if screening { notes.append("Screening: paths crossing a building footprint are dropped (no diffraction).") }
        return notes
    }
}
