import Testing
import CNOSSOS

/// Eqs. 2.2.19 and 2.2.20 against hand arithmetic.
@Suite struct RoadSurfaceCorrectionTests {
    @Test func smaNL8ForLightVehiclesAt50Kmh() throws {
        // Table F-4 (2021/1226), NL05, category 1: α(63 Hz) = 6.0, α(1 kHz) = -0.6, β = -1.4.
        // lg(50/70) = -0.146128
        // rolling 1 kHz: -0.6 + (-1.4)(-0.146128) = -0.6 + 0.204579 = -0.395421 dB
        // rolling 63 Hz:  6.0 + 0.204579 = 6.204579 dB
        // propulsion: min(α, 0): -0.6 dB at 1 kHz, 0 at 63 Hz
        let reference = model()
        let sma = model(surface: .nl05)
        let rolling = difference(
            try #require(sma.rollingNoise(.light, speedKmh: 50)),
            try #require(reference.rollingNoise(.light, speedKmh: 50)))
        let propulsion = difference(sma.propulsionNoise(.light, speedKmh: 50), reference.propulsionNoise(.light, speedKmh: 50))
        #expect(isClose(rolling[OctaveBand.hz1000.index], -0.395421, within: 1e-6))
        #expect(isClose(rolling[OctaveBand.hz63.index], 6.204579, within: 1e-6))
        #expect(isClose(propulsion[OctaveBand.hz1000.index], -0.6, within: 1e-12))
        #expect(propulsion[OctaveBand.hz63.index] == 0)
    }

    @Test func smaNL8HasNoCorrectionForHeavyVehicles() {
        // Table F-4 prints zeros for categories 2 and 3 on NL04 and NL05.
        #expect(model(surface: .nl05).vehicleSoundPower(.heavy, speedKmh: 50) == model().vehicleSoundPower(.heavy, speedKmh: 50))
    }

    @Test func the2015And2021TablesDiffer() throws {
        // NL10 (herring-bone blocks), category 1, 63 Hz: α = 8.3 (2015/996), 27.0 (2021/1226);
        // at 70 km/h the β term vanishes, so the rolling correction is α itself.
        let old = try #require(model(.directive2015, surface: .nl10).rollingNoise(.light, speedKmh: 70))
        let new = try #require(model(.directive2021, surface: .nl10).rollingNoise(.light, speedKmh: 70))
        #expect(isClose(old[.hz63] - 79.7, 8.3, within: 1e-9))
        #expect(isClose(new[.hz63] - 83.1, 27.0, within: 1e-9))
    }

    @Test func thinLayerBHeavyBetaIsTheOfficialJournalValue() {
        // NL14 category 3 β: 0.3 in the Official Journal transcription (NoiseModelling has 0.5).
        #expect(CoefficientSet.directive2021.surfaceCoefficients(for: .nl14, category: .heavy).beta == 0.3)
        #expect(CoefficientSet.directive2015.surfaceCoefficients(for: .nl14, category: .heavy).beta == 0.5)
    }
}
