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
}
