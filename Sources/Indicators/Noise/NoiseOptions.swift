import CNOSSOS

/// How sound travels from the streets to the receivers.
public enum PropagationMethod: String, Sendable, CaseIterable {
    /// CNOSSOS-EU point-to-point propagation (Annex II 2.5): ground effect, diffraction over the
    /// buildings, reflections on facades, homogeneous and favourable conditions.
    case cnossos
    /// The screening model: hard ground, no diffraction, buildings transparent unless `screening`.
    case freeField = "free-field"
}

/// Settings of the noise model; `notes` names every one that changes the numbers.
public struct NoiseOptions: Sendable {
    public var method: PropagationMethod = .cnossos
    /// Orders of facade reflections in the CNOSSOS model (0, 1 or 2).
    public var reflectionOrder = 1
    /// Also lateral paths round the buildings a blocked direct path crosses (CNOSSOS model).
    public var lateralDiffraction = false
    /// CNOSSOS model: the paths over roofs and by reflection whose estimated energies, together,
    /// cannot lower a receiver's level by more than this are not evaluated (dB; `PathBudget`);
    /// 0 evaluates every path.
    public var maxError = 0.1
    /// G where no green area (or `g` property) says otherwise: urban ground is hard.
    public var groundG = 0.0
    /// The occurrence p of favourable propagation conditions per period (eq. 2.5.11).
    public var favourable = PerPeriod(day: 0.5, evening: 0.5, night: 0.5)
    /// Relative humidity for the atmospheric absorption of the CNOSSOS model, %.
    public var humidity = 70.0
    /// Height of a building with neither `height` nor `building:levels`; nil: the median height of
    /// the district's buildings that have one, else 10 m.
    public var buildingHeight: Double?
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
        let model: String
        switch method {
        case .cnossos:
            model = "Noise model: CNOSSOS-EU (Directive 2002/49/EC Annex II 2.2 emission, 2.5 propagation): ground effect (G \(groundG) outside green areas), "
                + "diffraction over buildings, \(["no reflections", "first-order facade reflections", "facade reflections up to the second order"][min(max(reflectionOrder, 0), 2)]), "
                + "favourable conditions p = \(favourable.day) / \(favourable.evening) / \(favourable.night) (day / evening / night); "
                + "flat terrain; "
                + (maxError > 0 ? "paths over roofs and by reflection skipped where all those skipped lower a level by at most \(maxError) dB (--max-error); " : "every path evaluated (--max-error 0); ")
                + (lateralDiffraction ? "lateral diffraction round the buildings a path crosses." : "no lateral diffraction round buildings (--lateral-diffraction).")
        case .freeField:
            model = "Noise model: free field (screening model, not an END-compliant noise map): CNOSSOS-EU road emission, propagation over hard ground without ground effect or diffraction"
                + (screening ? "; buildings block direct paths." : ", buildings do not screen (see --screening).")
        }
        var notes = [
            model,
            "Coefficients: \(coefficientSet.citation); air temperature \(airTemperature) C.",
            minimumPowerSpeedKmh.map { "Speed floor: power terms use at least \($0) km/h; the density term keeps the true speed." }
                ?? "Speed floor: off.",
            "Receivers 2 m in front of facades, \(propagation.receiverHeight) m high, incident sound; building level = its most exposed facade"
                + (method == .cnossos ? " (CNOSSOS-EU at the \(NoiseModel.exposedCandidates) receivers the free-field model finds loudest)" : "") + "; sources within \(searchRadius) m.",
        ]
        if let canyonSurcharge { notes.append("Street-canyon surcharge: +\(canyonSurcharge) dB at every facade.") }
        if screening && method == .freeField { notes.append("Screening: paths crossing a building footprint are dropped (no diffraction).") }
        if screening && method == .cnossos { notes.append("--screening has no effect with CNOSSOS-EU propagation: buildings always screen (with diffraction).") }
        return notes
    }
}
