/// Residents by noise level: the END reporting bands (Directive 2002/49/EC Annex VI) and the
/// shares above the health and legal lines of DESIGN.md section 4.2.
public struct NoiseExposure: Sendable, Equatable {
    /// A band of levels [lower, upper), upper nil for open-ended.
    public struct Band: Sendable, Equatable {
        public var lower: Double
        public var upper: Double?
        public var residents: Double

        /// "55_59", "ge_75": the suffix of the indicator names.
        public var label: String {
            guard let upper else { return "ge_\(Int(lower))" }
            return "\(Int(lower))_\(Int(upper) - 1)"
        }
    }

    public var residents: Double
    /// Residents of buildings with a level (the denominator of the shares).
    public var assessedResidents: Double
    public var ldenBands: [Band]
    public var lnightBands: [Band]
    public var residentsLdenAtLeast53: Double
    public var residentsLdenAtLeast55: Double
    public var residentsLdenAtLeast65: Double
    public var residentsLnightAtLeast45: Double
    public var residentsLdBelow65: Double

    public init(buildings: [BuildingNoise]) {
        let assessed = buildings.filter { $0.levels != nil }
        residents = buildings.reduce(0) { $0 + $1.population }
        assessedResidents = assessed.reduce(0) { $0 + $1.population }
        func count(_ predicate: (FacadeLevels) -> Bool) -> Double {
            assessed.reduce(0) { $0 + (predicate($1.levels!) ? $1.population : 0) }
        }
        func bands(_ edges: [Double], _ level: @escaping (FacadeLevels) -> Double) -> [Band] {
            edges.indices.map { i in
                let lower = edges[i], upper = i + 1 < edges.count ? edges[i + 1] : nil
                return Band(lower: lower, upper: upper, residents: count { levels in
                    let value = level(levels)
                    return value >= lower && (upper.map { value < $0 } ?? true)
                })
            }
        }
        ldenBands = bands([55, 60, 65, 70, 75], \.lden)
        lnightBands = bands([50, 55, 60, 65, 70], \.lnight)
        residentsLdenAtLeast53 = count { $0.lden >= 53 }
        residentsLdenAtLeast55 = count { $0.lden >= 55 }
        residentsLdenAtLeast65 = count { $0.lden >= 65 }
        residentsLnightAtLeast45 = count { $0.lnight >= 45 }
        residentsLdBelow65 = count { $0.day < 65 }
    }

    /// Percent of the assessed residents.
    public func percent(_ residents: Double) -> Double? {
        assessedResidents > 0 ? 100 * residents / assessedResidents : nil
    }
}
