import Testing
import CNOSSOS

/// Identities of Annex II 2.2 that hold whatever the coefficient values.
@Suite struct ReferenceConditionTests {
    @Test(arguments: CoefficientSet.allCases)
    func at70KmhOnTheReferenceSurfaceTheLevelsAreTheTableF1Coefficients(set: CoefficientSet) throws {
        let reference = model(set)
        for category in VehicleCategory.allCases {
            let table = set.vehicleCoefficients(for: category)
            let propulsion = reference.propulsionNoise(category, speedKmh: 70)
            #expect(propulsion.values == table.propulsion.a, "L_WP = A_P, category \(category.rawValue)")
            if let rolling = table.rolling {
                let level = try #require(reference.rollingNoise(category, speedKmh: 70))
                #expect(level.values == rolling.a, "L_WR = A_R, category \(category.rawValue)")
            } else {
                #expect(reference.rollingNoise(category, speedKmh: 70) == nil)
            }
        }
    }

    @Test func poweredTwoWheelersAreTheirPropulsionNoise() {
        let reference = model()
        for category in [VehicleCategory.moped, .motorcycle] {
            #expect(!category.hasRollingNoise)
            #expect(reference.vehicleSoundPower(category, speedKmh: 45) == reference.propulsionNoise(category, speedKmh: 45))
        }
    }

    @Test(arguments: VehicleCategory.allCases)
    func doublingTheFlowAddsTenLgTwo(category: VehicleCategory) {
        let reference = model()
        let single = reference.linePower(category, flow: TrafficFlow(vehiclesPerHour: 350, speedKmh: 45))
        let double = reference.linePower(category, flow: TrafficFlow(vehiclesPerHour: 700, speedKmh: 45))
        #expect(allClose(difference(double, single), to: 10 * 0.301029995663981, within: 1e-12))
    }

    @Test func oneLightVehicleAt70KmhHas103Point03DecibelA() {
        // DESIGN.md 4.2: energetic sum of A_R and A_P of category 1 (2021 set), A-weighted.
        let level = model().vehicleSoundPower(.light, speedKmh: 70).totalA
        #expect(isClose(level, 103.03, within: 0.01))
    }

    @Test func anEmptyRoadIsSilent() {
        let emission = model().emission([.light: TrafficFlow(vehiclesPerHour: 0, speedKmh: 50)])
        #expect(emission.total == .silent)
        #expect(emission.totalA == -.infinity)
    }

    @Test func categoriesAddEnergetically() {
        let reference = model()
        let light = TrafficFlow(vehiclesPerHour: 900, speedKmh: 50)
        let heavy = TrafficFlow(vehiclesPerHour: 40, speedKmh: 45)
        let both = reference.emission([.light: light, .heavy: heavy])
        let expected = BandLevels.energeticSum([
            reference.linePower(.light, flow: light), reference.linePower(.heavy, flow: heavy),
        ])
        #expect(allClose(difference(both.total, expected), to: 0, within: 1e-12))
        #expect(both.perCategory.count == 2)
    }
}
