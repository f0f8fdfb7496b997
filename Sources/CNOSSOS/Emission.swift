/// The emission of a road: the sound power per metre L'_W of each vehicle category's traffic,
/// and of all of it together.
public struct Emission: Sendable, Hashable {
    /// L'_W,i,m per category, dB per metre, for the categories that were given.
    public let perCategory: [VehicleCategory: BandLevels]

    public init(perCategory: [VehicleCategory: BandLevels]) {
        self.perCategory = perCategory
    }

    /// L'_W,i: energetic sum over the categories, per band (silent if there is no traffic).
    public var total: BandLevels {
        BandLevels.energeticSum(VehicleCategory.allCases.compactMap { perCategory[$0] })
    }

    /// L'_WA: A-weighted sum over bands and categories, dB(A) per metre.
    public var totalA: Double {
        total.totalA
    }
}
