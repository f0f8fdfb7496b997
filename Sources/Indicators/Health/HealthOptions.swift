/// Settings of the health-outcome estimate (`--ihd-incidence`).
public struct HealthOptions: Sendable, Equatable {
    /// Default IHD incidence, new cases per 100,000 people a year: the crude worldwide rate of the
    /// Global Burden of Disease study 2017, 10.6 million new cases in 2017 over a world population
    /// of about 7.55 billion (140 per 100,000). A placeholder for the local rate, which the
    /// Directive's N = AF x I x P asks for: pass the area's own rate (e.g. from the GBD Results Tool
    /// or the regional health register) with `--ihd-incidence`.
    public static let defaultIHDIncidencePer100000 = 140.0

    /// New IHD cases per 100,000 people a year in the area (I of Annex III, 2).
    public var ihdIncidencePer100000 = defaultIHDIncidencePer100000

    public init(ihdIncidencePer100000: Double = defaultIHDIncidencePer100000) {
        self.ihdIncidencePer100000 = ihdIncidencePer100000
    }
}
