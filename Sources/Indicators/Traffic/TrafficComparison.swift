import Foundation
import CNOSSOS
import DistrictModel
import GeometryEngine

/// What a layout change does to traffic: each street's daily flow before and after, the
/// interior and perimeter streets of the cells, and car travel between every pair of nodes
/// (`TravelImpact`).
public struct TrafficComparison: Sendable {
    public enum Role: String, Sendable { case interior, perimeter, other }

    public struct Street: Sendable {
        /// Indices into the before and after districts' streets.
        public var before: Int?
        public var after: Int?
        public var role: Role
        /// Vehicles a day from the traffic each layout's noise model used.
        public var dailyBefore: Double?
        public var dailyAfter: Double?
        /// The network model's flow before (`traffic:modelled`), when the model ran.
        public var modelledBefore: Double?
        public var lwDayBefore: Double?
        public var lwDayAfter: Double?
        public var length: Double
    }

    /// Length-weighted means over a group of streets (interior or perimeter).
    public struct Group: Sendable, Equatable {
        public var streets: Int
        public var length: Double
        /// Vehicles a day, length-weighted.
        public var dailyBefore: Double
        public var dailyAfter: Double
        /// Sound power per metre in the day, energetic mean over the length (dB(A)/m).
        public var lwDayBefore: Double?
        public var lwDayAfter: Double?
    }

    public var streets: [Street]
    public var interior: Group
    public var perimeter: Group
    public var travel: TravelImpact

    /// - Parameters:
    ///   - comparison: the two layouts analysed (their noise streets carry the traffic used).
    ///   - cells: the cells both were measured with (interior and perimeter streets are found in the after layout).
    public init(_ comparison: LayoutComparison, cells: [SuperblockCell], graphOptions: RoadGraph.Options = RoadGraph.Options(),
                travel analysis: TravelImpactAnalysis = TravelImpactAnalysis()) {
        let before = comparison.before, after = comparison.after
        var role: [Int: Role] = [:]
        for cell in cells {
            for index in cell.perimeterStreets where role[index] == nil { role[index] = .perimeter }
            for index in cell.interiorStreets { role[index] = .interior }
        }
        func length(_ feature: DistrictFeature) -> Double {
            guard case .lineString(let xy) = feature.geometry else { return 0 }
            var total = 0.0
            var index = 2
            while index + 1 < xy.count {
                total += ((xy[index] - xy[index - 2]) * (xy[index] - xy[index - 2]) + (xy[index + 1] - xy[index - 1]) * (xy[index + 1] - xy[index - 1])).squareRoot()
                index += 2
            }
            return total
        }
        let streets = comparison.matches.map { match in
            let old = match.before.map { before.noise.streets[$0] }, new = match.after.map { after.noise.streets[$0] }
            let feature = match.after.map { after.district.streets[$0] } ?? match.before.map { before.district.streets[$0] }
            return Street(before: match.before, after: match.after, role: match.after.flatMap { role[$0] } ?? .other,
                          dailyBefore: old?.vehiclesPerDay, dailyAfter: new?.vehiclesPerDay,
                          modelledBefore: match.before.flatMap { before.district.streets[$0].attributes.number(modelledFlowKey) },
                          lwDayBefore: old?.lwA(.day), lwDayAfter: new?.lwA(.day), length: feature.map(length) ?? 0)
        }
        self.streets = streets
        func group(_ wanted: Role) -> Group {
            let members = streets.filter { $0.role == wanted && $0.before != nil && $0.after != nil }
            let total = members.reduce(0) { $0 + $1.length }
            func mean(_ value: (Street) -> Double?) -> Double {
                total > 0 ? members.reduce(0) { $0 + (value($1) ?? 0) * $1.length } / total : 0
            }
            func energetic(_ value: (Street) -> Double?) -> Double? {
                let sum = members.reduce(0.0) { $0 + (value($1).map { pow10($0 / 10) } ?? 0) * $1.length }
                return total > 0 && sum > 0 ? 10 * log10(sum / total) : nil
            }
            return Group(streets: members.count, length: total, dailyBefore: mean(\.dailyBefore), dailyAfter: mean(\.dailyAfter),
                         lwDayBefore: energetic(\.lwDayBefore), lwDayAfter: energetic(\.lwDayAfter))
        }
        interior = group(.interior)
        perimeter = group(.perimeter)
        let graphBefore = RoadGraph(streets: before.district.streets, options: graphOptions)
        let graphAfter = RoadGraph(streets: after.district.streets, options: graphOptions)
        // A cell's nodes: those of its interior streets in the after layout, found in the before graph by position.
        let indexed = graphBefore.indexed()
        let cellNodes = cells.map { cell -> (id: String, nodes: [Int]) in
            let nodes = graphAfter.nodes(ofStreets: Set(cell.interiorStreets)).compactMap { indexed.node(atX: graphAfter.nodeX[$0], y: graphAfter.nodeY[$0]) }
            return (cell.id, nodes)
        }
        travel = analysis.measure(before: graphBefore, after: graphAfter, cells: cellNodes)
    }
}

private func pow10(_ x: Double) -> Double { Foundation.pow(10, x) }
