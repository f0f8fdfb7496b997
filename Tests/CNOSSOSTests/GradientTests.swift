import Testing
import CNOSSOS

/// Eqs. 2.2.13-2.2.16 against hand arithmetic; the correction is the same in every band and
/// only touches propulsion noise.
@Suite struct GradientTests {
    func propulsionCorrection(_ category: VehicleCategory, slope: Double, speed: Double) -> [Double] {
        difference(model(gradient: slope).propulsionNoise(category, speedKmh: speed), model().propulsionNoise(category, speedKmh: speed))
    }

    @Test func lightVehicles() {
        // Uphill s = 6 %, 80 km/h: (6 - 2)/1.5 × 80/100 = 2.666667 × 0.8 = 2.133333 dB.
        #expect(allClose(propulsionCorrection(.light, slope: 6, speed: 80), to: 2.133333, within: 1e-6))
        // Downhill s = -10 %: (10 - 6)/1 = 4 dB, no speed factor.
        #expect(allClose(propulsionCorrection(.light, slope: -10, speed: 80), to: 4))
        // Inside -6 % ... 2 %: nothing.
        #expect(allClose(propulsionCorrection(.light, slope: 1.5, speed: 80), to: 0))
        #expect(allClose(propulsionCorrection(.light, slope: -5.5, speed: 80), to: 0))
    }

    @Test func mediumVehicles() {
        // Downhill s = -10 %, 70 km/h: (10 - 4)/0.7 × (70 - 20)/100 = 8.571429 × 0.5 = 4.285714 dB.
        #expect(allClose(propulsionCorrection(.medium, slope: -10, speed: 70), to: 4.285714, within: 1e-6))
        // Uphill s = 5 %: 5/1 × 70/100 = 3.5 dB.
        #expect(allClose(propulsionCorrection(.medium, slope: 5, speed: 70), to: 3.5))
    }

    @Test func heavyVehicles() {
        // Uphill s = 6 %, 80 km/h: 6/0.8 × 80/100 = 6.0 dB.
        #expect(allClose(propulsionCorrection(.heavy, slope: 6, speed: 80), to: 6))
        // Downhill s = -6 %: (6 - 4)/0.5 × (80 - 10)/100 = 4 × 0.7 = 2.8 dB.
        #expect(allClose(propulsionCorrection(.heavy, slope: -6, speed: 80), to: 2.8))
        // s = 20 % is capped at 12 %: 12/0.8 × 0.8 = 12 dB.
        #expect(allClose(propulsionCorrection(.heavy, slope: 20, speed: 80), to: 12))
    }

    @Test func rollingNoiseAndTwoWheelersIgnoreTheGradient() {
        #expect(model(gradient: 8).rollingNoise(.heavy, speedKmh: 80) == model().rollingNoise(.heavy, speedKmh: 80))
        #expect(allClose(propulsionCorrection(.motorcycle, slope: 10, speed: 50), to: 0))
    }

    @Test func twoWayTrafficIsHalfUphillHalfDownhill() {
        // 200 heavy/h at 80 km/h on 6 %: one way uphill 88.7126, one way downhill 86.7537,
        // both ways 87.8427 dB(A) (Python one-off, energy mean of the two directions).
        let flow = TrafficFlow(vehiclesPerHour: 200, speedKmh: 80)
        let up = model(gradient: 6).linePower(.heavy, flow: flow)
        let down = model(gradient: -6).linePower(.heavy, flow: flow)
        let both = model(gradient: 6, twoWay: true).linePower(.heavy, flow: flow)
        #expect(isClose(up.totalA, 88.7126, within: 0.0001))
        #expect(isClose(down.totalA, 86.7537, within: 0.0001))
        #expect(isClose(both.totalA, 87.8427, within: 0.0001))
        for band in OctaveBand.allCases {
            #expect(isClose(both[band], Decibel.energeticMean([up[band], down[band]]), within: 1e-9))
        }
        // On the flat, two-way changes nothing.
        #expect(model(twoWay: true).linePower(.heavy, flow: flow) == model().linePower(.heavy, flow: flow))
    }
}
