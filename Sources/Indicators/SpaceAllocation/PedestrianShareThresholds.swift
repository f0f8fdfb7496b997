/// Targets for the pedestrian share of street space. BCNecologia's superblock model asks for at
/// least 60 % and aims at 75 % (DESIGN.md section 4.1); both can be set.
public struct PedestrianShareThresholds: Sendable, Equatable {
    public var minimumPercent: Double
    public var desirablePercent: Double

    public init(minimumPercent: Double = 60, desirablePercent: Double = 75) {
        self.minimumPercent = minimumPercent
        self.desirablePercent = desirablePercent
    }

    public static let bcnEcologia = PedestrianShareThresholds()

    /// How a share compares with the targets.
    public enum Rating: String, Sendable {
        case belowMinimum = "below minimum"
        case minimum = "meets minimum"
        case desirable = "meets desirable"
    }

    public func rating(ofPercent share: Double) -> Rating {
        if share >= desirablePercent { return .desirable }
        if share >= minimumPercent { return .minimum }
        return .belowMinimum
    }
}
