import Testing
import CNOSSOS

/// Eq. 2.2.10: ΔL_WR,temp = K_m (20 - τ), rolling noise only.
@Suite struct AirTemperatureTests {
    @Test func coldAirRaisesRollingNoiseInEveryBand() throws {
        // τ = 0 °C: light 0.08 × (20 - 0) = +1.6 dB; heavy 0.04 × 20 = +0.8 dB.
        // τ = 30 °C: light 0.08 × (20 - 30) = -0.8 dB.
        let warm = model()
        let cold = model(temperature: 0)
        let hot = model(temperature: 30)
        let light = try #require(warm.rollingNoise(.light, speedKmh: 50))
        #expect(allClose(difference(try #require(cold.rollingNoise(.light, speedKmh: 50)), light), to: 1.6))
        #expect(allClose(difference(try #require(hot.rollingNoise(.light, speedKmh: 50)), light), to: -0.8))
        let heavy = try #require(warm.rollingNoise(.heavy, speedKmh: 50))
        #expect(allClose(difference(try #require(cold.rollingNoise(.heavy, speedKmh: 50)), heavy), to: 0.8))
    }

    @Test func propulsionAndTwoWheelersDoNotChange() {
        let cold = model(temperature: -5)
        #expect(cold.propulsionNoise(.light, speedKmh: 50) == model().propulsionNoise(.light, speedKmh: 50))
        #expect(cold.vehicleSoundPower(.motorcycle, speedKmh: 50) == model().vehicleSoundPower(.motorcycle, speedKmh: 50))
    }
}
