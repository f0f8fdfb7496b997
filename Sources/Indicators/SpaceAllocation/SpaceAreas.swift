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

    /// Space for people on foot: pedestrian plus shared (the pedestrian share's numerator).
    public var people: Double { self[.pedestrian] + self[.shared] }

    /// Below this total a share is not worth reading: a short street whose whole area lies in its
    /// junctions keeps only floating-point residue of the overlays, and its share swung between 0
    /// and 100 % with the order of those overlays. The square decimetre under which a junction's
    /// piece is a sliver (`JunctionShape.minimumPieceArea`).
    public static let smallestSharedArea = JunctionShape.minimumPieceArea

    /// Pedestrian plus shared space over all street space, in percent (nil for no street, or
    /// less than `smallestSharedArea` of it).
    public var pedestrianSharePercent: Double? {
        let total = self.total
        guard total >= Self.smallestSharedArea else { return nil }
        return 100 * people / total
    }

    /// Share of one category in percent.
    public func percent(_ category: SpaceCategory) -> Double? {
        let total = self.total
        return total >= Self.smallestSharedArea ? 100 * self[category] / total : nil
    }

    public static func + (lhs: SpaceAreas, rhs: SpaceAreas) -> SpaceAreas {
        var sum = lhs
        for (category, value) in rhs.values { sum[category] += value }
        return sum
    }

    public static func += (lhs: inout SpaceAreas, rhs: SpaceAreas) { lhs = lhs + rhs }
}
