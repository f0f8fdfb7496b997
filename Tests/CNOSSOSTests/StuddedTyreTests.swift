import Testing
import CNOSSOS

/// Eqs. 2.2.6-2.2.9 against hand arithmetic, with Table F-2.
@Suite struct StuddedTyreTests {
    @Test func halfTheCarsForHalfTheYear() throws {
        // p_s = 0.5 × 6/12 = 0.25 (eq. 2.2.7).
        // 2 kHz, 70 km/h: ΔL_stud = 1.5 + (-14.0) lg(70/70) = 1.5
        //   10 lg(0.75 + 0.25 × 10^0.15) = 10 lg(0.75 + 0.25 × 1.412538) = 10 lg(1.103134) = 0.426284
        // 8 kHz, 70 km/h: ΔL_stud = 9.2
        //   10 lg(0.75 + 0.25 × 10^0.92) = 10 lg(0.75 + 0.25 × 8.317638) = 10 lg(2.829410) = 4.516958
        // 63 Hz: a = b = 0, so 10 lg(0.75 + 0.25) = 0
        let studs = try StuddedTyres(share: 0.5, monthsPerYear: 6)
        #expect(studs.yearlyProportion == 0.25)
        let delta = difference(
            try #require(model(studs: studs).rollingNoise(.light, speedKmh: 70)),
            try #require(model().rollingNoise(.light, speedKmh: 70)))
        #expect(isClose(delta[OctaveBand.hz2000.index], 0.426284, within: 1e-6))
        #expect(isClose(delta[OctaveBand.hz8000.index], 4.516958, within: 1e-6))
        #expect(abs(delta[OctaveBand.hz63.index]) < 1e-12)
    }

    @Test func belowFiftyKmhTheStudEffectIsHeldAtFifty() throws {
        // 30 km/h uses v = 50: ΔL_stud(2 kHz) = 1.5 - 14.0 × lg(50/70) = 1.5 + 2.045792 = 3.545792
        //   10 lg(0.75 + 0.25 × 10^0.3545792) = 10 lg(0.75 + 0.25 × 2.262711) = 10 lg(1.315678) = 1.191281
        let studs = try StuddedTyres(share: 0.5, monthsPerYear: 6)
        let delta = difference(
            try #require(model(studs: studs).rollingNoise(.light, speedKmh: 30)),
            try #require(model().rollingNoise(.light, speedKmh: 30)))
        #expect(isClose(delta[OctaveBand.hz2000.index], 1.191281, within: 1e-6))
    }

    @Test func onlyLightVehiclesAreAffected() throws {
        let studded = model(studs: try StuddedTyres(share: 1, monthsPerYear: 12))
        for category in [VehicleCategory.medium, .heavy, .moped, .motorcycle] {
            #expect(studded.vehicleSoundPower(category, speedKmh: 70) == model().vehicleSoundPower(category, speedKmh: 70))
        }
    }

    @Test func impossibleSharesAreRejected() {
        #expect(throws: EmissionInputError.self) { try StuddedTyres(share: 1.5, monthsPerYear: 3) }
        #expect(throws: EmissionInputError.self) { try StuddedTyres(share: 0.5, monthsPerYear: 13) }
    }
}
