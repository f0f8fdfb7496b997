/// Health outcomes of one building's residents (nil where the building has no noise level).
public struct BuildingHealth: Sendable, Equatable {
    public var id: String
    /// Residents highly annoyed by road traffic.
    public var highlyAnnoyed: Double?
    /// Residents highly sleep-disturbed by road traffic.
    public var highlySleepDisturbed: Double?
    /// Relative risk of ischaemic heart disease at the building's Lden.
    public var ihdRelativeRisk: Double?
}

/// Residents highly annoyed, highly sleep-disturbed, and IHD cases attributable to road-traffic
/// noise, by Annex III of Directive 2002/49/EC as replaced by (EU) 2020/367.
///
/// The Annex counts people per noise band (N = sum_j n_j AR_j; p_i the share in band i). We know
/// each building's own level, so each building is its own band: its residents at its own Lden and
/// Lnight rather than at the middle of a 5 dB band. This is the Annex's method with the narrowest
/// bands; 5 dB bands would shift each dwelling by up to 2.5 dB towards its band's middle.
/// Residents of buildings without a free facade (no level) are left out of both the counts and
/// the population P, as they are left out of the exposure shares.
public struct HealthImpact: Sendable, Equatable {
    public var buildings: [BuildingHealth]
    public var options: HealthOptions
    /// P: residents of buildings with a noise level.
    public var assessedResidents: Double
    /// nil when no resident was assessed (no levels): not assessed, never 0.
    public var residentsHighlyAnnoyed: Double?
    public var residentsHighlySleepDisturbed: Double?
    /// AF of Annex III, 2 (0 ... 1).
    public var ihdAttributableFraction: Double?
    /// N = AF x I x P, new IHD cases a year attributable to road-traffic noise.
    public var ihdCasesAttributable: Double?

    public init(buildings noise: [BuildingNoise], options: HealthOptions = HealthOptions()) {
        self.options = options
        buildings = noise.map { building in
            guard let levels = building.levels else { return BuildingHealth(id: building.id) }
            return BuildingHealth(
                id: building.id,
                highlyAnnoyed: building.population * HealthOutcomes.highlyAnnoyedPercent(lden: levels.lden) / 100,
                highlySleepDisturbed: building.population * HealthOutcomes.highlySleepDisturbedPercent(lnight: levels.lnight) / 100,
                ihdRelativeRisk: HealthOutcomes.ischaemicHeartDiseaseRelativeRisk(lden: levels.lden))
        }
        let assessed = zip(noise, buildings).filter { $0.0.levels != nil }
        let residents = assessed.reduce(0.0) { $0 + $1.0.population }
        assessedResidents = residents
        guard residents > 0 else { return }
        residentsHighlyAnnoyed = assessed.reduce(0.0) { $0 + ($1.1.highlyAnnoyed ?? 0) }
        residentsHighlySleepDisturbed = assessed.reduce(0.0) { $0 + ($1.1.highlySleepDisturbed ?? 0) }
        let fraction = HealthOutcomes.attributableFraction(assessed.map { (share: $0.0.population / residents, relativeRisk: $0.1.ihdRelativeRisk ?? 1) })
        ihdAttributableFraction = fraction
        ihdCasesAttributable = fraction * options.ihdIncidencePer100000 / 100_000 * residents
    }
}

extension BuildingHealth {
    init(id: String) {
        self.init(id: id, highlyAnnoyed: nil, highlySleepDisturbed: nil, ihdRelativeRisk: nil)
    }
}
