/// Vehicle categories of Annex II 2.2.1, Table [2.2.a].
///
/// Categories 1-3 make rolling and propulsion noise; the powered two-wheelers (4a, 4b) are
/// modelled by propulsion noise only (eq. 2.2.3).
public enum VehicleCategory: String, CaseIterable, Sendable {
    /// 1: passenger cars, delivery vans up to 3.5 t, SUVs, MPVs, with trailers and caravans.
    case light = "1"
    /// 2: medium heavy vehicles over 3.5 t, buses, motorhomes, with two axles and twin rear tyres.
    case medium = "2"
    /// 3: heavy duty vehicles, touring cars and buses with three or more axles.
    case heavy = "3"
    /// 4a: two-, three- and four-wheel mopeds (up to 50 cc).
    case moped = "4a"
    /// 4b: motorcycles, tricycles and quads over 50 cc.
    case motorcycle = "4b"

    /// Plain-English name, as used in traffic keys such as `traffic:day:light`.
    public var name: String {
        switch self {
        case .light: "light"
        case .medium: "medium"
        case .heavy: "heavy"
        case .moped: "moped"
        case .motorcycle: "motorcycle"
        }
    }

    /// The category called `name` ("light", "medium", "heavy", "moped", "motorcycle").
    public init?(name: String) {
        guard let category = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = category
    }

    /// Whether the category has a rolling-noise term (categories 1-3; eq. 2.2.3).
    public var hasRollingNoise: Bool {
        switch self {
        case .light, .medium, .heavy: true
        case .moped, .motorcycle: false
        }
    }
}
