import DistrictModel
import Foundation
import GeometryEngine

/// Regeneration indicators of one vacant lot (DESIGN.md section 4.4; evidence: Branas et al.
/// 2018, PNAS 115(12), greening vacant lots in Philadelphia).
public struct LotIndicators: Sendable, Equatable {
    public var id: String
    public var area: Double
    /// 4 pi A / P^2: 1 for a circle, small for slivers.
    public var compactness: Double
    /// Under 200 m2: too small to be much of a park (flagged, still scored).
    public var isSliver: Bool
    public var residents300m: Double
    /// Residents without green of at least 0.5 ha within 300 m today who would have it if the lot
    /// (merged with any green it touches) became green.
    public var newlyServedResidents: Double
    /// Distance to the nearest green of any size, nil when there is none.
    public var nearestGreen: Double?
    public var lden: Double?
    public var priorityScore: Double
    public var priorityRank: Int
}

public struct LotAnalyzer: Sendable {
    public var weights: LotWeights
    public var green: GreenOptions
    public static let sliverArea = 200.0

    public init(weights: LotWeights = LotWeights(), green: GreenOptions = GreenOptions()) {
        self.weights = weights
        self.green = green
    }

    /// - Parameters:
    ///   - greenToday: the green analysis of the district as it is (who is served today).
    ///   - noise: levels at each lot's interior point, in lot order, when the noise model ran.
    public func analyse(_ district: District, population: [BuildingPopulation], greenToday: GreenAnalysis,
                        noise: [FacadeLevels]? = nil) throws(GeometryError) -> [LotIndicators] {
        let context = GeometryContext()
        let lots = district.vacantLots
        guard !lots.isEmpty else { return [] }
        let buildings = try district.buildings.map { b throws(GeometryError) in try context.geometry(of: b) }
        let buildingIndex = buildings.isEmpty ? nil : try SpatialIndex(buildings)
        let greens = try GreenSpaces(district.greens, context: context)
        let anyGreen = try greens.atLeast(0)
        let people = { (i: Int) in i < population.count ? population[i].population : 0 }

        func residents(within distance: Double, of geometry: Geometry, where include: (Int) -> Bool = { _ in true }) -> Double {
            guard let buildingIndex, let box = geometry.envelope else { return 0 }
            return buildingIndex.query(box.expanded(by: distance)).reduce(0.0) { total, i in
                include(i) && buildings[i].isWithinDistance(distance, of: geometry) ? total + people(i) : total
            }
        }

        var rows: [LotIndicators] = []
        for (index, lot) in lots.enumerated() {
            let geometry = try context.geometry(of: lot)
            let area = geometry.area, perimeter = geometry.length
            // The lot as green, dissolved with the green it touches: its park size decides the WHO
            // rule. Only the touching parts of the already dissolved green are merged in.
            let touching = anyGreen.touching(geometry)
            let park = touching.isEmpty ? geometry : try Geometry.union(of: [geometry] + touching, in: context)
            var newlyServed = 0.0
            if park.area >= green.minimumArea {
                newlyServed = residents(within: green.accessDistance, of: park) { !greenToday.buildings[$0].green300m }
            }
            rows.append(LotIndicators(
                id: lot.id, area: area, compactness: perimeter > 0 ? 4 * .pi * area / (perimeter * perimeter) : 0,
                isSliver: area < Self.sliverArea, residents300m: residents(within: green.accessDistance, of: geometry),
                newlyServedResidents: newlyServed, nearestGreen: try anyGreen.nearestDistance(to: geometry),
                lden: noise.map { $0[index].lden }.flatMap { $0.isFinite ? $0 : nil }, priorityScore: 0, priorityRank: 0))
        }
        return Self.score(rows, weights: weights)
    }

    /// The weighted score and rank (1 = highest priority; ties keep input order).
    static func score(_ lots: [LotIndicators], weights: LotWeights) -> [LotIndicators] {
        func scaled(_ values: [Double?]) -> [Double] {
            let largest = values.compactMap { $0 }.max() ?? 0
            return values.map { value in largest > 0 ? (value ?? largest) / largest : 0 }
        }
        let newly = scaled(lots.map(\.newlyServedResidents)), residents = scaled(lots.map(\.residents300m))
        // No green at all: every lot fills a gap completely.
        let gap = lots.allSatisfy { $0.nearestGreen == nil } ? lots.map { _ in 1.0 } : scaled(lots.map(\.nearestGreen))
        let levels = lots.compactMap(\.lden)
        let quiet: [Double] = lots.map { lot in
            guard let level = lot.lden, let loudest = levels.max(), let quietest = levels.min(), loudest > quietest else { return 0 }
            return (loudest - level) / (loudest - quietest)
        }
        var scored = lots
        for i in scored.indices {
            let sum = weights.newlyServed * newly[i] + weights.residents * residents[i] + weights.greenGap * gap[i] + weights.quiet * quiet[i]
            scored[i].priorityScore = 100 * sum / weights.total
        }
        let order = scored.indices.sorted { scored[$0].priorityScore > scored[$1].priorityScore || (scored[$0].priorityScore == scored[$1].priorityScore && $0 < $1) }
        for (rank, i) in order.enumerated() { scored[i].priorityRank = rank + 1 }
        return scored
    }
}

extension LotAnalyzer {
    /// A point inside each lot (flat x, y, in lot order), where its noise level is taken.
    public static func interiorPoints(of district: District) throws(GeometryError) -> [Double] {
        let context = GeometryContext()
        var points: [Double] = []
        for lot in district.vacantLots {
            points += try context.geometry(of: lot).pointOnSurface().coordinates
        }
        return points
    }
}
