import CNOSSOS

/// Traffic assumed when a street carries no counts, and how a daily flow is split into periods.
/// Every street using these is flagged in the outputs (`traffic_source` = `aadt` or `default`).
///
/// | value | default | source |
/// |---|---|---|
/// | share of daily traffic in the day (12 h) | 72 % | assumption: a typical urban weekday profile, 6.0 % of the day's traffic an hour |
/// | evening (4 h) | 18 % | same profile, 4.5 % an hour |
/// | night (8 h) | 10 % | same profile, 1.25 % an hour |
/// | heavy share when not given | 5 % | assumption for urban streets |
/// | daily flow by class (vehicles/day) | primary 25,000; secondary 15,000; tertiary 8,000; unclassified 2,000; residential 1,500; service 300; living street 100 | assumptions, of the order of Barcelona's Eixample counts for the main classes |
/// | speed when `maxspeed` is missing | primary and secondary 50; tertiary 40; residential and unclassified 30; service 20; living street 10 km/h | Spanish urban limits (Real Decreto 970/2020: 50 / 30 / 20 km/h), living street 10 km/h as the Superilla interiors |
/// | heavy-vehicle speed | the light speed, at most 50 km/h | assumption |
public struct TrafficDefaults: Sendable, Equatable {
    public var periodShares = PerPeriod(day: 0.72, evening: 0.18, night: 0.10)
    public var heavyShare = 0.05
    public var dailyFlowByClass: [String: Double] = [
        "motorway": 60_000, "trunk": 40_000, "primary": 25_000, "secondary": 15_000, "tertiary": 8_000,
        "unclassified": 2_000, "residential": 1_500, "service": 300, "living_street": 100,
    ]
    public var speedByClass: [String: Double] = [
        "motorway": 80, "trunk": 80, "primary": 50, "secondary": 50, "tertiary": 40,
        "unclassified": 30, "residential": 30, "service": 20, "living_street": 10,
    ]
    public var maximumHeavySpeed = 50.0

    public init() {}

    func dailyFlow(for highway: String) -> Double? {
        dailyFlowByClass[highway.replacingOccurrences(of: "_link", with: "")]
    }

    func speed(for highway: String) -> Double {
        speedByClass[highway.replacingOccurrences(of: "_link", with: "")] ?? 30
    }
}
