extension EmissionModel {
    /// L_WP,i,m: propulsion (engine, exhaust, gears, intake) noise of one vehicle of `category`
    /// at `speedKmh`, per band, under `conditions`, travelling in the direction in which
    /// `conditions.gradientPercent` is measured. Speeds below the power floor are raised to it.
    public func propulsionNoise(_ category: VehicleCategory, speedKmh: Double) -> BandLevels {
        propulsionNoise(category, speedKmh: speedKmh, gradientPercent: conditions.gradientPercent)
    }

    func propulsionNoise(_ category: VehicleCategory, speedKmh: Double, gradientPercent: Double) -> BandLevels {
        let set = conditions.coefficientSet
        let law = set.vehicleCoefficients(for: category).propulsion
        let v = powerSpeed(forTravelSpeed: speedKmh)
        let speedTerm = (v - Self.referenceSpeedKmh) / Self.referenceSpeedKmh
        let surface = set.surfaceCoefficients(for: conditions.surface, category: category)
        // Eqs. 2.2.13-2.2.16 and 2.2.18, the same in every band.
        let gradient = Gradient.propulsionCorrection(for: category, percent: gradientPercent, speedKmh: v)
        let junction = conditions.junction?.propulsionCorrection(for: category) ?? 0
        return BandLevels { band in
            let i = band.index
            // Eq. 2.2.11: L_WP = A_P + B_P (v - v_ref)/v_ref + ΔL_WP.
            // Eq. 2.2.12: ΔL_WP = ΔL_WP,road + ΔL_WP,grad + ΔL_WP,acc.
            // Eq. 2.2.20: ΔL_WP,road = min(α_i,m, 0): an absorbing surface quietens the engine,
            // a rough one does not make it louder.
            return law.a[i] + law.b[i] * speedTerm + min(surface.alpha[i], 0) + gradient + junction
        }
    }
}
