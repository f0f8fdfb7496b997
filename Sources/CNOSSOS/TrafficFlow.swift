/// The traffic of one vehicle category on a road, for one period: the yearly average hourly flow
/// Q_m and the average speed v_m (Annex II 2.2.2).
public struct TrafficFlow: Sendable, Hashable {
    /// Q_m, vehicles per hour.
    public var vehiclesPerHour: Double
    /// v_m, km/h.
    public var speedKmh: Double

    public init(vehiclesPerHour: Double, speedKmh: Double) {
        self.vehiclesPerHour = vehiclesPerHour
        self.speedKmh = speedKmh
    }

    /// Vehicles per metre of road, Q/(1000 v): what turns the power of one vehicle into the power
    /// of a line source per metre (eq. 2.2.1).
    public var vehiclesPerMetre: Double {
        vehiclesPerHour / (1000 * speedKmh)
    }
}
