import DistrictModel

/// A layout whose noise was analysed already, and from which another layout may take the levels
/// of buildings that nothing changed reaches (`compare`).
///
/// A plan changes the emission of a few streets; a building whose receivers have none of them
/// within the search radius hears, source by source and path by path, what it heard before. Its
/// levels are the before layout's exactly (the same sums in the same order), so they are copied
/// instead of computed again. Streets added, removed or moved are changes like any other; the
/// buildings (footprints, heights, context flags) and the ground zones must be the same, or
/// nothing is reused.
public struct NoiseBaseline: Sendable {
    public var district: District
    public var analysis: NoiseAnalysis

    public init(district: District, analysis: NoiseAnalysis) {
        self.district = district
        self.analysis = analysis
    }
}

extension NoiseModel {
    /// Which buildings of `district` need their levels computed, given the layout it is compared
    /// with; nil when the two differ in anything the paths depend on (every building is computed).
    ///
    /// A source (a street's line, keyed by street position and part) is changed when its line or
    /// emission differs from the source under the same key, or when the key is in one layout only
    /// (a street that gains or loses its traffic, one appended by `plan --squares`). A building is
    /// computed when a changed source of either layout lies within the search radius of one of its
    /// receivers. Elsewhere the sources near a receiver are the same ones in the same order (both
    /// lists run in key order), so its sums are the same to the last bit; streets that shift
    /// position only make more sources count as changed.
    func buildingsToCompute(_ district: District, sources: [Source], grid: SourceGrid, receivers: [[Double]],
                            baseline: NoiseBaseline) -> [Bool]? {
        let before = baseline.district
        guard baseline.analysis.model == options.modelName, baseline.analysis.buildings.count == district.buildings.count,
              Self.sameBuildings(before.buildings, district.buildings), Self.sameGround(before.greens, district.greens) else { return nil }
        let old = Self.sources(before.streets, baseline.analysis.streets)
        let oldGrid = SourceGrid(polylines: old.map(\.polyline))
        struct Key: Hashable { var street: Int, part: Int }
        let oldByKey = Dictionary(old.indices.map { (Key(street: old[$0].street, part: old[$0].part), $0) }, uniquingKeysWith: { first, _ in first })
        let newByKey = Dictionary(sources.indices.map { (Key(street: sources[$0].street, part: sources[$0].part), $0) },
                                  uniquingKeysWith: { first, _ in first })
        func same(_ a: Source, _ b: Source) -> Bool { a.polyline == b.polyline && a.energy == b.energy }
        let changedNew = sources.indices.map { index in
            oldByKey[Key(street: sources[index].street, part: sources[index].part)].map { !same(old[$0], sources[index]) } ?? true
        }
        let changedOld = old.indices.map { index in
            newByKey[Key(street: old[index].street, part: old[index].part)].map { !same(sources[$0], old[index]) } ?? true
        }
        let radius = options.searchRadius
        return receivers.map { points in
            var i = 0
            while i + 1 < points.count {
                let x = points[i], y = points[i + 1]
                if grid.sources(nearX: x, y: y, radius: radius).contains(where: { changedNew[$0] })
                    || oldGrid.sources(nearX: x, y: y, radius: radius).contains(where: { changedOld[$0] }) { return true }
                i += 2
            }
            return false
        }
    }

    /// Footprints, heights and context flags alike, building by building.
    static func sameBuildings(_ a: [DistrictFeature], _ b: [DistrictFeature]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { x, y in
            x.geometry == y.geometry && x.buildingHeight == y.buildingHeight && x.isContext == y.isContext
        }
    }

    /// The ground zones of the path finder: green polygons and their G.
    static func sameGround(_ a: [DistrictFeature], _ b: [DistrictFeature]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { x, y in x.geometry == y.geometry && x.attributes["g"] == y.attributes["g"] }
    }
}
