extension EmissionModel {
    /// L_WR,i,m: rolling (tyre/road) noise of one vehicle of `category` at `speedKmh`, per band,
    /// under `conditions`; `nil` for powered two-wheelers, which the model gives no rolling noise
    /// (eq. 2.2.3). Speeds below the power floor are raised to it.
    public func rollingNoise(_ category: VehicleCategory, speedKmh: Double) -> BandLevels? {
        let set = conditions.coefficientSet
        guard let law = set.vehicleCoefficients(for: category).rolling else { return nil }
        let v = powerSpeed(forTravelSpeed: speedKmh)
        let speedTerm = lg(v / Self.referenceSpeedKmh)
        let surface = set.surfaceCoefficients(for: conditions.surface, category: category)
        // Eq. 2.2.10, the same in every band.
        let temperature = AirTemperature.rollingCorrection(for: category, celsius: conditions.airTemperature)
        // Eq. 2.2.17, the same in every band.
        let junction = conditions.junction?.rollingCorrection(for: category) ?? 0
        return BandLevels { band in
            let i = band.index
            // Eq. 2.2.4: L_WR = A_R + B_R lg(v/v_ref) + ΔL_WR.
            var level = law.a[i] + law.b[i] * speedTerm
            // Eq. 2.2.5: ΔL_WR = ΔL_WR,road + ΔL_stud + ΔL_WR,acc + ΔL_W,temp.
            // Eq. 2.2.19: ΔL_WR,road = α_i,m + β_m lg(v/v_ref).
            level += surface.alpha[i] + surface.beta * speedTerm
            // Eqs. 2.2.6-2.2.9: studded tyres, light vehicles only.
            if category == .light, let studs = conditions.studdedTyres {
                level += studs.rollingCorrection(band, speedKmh: v)
            }
            level += junction + temperature
            return level
        }
    }
}
