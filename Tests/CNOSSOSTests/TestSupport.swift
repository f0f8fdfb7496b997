import CNOSSOS

/// A model under the reference conditions of Table F-1 with one setting changed.
func model(
    _ set: CoefficientSet = .directive2021,
    surface: RoadSurface = .reference,
    temperature: Double = 20,
    studs: StuddedTyres? = nil,
    gradient: Double = 0,
    twoWay: Bool = false,
    junction: Junction? = nil,
    floor: Double? = 20
) -> EmissionModel {
    EmissionModel(EmissionConditions(
        coefficientSet: set, surface: surface, airTemperature: temperature, studdedTyres: studs,
        gradientPercent: gradient, twoWay: twoWay, junction: junction, minimumPowerSpeedKmh: floor))
}

/// Band-by-band difference a - b.
func difference(_ a: BandLevels, _ b: BandLevels) -> [Double] {
    OctaveBand.allCases.map { a[$0] - b[$0] }
}

/// Whether every value is within `tolerance` of `expected`.
func allClose(_ values: [Double], to expected: Double, within tolerance: Double = 1e-9) -> Bool {
    values.allSatisfy { abs($0 - expected) <= tolerance }
}

func isClose(_ a: Double, _ b: Double, within tolerance: Double) -> Bool {
    abs(a - b) <= tolerance
}
