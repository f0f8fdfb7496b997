import Testing
import CNOSSOS

@Suite struct LdenTests {
    @Test func designValues() {
        // DESIGN.md 4.2.
        #expect(isClose(Lden.level(day: 60, evening: 55, night: 50), 60.00, within: 0.005))
        #expect(isClose(Lden.level(day: 65, evening: 62, night: 55), 65.40, within: 0.005))
        #expect(isClose(Lden.level(day: 70, evening: 70, night: 70), 76.40, within: 0.005))
    }

    @Test func equalPenalisedLevelsGiveThatLevel() {
        // Ld = Le + 5 = Ln + 10 = L makes every hour count L.
        #expect(isClose(Lden.level(day: 64, evening: 59, night: 54), 64, within: 1e-9))
    }

    /// The energy form gives the same Lden from the periods' energies (DESIGN.md 4.2's values).
    @Test func theEnergyFormIsTheLevelForm() {
        for (d, e, n) in [(60.0, 55.0, 50.0), (65.0, 62.0, 55.0), (70.0, 70.0, 70.0)] {
            let energy = Lden.energy(day: Decibel.energy(d), evening: Decibel.energy(e), night: Decibel.energy(n))
            #expect(isClose(Decibel.tenLog(energy), Lden.level(day: d, evening: e, night: n), within: 1e-9))
        }
    }

    /// 10^(-A/10) by exp: equal to pow's to the last bits, 3 dB passing half the energy.
    @Test func transmissionIsTheEnergyOfTheNegativeLevel() {
        for attenuation in [-9.0, -3, 0, 3, 11, 25, 80] {
            #expect(abs(Decibel.transmission(attenuation) / Decibel.energy(-attenuation) - 1) < 1e-14)
        }
        #expect(isClose(Decibel.transmission(3.0103), 0.5, within: 1e-5))
    }
}
