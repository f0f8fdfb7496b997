import DistrictModel

/// The features the tables report on: every feature but those of the context margin
/// (`superblock:context=yes`, written by `superblock extract`).
///
/// The analyses run on the whole district, margin included, so that the margin's streets are heard,
/// its parks reached and its street space resolved against; then each result is cut down to the
/// reported features, and every district total is summed again over them alone.
public struct ReportedScope: Sendable {
    /// Per position in `District.streets`, `.buildings`, `.vacantLots`: reported or context.
    public let streets: [Bool]
    public let buildings: [Bool]
    public let vacantLots: [Bool]
    /// How many features of the district are context.
    public let contextCount: Int

    public init(_ district: District) {
        streets = district.streets.map { !$0.isContext }
        buildings = district.buildings.map { !$0.isContext }
        vacantLots = district.vacantLots.map { !$0.isContext }
        contextCount = district.features.filter(\.isContext).count
    }

    /// Whether anything is left out at all.
    public var hasContext: Bool { contextCount > 0 }

    /// The district without its context features (problems, notes and CRS as they were).
    public func district(_ district: District) -> District {
        var reported = district
        reported.features = district.features.filter { !$0.isContext }
        return reported
    }

    /// The residents of the reported buildings, in their order.
    public func population(_ population: [BuildingPopulation]) -> [BuildingPopulation] {
        Self.keep(population, buildings)
    }

    /// The reported vacant lots, ranked again among themselves (1 = highest priority). Their scores
    /// stay as computed: each criterion was scaled by its largest value over all lots read.
    public func lots(_ lots: [LotIndicators]) -> [LotIndicators] {
        var kept = Self.keep(lots, vacantLots)
        let order = kept.indices.sorted { kept[$0].priorityRank < kept[$1].priorityRank }
        for (rank, index) in order.enumerated() { kept[index].priorityRank = rank + 1 }
        return kept
    }

    /// The elements whose flag is set; elements beyond the flags (none, when aligned) are kept.
    static func keep<T>(_ values: [T], _ flags: [Bool]) -> [T] {
        values.enumerated().filter { $0.offset >= flags.count || flags[$0.offset] }.map(\.element)
    }
}
