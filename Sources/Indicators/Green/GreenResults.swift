/// Green indicators of one building's residents.
public struct BuildingGreen: Sendable, Equatable {
    public var id: String
    public var population: Double
    /// Green of at least 0.5 ha within 300 m (WHO Europe).
    public var green300m: Bool
    /// Green of at least 1 ha within 300 m.
    public var green300m1ha: Bool
    /// Distance to the nearest green of at least 0.5 ha (m), nil when there is none.
    public var nearestGreen: Double?
    /// For each of BCNecologia's proximity classes, whether it is reached.
    public var proximityReached: [Bool]
    /// How many proximity classes are reached (0 ... 4).
    public var proximityClasses: Int { proximityReached.filter { $0 }.count }
    /// Trees within 15 m of the building.
    public var treesNear: Int
    /// Canopy share of the building's neighbourhood (its cell, else the district), percent.
    public var neighbourhoodCanopy: Double
    /// All three parts of 3-30-300.
    public var meets33300: Bool
}

/// District-level green indicators.
public struct GreenSummary: Sendable, Equatable {
    public var residents: Double
    /// Dissolved green area inside the study area (cells, else the hull of the buildings), m2.
    public var greenArea: Double
    /// All dissolved green given, also outside the study area (it counts for access).
    public var greenAreaAll: Double
    public var greenParts: Int
    public var greenPartsAtLeastHalfHectare: Int
    public var greenPartsAtLeastOneHectare: Int
    public var studyArea: Double
    public var canopyPercent: Double?
    public var residentsGreen300m: Double
    public var residentsGreen300m1ha: Double
    public var residentsPerProximityClass: [Double]
    public var residentsAllProximityClasses: Double
    public var residentsTreesNear: Double
    public var residents33300: Double
    public var streetSections: Int
    public var streetSectionsWellTreed: Int
    public var access: GreenOptions.Access
    /// Which input layers were given: indicators whose layer is absent are not assessed.
    public var inputs: GreenInputs

    public var greenPerResident: Double? { residents > 0 ? greenArea / residents : nil }

    public func percent(_ part: Double) -> Double? { residents > 0 ? 100 * part / residents : nil }
}

/// Everything the green analysis computed.
public struct GreenAnalysis: Sendable {
    public var buildings: [BuildingGreen]
    public var summary: GreenSummary
}
