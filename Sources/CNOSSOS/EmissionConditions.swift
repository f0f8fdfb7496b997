/// Everything about a road, apart from its traffic, that changes its emission.
///
/// The defaults are the reference conditions of Table F-1 (reference surface, 20 °C, flat, no
/// junction, no studded tyres) with the 2021/1226 coefficients and the 20 km/h power floor.
public struct EmissionConditions: Sendable, Hashable {
    /// Which printing of Tables F-1 and F-4 to use.
    public var coefficientSet: CoefficientSet
    /// Road surface (Table F-4).
    public var surface: RoadSurface
    /// Yearly average air temperature τ, °C (eq. 2.2.10).
    public var airTemperature: Double
    /// Studded-tyre use by light vehicles, if any (eqs. 2.2.6-2.2.9).
    public var studdedTyres: StuddedTyres?
    /// Road gradient s in %, positive uphill in the direction of travel (eqs. 2.2.13-2.2.16).
    public var gradientPercent: Double
    /// Whether the flows run both ways. With a gradient, half of each flow then climbs and half
    /// descends, as Annex II 2.2.4 requires for bi-directional flows.
    public var twoWay: Bool
    /// The nearest junction, if within reach (eqs. 2.2.17, 2.2.18).
    public var junction: Junction?
    /// Speeds below this are raised to it in the sound power of a vehicle (rolling, propulsion
    /// and every speed-dependent correction), while the density term 10 lg(Q/(1000 v)) keeps the
    /// true speed. `nil` switches the floor off.
    ///
    /// Why: the Table F-1 laws are fitted for 20-130 km/h and extrapolate to implausibly quiet
    /// vehicles below that; Annex II 2.2.1 gives a vehicle under 20 km/h the sound power of the
    /// formula at 20 km/h. Superblock interiors run at 10 km/h, so the superblock toolkit holds
    /// the power at its 20 km/h value but still counts the denser queue of slow vehicles in the
    /// density term (DESIGN.md 4.2; NoiseModelling instead raises the speed in both terms).
    /// Outputs must name this option when it is on (`summary` does).
    public var minimumPowerSpeedKmh: Double?

    public init(
        coefficientSet: CoefficientSet = .default,
        surface: RoadSurface = .reference,
        airTemperature: Double = 20,
        studdedTyres: StuddedTyres? = nil,
        gradientPercent: Double = 0,
        twoWay: Bool = false,
        junction: Junction? = nil,
        minimumPowerSpeedKmh: Double? = 20
    ) {
        self.coefficientSet = coefficientSet
        self.surface = surface
        self.airTemperature = airTemperature
        self.studdedTyres = studdedTyres
        self.gradientPercent = gradientPercent
        self.twoWay = twoWay
        self.junction = junction
        self.minimumPowerSpeedKmh = minimumPowerSpeedKmh
    }

    /// One line per setting, in words, for reports that must say how a number was obtained.
    public var summary: [String] {
        var lines = [
            "CNOSSOS-EU road emission, coefficients: \(coefficientSet.citation)",
            "road surface: \(surface)",
            "air temperature: \(Self.number(airTemperature)) °C",
        ]
        if let studs = studdedTyres {
            lines.append("studded tyres: \(Self.number(studs.share * 100)) % of light vehicles, \(Self.number(studs.monthsPerYear)) months a year")
        }
        if gradientPercent != 0 {
            lines.append("gradient: \(Self.number(gradientPercent)) %" + (twoWay ? ", traffic both ways (half uphill, half downhill)" : " in the direction of travel"))
        }
        if let junction {
            let kind = junction.type == .trafficLights ? "traffic lights" : "roundabout"
            lines.append("junction: \(kind) at \(Self.number(junction.distanceMetres)) m")
        }
        if let floor = minimumPowerSpeedKmh {
            lines.append("speed floor: vehicle sound power held at its \(Self.number(floor)) km/h value below \(Self.number(floor)) km/h (density term keeps the true speed)")
        } else {
            lines.append("speed floor: off")
        }
        return lines
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
