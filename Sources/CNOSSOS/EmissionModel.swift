/// The CNOSSOS-EU road traffic emission model (Directive 2002/49/EC Annex II 2.2, as amended by
/// Directives (EU) 2015/996 and 2021/1226), for one road under fixed conditions.
///
/// It gives, per vehicle category and octave band, the rolling noise L_WR, the propulsion noise
/// L_WP and the sound power of one vehicle L_W, and the sound power per metre of the traffic
/// line source L'_W (eq. 2.2.1), which is what propagation needs.
public struct EmissionModel: Sendable {
    /// v_ref of Annex II 2.2: the speed Table F-1 is given for, km/h.
    public static let referenceSpeedKmh = 70.0

    public var conditions: EmissionConditions

    public init(_ conditions: EmissionConditions = EmissionConditions()) {
        self.conditions = conditions
    }

    /// The speed used in the sound power of a vehicle travelling at `speedKmh`: raised to
    /// `conditions.minimumPowerSpeedKmh` when the floor is on.
    public func powerSpeed(forTravelSpeed speedKmh: Double) -> Double {
        guard let floor = conditions.minimumPowerSpeedKmh else { return speedKmh }
        return max(speedKmh, floor)
    }

    /// L_W,i,m: sound power of one vehicle of `category` at `speedKmh`, per band (eqs. 2.2.2 and
    /// 2.2.3), travelling in the direction in which `conditions.gradientPercent` is measured.
    public func vehicleSoundPower(_ category: VehicleCategory, speedKmh: Double) -> BandLevels {
        vehicleSoundPower(category, speedKmh: speedKmh, gradientPercent: conditions.gradientPercent)
    }

    func vehicleSoundPower(_ category: VehicleCategory, speedKmh: Double, gradientPercent: Double) -> BandLevels {
        let propulsion = propulsionNoise(category, speedKmh: speedKmh, gradientPercent: gradientPercent)
        guard let rolling = rollingNoise(category, speedKmh: speedKmh) else {
            // Eq. 2.2.3: powered two-wheelers, L_W = L_WP.
            return propulsion
        }
        // Eq. 2.2.2: L_W = 10 lg(10^(L_WR/10) + 10^(L_WP/10)).
        return BandLevels.energeticSum([rolling, propulsion])
    }

    /// L'_W,i,m: sound power per metre of the line source made by `flow` vehicles of `category`
    /// (eq. 2.2.1): L_W + 10 lg(Q/(1000 v)), with the true speed in the density term.
    ///
    /// With `conditions.twoWay` and a gradient, half the flow climbs and half descends:
    /// 10 lg(½ 10^(L_W(+s)/10) + ½ 10^(L_W(-s)/10)) + 10 lg(Q/(1000 v)).
    /// An empty flow is silent. Traps if a non-empty flow has a speed of 0 km/h or less.
    public func linePower(_ category: VehicleCategory, flow: TrafficFlow) -> BandLevels {
        guard flow.hasVehicles else { return .silent }
        precondition(flow.speedKmh > 0, "a traffic flow needs a positive speed, got \(flow.speedKmh) km/h")
        let density = Decibel.tenLog(flow.vehiclesPerMetre)
        let slope = conditions.gradientPercent
        guard conditions.twoWay, slope != 0 else {
            return vehicleSoundPower(category, speedKmh: flow.speedKmh, gradientPercent: slope) + density
        }
        let uphill = vehicleSoundPower(category, speedKmh: flow.speedKmh, gradientPercent: slope)
        let downhill = vehicleSoundPower(category, speedKmh: flow.speedKmh, gradientPercent: -slope)
        let average = BandLevels { Decibel.energeticMean([uphill[$0], downhill[$0]]) }
        return average + density
    }

    /// The emission of a road carrying `traffic`: L'_W per category and their energetic sum.
    /// Categories absent from `traffic` carry no vehicles.
    public func emission(_ traffic: [VehicleCategory: TrafficFlow]) -> Emission {
        var perCategory: [VehicleCategory: BandLevels] = [:]
        for (category, flow) in traffic {
            perCategory[category] = linePower(category, flow: flow)
        }
        return Emission(perCategory: perCategory)
    }
}

extension TrafficFlow {
    /// Whether any vehicle passes (Q > 0); an empty flow contributes nothing.
    var hasVehicles: Bool { vehiclesPerHour > 0 }
}
