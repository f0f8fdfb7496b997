import DistrictModel

/// Square metres of street per category, for one street, one cell or the district.
public struct SpaceAreas: Sendable, Equatable {
    public private(set) var values: [SpaceCategory: Double] = [:]

    public init(_ values: [SpaceCategory: Double] = [:]) {
        self.values = values
    }

    public subscript(category: SpaceCategory) -> Double {
        get { values[category] ?? 0 }
        set { values[category] = newValue }
    }

    /// All street space.
    public var total: Double { SpaceCategory.allCases.reduce(0) { $0 + self[$1] } }

    /// Space for motor vehicles, moving or parked.
    public var vehicle: Double { self[.traffic] + self[.parking] }

    /// Pedestrian plus shared space over all street space, in percent (nil for no street).
    public var pedestrianSharePercent: Double? {
        let total = self.total
        guard total > 0 else { return nil }
        return 100 * (self[.pedestrian] + self[.shared]) / total
    }

    /// Share of one category in percent.
    public func percent(_ category: SpaceCategory) -> Double? {
        let total = self.total
        return total > 0 ? 100 * self[category] / total : nil
    }

    public static func + (lhs: SpaceAreas, rhs: SpaceAreas) -> SpaceAreas {
        var sum = lhs
        for (category, value) in rhs.values { sum[category] += value }
        return sum
    }

    public static func += (lhs: inout SpaceAreas, rhs: SpaceAreas) { lhs = lhs + rhs }
}
