import CNOSSOS
import DistrictModel
import GeoJSON
@testable import Indicators
import Testing

/// The error budget of the CNOSSOS-EU receivers: which deferred paths are evaluated, that the
/// estimates they are ranked by stay above what the evaluator gives, and that a receiver's level
/// moves by no more than the budget.
@Suite struct PathBudgetTests {
    static let x0 = 430_000.0, y0 = 4_581_000.0

    /// A dense district: streets every 60 m both ways, carrying 4,000 to 20,000 vehicles a day,
    /// and 40 m blocks between them, 9 to 33 m high, each cut in four buildings.
    static func denseDistrict() -> District {
        var features: [DistrictFeature] = []
        for k in 0 ... 5 {
            let offset = Double(k) * 60
            let aadt = Double(4_000 + 3_200 * k)
            for (index, line) in [[x0, y0 + offset, x0 + 300, y0 + offset], [x0 + offset, y0, x0 + offset, y0 + 300]].enumerated() {
                let id = "street-\(k)-\(index)"
                features.append(DistrictFeature(id: id, layer: .street, geometry: .lineString(line),
                                                attributes: Attributes(["highway": .string("secondary"), "traffic:aadt": .number(aadt),
                                                                        "maxspeed": .string("50")]),
                                                origin: FeatureOrigin(file: "t", index: features.count, id: id)))
            }
        }
        for i in 0 ..< 5 {
            for j in 0 ..< 5 {
                let bx = x0 + Double(i) * 60 + 10, by = y0 + Double(j) * 60 + 10
                for (q, (dx, dy)) in [(0.0, 0.0), (20.0, 0.0), (0.0, 20.0), (20.0, 20.0)].enumerated() {
                    let height = 9 + Double((i * 7 + j * 3 + q * 5) % 9) * 3
                    let ax = bx + dx, ay = by + dy
                    let id = "b-\(i)-\(j)-\(q)"
                    features.append(CnossosNoiseTests.building(id, [ax, ay, ax + 20, ay, ax + 20, ay + 20, ax, ay + 20, ax, ay], height: height))
                }
            }
        }
        return District(crs: "EPSG:25831", features: features)
    }

    /// Receivers 2 m in front of facades, all over the district.
    static let receivers: [(x: Double, y: Double)] = (0 ..< 5).flatMap { i in
        (0 ..< 5).flatMap { j -> [(x: Double, y: Double)] in
            let bx = x0 + Double(i) * 60 + 10, by = y0 + Double(j) * 60 + 10
            return [(bx - 2, by + 10), (bx + 20, by - 2), (bx + 42, by + 30), (bx + 30, by + 42)]
        }
    }

    static func receiver(maxError: Double, reflections: Int = 1) -> CnossosReceiver {
        var options = CnossosNoiseTests.options(reflections: reflections)
        options.maxError = maxError
        return NoiseModel(options: options).cnossosScene(denseDistrict()).receiver
    }

    static func levels(_ receiver: CnossosReceiver, tally: inout PathTally) -> [FacadeLevels] {
        let district = denseDistrict()
        let model = NoiseModel(options: CnossosNoiseTests.options())
        let sources = NoiseModel.sources(district.streets, model.streetNoise(district))
        let grid = SourceGrid(polylines: sources.map(\.polyline))
        var scratch = QueryScratch()
        let result = receivers.map { point in
            receiver.levels(atX: point.x, y: point.y, building: nil, sources: sources, grid: grid, scratch: &scratch)
        }
        tally = scratch.paths
        return result
    }

    /// Leaving paths out only lowers a level, and by no more than the budget, in every period, at
    /// every receiver; and it leaves deferred paths out (a quarter of them on this small district,
    /// three quarters on the Eixample sample).
    @Test(arguments: [1, 2]) func theBudgetBoundsTheChange(reflections: Int) {
        var exactTally = PathTally(), budgetTally = PathTally()
        let exact = Self.levels(Self.receiver(maxError: 0, reflections: reflections), tally: &exactTally)
        let pruned = Self.levels(Self.receiver(maxError: 0.1, reflections: reflections), tally: &budgetTally)
        #expect(exactTally.deferred == 0)
        for (a, b) in zip(exact, pruned) {
            for period in Period.allCases {
                #expect(b[period] <= a[period] + 1e-9)
                #expect(a[period] - b[period] <= 0.1, "\(a[period]) against \(b[period])")
            }
        }
        #expect(budgetTally.deferred > 1_000)
        #expect(budgetTally.evaluated < budgetTally.deferred * 9 / 10, "\(budgetTally)")
    }

    /// The estimate ranks a path by at least what it delivers: 10^(-(A - A_div)/10) per band no
    /// smaller than the evaluator's, for the direct path of every street piece to every receiver of the district, in
    /// both conditions.
    @Test func theEstimateStaysBelowTheEvaluatedAttenuation() throws {
        let receiver = Self.receiver(maxError: 0)
        let conditions = PropagationConditions(temperature: 15, humidity: 70)
        var scratch = QueryScratch()
        var checked = 0
        for point in Self.receivers {
            for k in stride(from: 0.0, through: 300, by: 7.5) {
                for source in [(Self.x0 + k, Self.y0 + 120), (Self.x0 + 180, Self.y0 + k)] {
                    let profile = receiver.finder.directProfile(sx: source.0, sy: source.1, rx: point.x, ry: point.y,
                                                                receiverZones: [], scratch: &scratch).profile
                    guard profile.points.count > 2 else { continue }
                    let estimate = ExcessEstimate.of(profile, conditions: conditions)
                    let (h, f) = PathAttenuation.both(profile, conditions: conditions)
                    let homogeneous = try #require(h)
                    #expect(all(estimate.homogeneous .>= transfer(homogeneous) * (1 - 1e-9)))
                    if let f { #expect(all(estimate.favourable .>= transfer(f) * (1 - 1e-9))) }
                    checked += 1
                }
            }
        }
        #expect(checked > 3_000)
    }

    /// Leaving paths out and giving up a building's second receiver leave every building's level
    /// as the full computation has it, or lower by at most the budget, in the whole analysis.
    @Test func theAnalysisKeepsEveryBuildingWithinTheBudget() async throws {
        let district = Self.denseDistrict()
        let population = try PopulationEstimator().estimate(district)
        var exactOptions = CnossosNoiseTests.options()
        exactOptions.maxError = 0
        let exact = try await NoiseModel(options: exactOptions).analyse(district, population: population)
        let pruned = try await NoiseModel(options: CnossosNoiseTests.options()).analyse(district, population: population)
        var compared = 0
        for (a, b) in zip(exact.buildings, pruned.buildings) {
            let full = try #require(a.levels), budget = try #require(b.levels)
            #expect(budget.lden <= full.lden + 1e-9 && full.lden - budget.lden <= 0.1, "\(a.id): \(full.lden) against \(budget.lden)")
            compared += 1
        }
        #expect(compared == 100)
        #expect(!exact.notes.contains { $0.hasPrefix("Path budget:") })
        #expect(pruned.notes.contains { $0.hasPrefix("Path budget:") })
    }

    /// The note's share: 8 paths deferred, 2 of them evaluated, 75 % left out.
    @Test func theNoteGivesTheShareLeftOut() {
        let tally = PathTally(deferred: 5, evaluated: 1) + PathTally(deferred: 3, evaluated: 1)
        #expect(tally.note(maxError: 0.1)?.hasPrefix("Path budget: 75.0 % of the paths") == true)
        #expect(PathTally().note(maxError: 0.1) == nil)
    }

    /// The stopping rule on hand numbers: 100 summed in each period, estimates 3, 1 and 0.5 left.
    /// 0.1 dB allows 10^0.01 - 1 = 2.33 % of the sum: 4.5 is more, so the loudest is evaluated
    /// (delivering 2); 1.5 left against 2.33 % of 102 = 2.38 stops the loop.
    @Test func theLoudestEstimateGoesFirstAndTheRestIsLeftOut() {
        var budget = PathBudget(maxError: 0.1)
        let flat = { (e: Double) in PerPeriod(day: e, evening: e, night: e) }
        budget.add(path: 7, estimate: flat(1))
        budget.add(path: 8, estimate: flat(3))
        budget.add(path: 9, estimate: flat(0.5))
        var energy = flat(100)
        var evaluated: [Int] = []
        let complete = budget.evaluate(energy: &energy) { path, energy in
            evaluated.append(path)
            energy = PerPeriod(day: energy.day + 2, evening: energy.evening + 2, night: energy.night + 2)
        }
        #expect(complete && evaluated == [8] && energy.day == 102)
    }

    /// A second receiver of a building is given up as soon as even its estimates cannot reach the
    /// first one's Lden: here 100 per period plus 4.5 is an Lden of
    /// 10 lg(104.5 (12 + 4 x 10^0.5 + 8 x 10) / 24) = 26.59 dB, under 26.6; with one estimate of 3,
    /// 103 gives 26.52, above 26.5, and the receiver is completed.
    @Test func aReceiverThatCannotBeLouderIsGivenUp() {
        var budget = PathBudget(maxError: 0.1)
        let flat = { (e: Double) in PerPeriod(day: e, evening: e, night: e) }
        budget.add(path: 0, estimate: flat(3))
        budget.add(path: 1, estimate: flat(1.5))
        var energy = flat(100)
        let lden = Lden.level(day: Decibel.tenLog(104.5), evening: Decibel.tenLog(104.5), night: Decibel.tenLog(104.5))
        #expect(abs(lden - 26.59) < 0.005)
        #expect(!budget.evaluate(energy: &energy, toBeat: 26.6) { _, _ in Issue.record("nothing is evaluated") })
        budget.add(path: 0, estimate: flat(3))
        var again = flat(100)
        #expect(budget.evaluate(energy: &again, toBeat: 26.5) { _, energy in energy = flat(103) })
        // Before the walks: 100 summed, 3 deferred and 1.5 not yet walked is 104.5 again.
        budget.add(path: 0, estimate: flat(3))
        #expect(budget.cannotBeat(26.6, energy: flat(100), plus: [flat(1), flat(0.5)]))
        #expect(!budget.cannotBeat(26.5, energy: flat(100), plus: [flat(1), flat(0.5)]))
    }
}

/// 10^(-(A - A_div)/10) per band.
private func transfer(_ path: PathAttenuation) -> SIMD8<Double> {
    let excess = path.total - path.divergence
    var result = SIMD8<Double>(repeating: 0)
    for band in 0 ..< 8 { result[band] = Decibel.energy(-excess[band]) }
    return result
}

private func all(_ mask: SIMDMask<SIMD8<Double>.MaskStorage>) -> Bool {
    (0 ..< 8).allSatisfy { mask[$0] }
}
