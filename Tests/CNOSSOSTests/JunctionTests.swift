import Testing
import CNOSSOS

/// Eqs. 2.2.17 and 2.2.18 with Table F-3: C × max(1 - |x|/100, 0).
@Suite struct JunctionTests {
    func corrections(_ category: VehicleCategory, _ junction: Junction) throws -> (rolling: [Double], propulsion: [Double]) {
        let near = model(junction: junction)
        let free = model()
        return (
            difference(try #require(near.rollingNoise(category, speedKmh: 50)), try #require(free.rollingNoise(category, speedKmh: 50))),
            difference(near.propulsionNoise(category, speedKmh: 50), free.propulsionNoise(category, speedKmh: 50))
        )
    }

    @Test func atTheTrafficLightsTheFullCorrectionApplies() throws {
        // Category 1, k = 1: C_R = -4.5, C_P = 5.5; x = 0 gives weight 1.
        let c = try corrections(.light, Junction(distanceMetres: 0, type: .trafficLights))
        #expect(allClose(c.rolling, to: -4.5))
        #expect(allClose(c.propulsion, to: 5.5))
    }

    @Test func fiftyMetresAwayHalfOfItApplies() throws {
        // Category 1, k = 1, x = 50 m: weight 1 - 50/100 = 0.5 -> -2.25 dB and +2.75 dB.
        let c = try corrections(.light, Junction(distanceMetres: 50, type: .trafficLights))
        #expect(allClose(c.rolling, to: -2.25))
        #expect(allClose(c.propulsion, to: 2.75))
        // Category 3, k = 2 (roundabout), x = -50 m (the sign does not matter):
        // C_R = -2.3 × 0.5 = -1.15 dB, C_P = 6.7 × 0.5 = 3.35 dB.
        let heavy = try corrections(.heavy, Junction(distanceMetres: -50, type: .roundabout))
        #expect(allClose(heavy.rolling, to: -1.15))
        #expect(allClose(heavy.propulsion, to: 3.35))
    }

    @Test func aHundredMetresAwayNothingApplies() throws {
        let c = try corrections(.medium, Junction(distanceMetres: 100, type: .trafficLights))
        #expect(allClose(c.rolling, to: 0))
        #expect(allClose(c.propulsion, to: 0))
        #expect(Junction(distanceMetres: 250, type: .roundabout).weight == 0)
    }

    @Test func twoWheelersTakeNoJunctionCorrection() {
        let near = model(junction: Junction(distanceMetres: 0, type: .trafficLights))
        #expect(near.vehicleSoundPower(.moped, speedKmh: 40) == model().vehicleSoundPower(.moped, speedKmh: 40))
    }
}
