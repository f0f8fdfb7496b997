import DistrictModel
import GeoJSON
@testable import Indicators
import Testing
import TestSupport

/// `compare`'s after layout takes the before levels of buildings that no street of changed
/// emission reaches (`NoiseBaseline`): they must be exactly what a full run gives, and nothing
/// may be taken over when anything but emission differs.
@Suite struct NoiseBaselineTests {
    /// The synthetic grid with one corner street's traffic cut to a tenth.
    static func layouts() throws -> (before: District, after: District) {
        let before = try DistrictLoader().load([FixtureFiles.sample("synthetic/grid.geojson")])
        var after = before
        let street = try #require(after.features.firstIndex { $0.id == "ns-0-0" })
        after.features[street].attributes.values["traffic:aadt"] = .number(300)
        return (before, after)
    }

    @Test func buildingsOutOfReachKeepTheirLevelsExactly() async throws {
        let (before, after) = try Self.layouts()
        // CNOSSOS-EU with every path evaluated: a path budget would leave the far, screened paths of
        // the changed street out of most sums, and hide a radius too small.
        var options = NoiseOptions()
        options.maxError = 0
        let model = NoiseModel(options: options)
        let population = try PopulationEstimator().estimate(before)
        let old = try await model.analyse(before, population: population)
        let full = try await model.analyse(after, population: population)
        let reusing = try await model.analyse(after, population: population, baseline: NoiseBaseline(district: before, analysis: old))
        let sameAsFull = reusing.buildings == full.buildings  // (a Bool: the arrays would fill the failure message)
        #expect(sameAsFull)
        // Some buildings heard the cut, the far ones did not.
        let heard = zip(full.buildings, old.buildings).filter { $0.levels != $1.levels }.count
        #expect(heard > 0 && heard < full.buildings.count)
        // Taken over: exactly the buildings with no receiver within the search radius (250 m) of the
        // changed street, x = 430,000, y = 4,581,000 ... 4,581,133.3 (measured here by hand).
        let far = try model.receiverPoints(after).filter { points in
            stride(from: 0, to: points.count - 1, by: 2).allSatisfy { i in
                let dx = points[i] - 430_000, dy = max(0, points[i + 1] - 4_581_133.3, 4_581_000 - points[i + 1])
                return dx * dx + dy * dy > 250 * 250
            }
        }.count
        #expect(far > 0 && far < full.buildings.count)
        #expect(reusing.notes.contains { $0.hasPrefix("Levels of \(far) of \(full.buildings.count) buildings") }, "\(reusing.notes)")
    }

    /// A street that loses its traffic (a source in the before layout only), a street moved by a
    /// metre and a street appended at the end (as `plan --squares` appends features): the buildings
    /// near any of them are computed, the others taken over, and the result is the full run's exactly.
    @Test func streetsGoneOrMovedAreChangesToo() async throws {
        let (before, _) = try Self.layouts()
        var after = before
        let gone = try #require(after.features.firstIndex { $0.id == "ns-0-0" })
        after.features[gone].attributes.values["highway"] = .string("footway")
        after.features[gone].attributes.values["traffic:aadt"] = nil
        let moved = try #require(after.features.firstIndex { $0.id == "ew-0-8" })
        guard case .lineString(let xy) = after.features[moved].geometry else { Issue.record("a line"); return }
        after.features[moved].geometry = .lineString(xy.enumerated().map { $0.offset % 2 == 1 ? $0.element + 1 : $0.element })
        var appended = after.features[moved]
        appended.id = "appended"
        appended.geometry = .lineString([431_100, 4_582_100, 431_190, 4_582_100])
        after.features.append(appended)
        let model = NoiseModel(options: .freeField)
        let population = try PopulationEstimator().estimate(before)
        let old = try await model.analyse(before, population: population)
        let full = try await model.analyse(after, population: population)
        let reusing = try await model.analyse(after, population: population, baseline: NoiseBaseline(district: before, analysis: old))
        #expect(after.streets.count == before.streets.count + 1)
        #expect(NoiseModel.sources(after.streets, full.streets).count == NoiseModel.sources(before.streets, old.streets).count)
        let sameAsFull = reusing.buildings == full.buildings  // (a Bool: the arrays would fill the failure message)
        #expect(sameAsFull)
        #expect(zip(full.buildings, old.buildings).contains { $0.levels != $1.levels })
        #expect(reusing.notes.contains { $0.hasPrefix("Levels of ") })
    }

    /// A building raised or a green zone added: the paths differ everywhere they reach, so every
    /// building is computed; the same layout again takes every building over.
    @Test func buildingsOrGroundChangedComputeEverything() async throws {
        let (before, after) = try Self.layouts()
        let model = NoiseModel(options: .freeField)
        let population = try PopulationEstimator().estimate(before)
        let old = try await model.analyse(before, population: population)
        var raised = after
        let building = try #require(raised.features.firstIndex { $0.layer == .building })
        raised.features[building].attributes.values["height"] = .number(60)
        var greener = after
        greener.features.append(DistrictFeature(id: "new-park", layer: .green, geometry: .polygon([[430_020, 4_581_020, 430_060, 4_581_020, 430_060,
                                                4_581_060, 430_020, 4_581_060, 430_020, 4_581_020]]),
                                                attributes: Attributes(["leisure": .string("park")]), origin: FeatureOrigin(file: "t", index: 0, id: "new-park")))
        for changed in [raised, greener] {
            let sources = NoiseModel.sources(changed.streets, model.streetNoise(changed))
            let grid = SourceGrid(polylines: sources.map(\.polyline))
            #expect(model.buildingsToCompute(changed, sources: sources, grid: grid, receivers: try model.receiverPoints(changed),
                                             baseline: NoiseBaseline(district: before, analysis: old)) == nil)
            let result = try await model.analyse(changed, population: population, baseline: NoiseBaseline(district: before, analysis: old))
            #expect(!result.notes.contains { $0.hasPrefix("Levels of ") })
        }
        let same = try await model.analyse(before, population: population, baseline: NoiseBaseline(district: before, analysis: old))
        let sameAsBefore = same.buildings == old.buildings
        #expect(sameAsBefore)
        #expect(same.notes.contains { $0.hasPrefix("Levels of \(old.buildings.count) of \(old.buildings.count) buildings") })
    }
}
