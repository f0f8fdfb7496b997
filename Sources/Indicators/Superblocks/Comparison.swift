import DistrictModel
import Foundation
import GeometryEngine
import Synchronization

/// Everything `analyze` computes for one layout.
public struct LayoutAnalysis: Sendable {
    public var district: District
    public var space: SpaceAllocation
    public var population: [BuildingPopulation]
    public var noise: NoiseAnalysis
    public var green: GreenAnalysis
    /// Health outcomes of `noise` (Annex III of Directive 2002/49/EC).
    public var health: HealthImpact
}

/// Square metres of street that changed category between two layouts: `[from][to]`, from != to.
/// Found by overlaying the before and after street space, so a square metre that was carriageway
/// and is now sidewalk counts, and a layout that merely adds sidewalk elsewhere does not.
public struct SpaceTransfers: Sendable, Equatable {
    public private(set) var values: [SpaceCategory: [SpaceCategory: Double]] = [:]

    public init() {}

    public subscript(from: SpaceCategory, to: SpaceCategory) -> Double {
        get { values[from]?[to] ?? 0 }
        set { values[from, default: [:]][to] = newValue }
    }

    /// Area that went from any of `from` to any of `to`.
    public func total(from: [SpaceCategory], to: [SpaceCategory]) -> Double {
        from.reduce(0) { sum, source in to.reduce(sum) { $0 + self[source, $1] } }
    }

    public static let vehicle: [SpaceCategory] = [.traffic, .parking]
    public static let people: [SpaceCategory] = [.pedestrian, .shared]
}

/// A before/after comparison (DESIGN.md section 4.5, `superblock compare`).
public struct LayoutComparison: Sendable {
    public var before: LayoutAnalysis
    public var after: LayoutAnalysis
    public var matches: [StreetMatch]
    /// For the district, and per cell id.
    public var transfers: SpaceTransfers
    public var cellTransfers: [String: SpaceTransfers]
    /// The same square metres charged to whoever holds them in the after layout (a street or a
    /// junction of `after.space`): how many of a street's square metres were of another category
    /// before. They add up to `transfers`.
    public var ownerTransfers: [SpacePiece.Owner: SpaceTransfers] = [:]

    public var summary: ComparisonSummary { ComparisonSummary(self) }
}

/// Runs every indicator `analyze` runs (street space, population, noise) on two layouts with the
/// same superblock cells, pairs their streets and measures the street space that changed hands.
public struct Comparison: Sendable {
    public var allocator: SpaceAllocator
    public var population: PopulationEstimator
    public var noise: NoiseModel
    public var green: GreenAnalyzer
    public var matcher: StreetMatcher
    public var health: HealthOptions
    /// Told of each stage of both layouts (nil: nobody is told).
    public var progress: (any ProgressReporter)?

    public init(allocator: SpaceAllocator = SpaceAllocator(), population: PopulationEstimator = PopulationEstimator(),
                noise: NoiseModel = NoiseModel(), green: GreenAnalyzer = GreenAnalyzer(), matcher: StreetMatcher = StreetMatcher(),
                health: HealthOptions = HealthOptions()) {
        self.allocator = allocator
        self.population = population
        self.noise = noise
        self.green = green
        self.matcher = matcher
        self.health = health
    }

    /// Both layouts are measured with the same cells: `cells` when given, else the after
    /// layout's `superblock` layer, else the before layout's.
    public func compare(before: District, after: District, cells: [DistrictFeature]? = nil) async throws(GeometryError) -> LayoutComparison {
        let shared = cells ?? (after.cells.isEmpty ? before.cells : after.cells)
        let before = Self.replacingCells(of: before, with: shared)
        let after = Self.replacingCells(of: after, with: shared)
        progress?.beginStage("street space, both layouts", total: nil)
        let space = try measureSpace(before, after)
        progress?.beginStage("matching streets", total: nil)
        let matches = try matcher.match(before: before.streets, after: after.streets)
        progress?.beginStage("residents", total: nil)
        let populationBefore = try population.estimate(before)
        let populationAfter = try population.estimate(after)
        let noiseBefore = try await layoutStage(noise, "before: ").analyse(before, population: populationBefore)
        // Buildings no street of changed emission reaches keep the before levels (`NoiseBaseline`).
        let noiseAfter = try await layoutStage(noise, "after: ").analyse(after, population: populationAfter,
                                                                          baseline: NoiseBaseline(district: before, analysis: noiseBefore))
        let greenBefore = try layoutStage(green, "before: ").analyse(before, population: populationBefore)
        let greenAfter = try layoutStage(green, "after: ").analyse(after, population: populationAfter)
        return LayoutComparison(
            before: LayoutAnalysis(district: before, space: space.before, population: populationBefore, noise: noiseBefore, green: greenBefore,
                                   health: HealthImpact(buildings: noiseBefore.buildings, options: health)),
            after: LayoutAnalysis(district: after, space: space.after, population: populationAfter, noise: noiseAfter, green: greenAfter,
                                  health: HealthImpact(buildings: noiseAfter.buildings, options: health)),
            matches: matches, transfers: space.transfers, cellTransfers: space.cells, ownerTransfers: space.owners)
    }

    /// The noise model reporting its stage as one layout's.
    private func layoutStage(_ model: NoiseModel, _ prefix: String) -> NoiseModel {
        var copy = model
        copy.progress = progress?.prefixed(prefix)
        return copy
    }

    private func layoutStage(_ analyzer: GreenAnalyzer, _ prefix: String) -> GreenAnalyzer {
        var copy = analyzer
        copy.progress = progress?.prefixed(prefix)
        return copy
    }

    static func replacingCells(of district: District, with cells: [DistrictFeature]) -> District {
        var copy = district
        copy.features = district.features.filter { $0.layer != .superblock } + cells
        return copy
    }

    /// Both allocations (each split into strips measured in parallel, as `analyze` does), and the
    /// overlay of their street space, shared out between workers: each reads the pieces back from
    /// their WKB into a GEOS context of its own (every worker reads all the before pieces and
    /// indexes them: a fifth of a second on a 100 x 100 grid, against minutes of overlays), and
    /// measures every `workers`-th piece of the after layout. The sums are then taken in the pieces' order, so the figures do not depend on the
    /// number of workers.
    private func measureSpace(_ before: District, _ after: District) throws(GeometryError)
        -> (before: SpaceAllocation, after: SpaceAllocation, transfers: SpaceTransfers, cells: [String: SpaceTransfers],
            owners: [SpacePiece.Owner: SpaceTransfers]) {
        let allocationBefore = try allocator.allocate(before)
        let allocationAfter = try allocator.allocate(after)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, allocationAfter.pieces.count / 2_000))
        let moved = try Self.transfers(from: allocationBefore.pieces, to: allocationAfter.pieces, cells: after.cells, workers: workers)
        return (allocationBefore, allocationAfter, moved.district, moved.cells, moved.owners)
    }

    /// The square metres that changed category between two sets of pieces, for the district, per
    /// cell id and per owner of the after pieces, measured by `workers` workers (the figures do not
    /// depend on how many: tested).
    static func transfers(from old: [SpacePiece], to new: [SpacePiece], cells cellFeatures: [DistrictFeature], workers: Int)
        throws(GeometryError) -> (district: SpaceTransfers, cells: [String: SpaceTransfers], owners: [SpacePiece.Owner: SpaceTransfers]) {
        /// One overlap: categories before and after, its area, and its area in each cell it meets.
        typealias Overlap = (from: SpaceCategory, to: SpaceCategory, area: Double, cells: [(cell: Int, area: Double)])
        // A piece the before layout holds exactly (the same polygon, the same category) changed
        // nothing: the before pieces do not overlap, so no other one covers any of it. A plan over
        // one cell of a city leaves all but its pieces so.
        var unchangedPolygons: [[UInt8]: SpaceCategory] = [:]
        for piece in old { unchangedPolygons[piece.wkb] = piece.category }
        let changed = new.indices.filter { unchangedPolygons[new[$0].wkb] != new[$0].category }
        let found = Mutex<[Int: [Overlap]]>([:])
        let failure = Mutex<GeometryError?>(nil)
        DispatchQueue.concurrentPerform(iterations: old.isEmpty ? 0 : workers) { worker in
            do throws(GeometryError) {
                let context = GeometryContext()
                let oldPolygons = try old.map { piece throws(GeometryError) in try Geometry.fromWKB(piece.wkb, in: context) }
                let index = try SpatialIndex(oldPolygons)
                let cells = try cellFeatures.map { cell throws(GeometryError) in try CellShape(cell, context: context) }
                // A plan over a city has thousands of cells: each overlap meets those its box meets only.
                let cellIndex = cells.isEmpty ? nil : try SpatialIndex(cells.map(\.polygon.base))
                var mine: [Int: [Overlap]] = [:]
                for k in stride(from: worker, to: changed.count, by: workers).map({ changed[$0] }) {
                    let polygon = try Geometry.fromWKB(new[k].wkb, in: context)
                    var overlaps: [Overlap] = []
                    for candidate in index.query(polygon) where old[candidate].category != new[k].category {
                        let overlap = try polygon.verifiedIntersection(oldPolygons[candidate])
                        let area = overlap.area
                        guard area > 1e-9 else { continue }
                        var inCells: [(cell: Int, area: Double)] = []
                        for c in cellIndex?.query(overlap) ?? [] {
                            let inside = try cells[c].area(of: overlap)
                            if inside > 0 { inCells.append((c, inside)) }
                        }
                        overlaps.append((old[candidate].category, new[k].category, area, inCells))
                    }
                    if !overlaps.isEmpty { mine[k] = overlaps }
                }
                found.withLock { all in all.merge(mine) { first, _ in first } }
            } catch {
                failure.withLock { $0 = $0 ?? error }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        let overlaps = found.withLock { $0 }
        var district = SpaceTransfers()
        let cellIDs = cellFeatures.map(\.id)
        var perCell = Dictionary(cellIDs.map { ($0, SpaceTransfers()) }, uniquingKeysWith: { first, _ in first })
        var perOwner: [SpacePiece.Owner: SpaceTransfers] = [:]
        for k in new.indices {
            for overlap in overlaps[k] ?? [] {
                district[overlap.from, overlap.to] += overlap.area
                perOwner[new[k].owner, default: SpaceTransfers()][overlap.from, overlap.to] += overlap.area
                for (cell, inside) in overlap.cells { perCell[cellIDs[cell]]![overlap.from, overlap.to] += inside }
            }
        }
        return (district, perCell, perOwner)
    }
}

/// The headline figures of a comparison: the street space that moved from vehicles to people and
/// green, the pedestrian share, residents above 65 dB Lden, and the streets found on one side only.
public struct ComparisonSummary: Sendable {
    public struct Row: Sendable, Equatable {
        public var indicator: String
        public var label: String
        public var unit: String
        /// nil for quantities that exist only as a change (the square metres that moved).
        public var before: Double?
        public var after: Double?
        public var change: Double?
        public var digits: Int
    }

    public var rows: [Row]
    /// Street ids found in one layout only.
    public var onlyBefore: [String]
    public var onlyAfter: [String]
    /// Streets paired by geometry: before id, after id, Hausdorff distance (m).
    public var geometryMatches: [(before: String, after: String, distance: Double)]

    public init(_ comparison: LayoutComparison) {
        let a = comparison.before, b = comparison.after
        var rows: [Row] = []
        func both(_ indicator: String, _ label: String, _ unit: String, _ before: Double?, _ after: Double?, digits: Int = 0) {
            let change = before.flatMap { x in after.map { $0 - x } }
            rows.append(Row(indicator: indicator, label: label, unit: unit, before: before, after: after, change: change, digits: digits))
        }
        func moved(_ indicator: String, _ label: String, _ value: Double) {
            rows.append(Row(indicator: indicator, label: label, unit: "m2", before: nil, after: nil, change: value, digits: 0))
        }
        let x = a.space.district, y = b.space.district
        both("street_area_m2", "street space", "m2", x.total, y.total)
        both("vehicle_area_m2", "vehicles (traffic + parking)", "m2", x.vehicle, y.vehicle)
        both("people_area_m2", "people (pedestrian + shared)", "m2", x.people, y.people)
        both("green_strip_area_m2", "green strips", "m2", x[.green], y[.green])
        let transfers = comparison.transfers
        moved("moved_vehicle_to_people_m2", "moved from vehicles to people", transfers.total(from: SpaceTransfers.vehicle, to: SpaceTransfers.people))
        moved("moved_vehicle_to_green_m2", "moved from vehicles to green", transfers.total(from: SpaceTransfers.vehicle, to: [.green]))
        moved("moved_people_to_vehicle_m2", "moved from people to vehicles", transfers.total(from: SpaceTransfers.people, to: SpaceTransfers.vehicle))
        both("pedestrian_share_pct", "pedestrian share (pedestrian + shared)", "%", x.pedestrianSharePercent, y.pedestrianSharePercent, digits: 1)
        let ea = a.noise.exposure, eb = b.noise.exposure
        both("residents_lden_ge_65", "residents at Lden >= 65 dB", "residents", ea.residentsLdenAtLeast65, eb.residentsLdenAtLeast65)
        both("residents_lden_ge_65_pct", "residents at Lden >= 65 dB, share", "%", ea.percent(ea.residentsLdenAtLeast65),
             eb.percent(eb.residentsLdenAtLeast65), digits: 1)
        let ha = a.health, hb = b.health
        both("residents_highly_annoyed", "residents highly annoyed (road traffic)", "residents", ha.residentsHighlyAnnoyed, hb.residentsHighlyAnnoyed)
        both("residents_highly_sleep_disturbed", "residents highly sleep-disturbed", "residents", ha.residentsHighlySleepDisturbed,
             hb.residentsHighlySleepDisturbed)
        both("ihd_cases_attributable", "IHD cases a year attributable to road noise", "cases/year", ha.ihdCasesAttributable,
             hb.ihdCasesAttributable, digits: 2)
        rows += Self.greenAccessRows(comparison)
        self.rows = rows

        onlyBefore = comparison.matches.filter { $0.method == .onlyBefore }.map { a.district.streets[$0.before!].id }
        onlyAfter = comparison.matches.filter { $0.method == .onlyAfter }.map { b.district.streets[$0.after!].id }
        geometryMatches = comparison.matches.filter { $0.method == .geometry }.map {
            (a.district.streets[$0.before!].id, b.district.streets[$0.after!].id, $0.distance ?? 0)
        }
    }

    /// Green access before and after (DESIGN.md section 4.3): a plan's green strips or a lot turned
    /// into a park shows here. A layout without the input layer leaves its side empty (not assessed).
    static func greenAccessRows(_ comparison: LayoutComparison) -> [Row] {
        let a = comparison.before.green.summary, b = comparison.after.green.summary
        func row(_ indicator: String, _ label: String, _ unit: String, needs: [GreenInputs.Layer],
                 _ value: (GreenSummary) -> Double?, digits: Int) -> Row {
            let before = a.inputs.assessed(value(a), needs: needs), after = b.inputs.assessed(value(b), needs: needs)
            return Row(indicator: indicator, label: label, unit: unit, before: before, after: after,
                       change: before.flatMap { x in after.map { $0 - x } }, digits: digits)
        }
        return [
            row("green_area_m2", "green space", "m2", needs: GreenInputs.greenAccess, { $0.greenArea }, digits: 0),
            row("residents_green_300m_pct", "residents within 300 m of green >= 0.5 ha", "%", needs: GreenInputs.greenAccess,
                { $0.percent($0.residentsGreen300m) }, digits: 1),
            row("residents_3_30_300_pct", "residents meeting 3-30-300", "%", needs: GreenInputs.rule33300,
                { $0.percent($0.residents33300) }, digits: 1),
        ]
    }

    public func row(_ indicator: String) -> Row? { rows.first { $0.indicator == indicator } }
}
