import Testing
import CNOSSOS

@Suite struct DecibelTests {
    @Test func energeticArithmetic() {
        #expect(isClose(Decibel.energeticSum([60, 60]), 63.0103, within: 0.0001))
        #expect(Decibel.energeticSum([70, -.infinity]) == 70)
        #expect(Decibel.energeticSum([Double]()) == -.infinity)
        #expect(isClose(Decibel.energeticMean([60, 60]), 60, within: 1e-12))
        #expect(isClose(Decibel.tenLog(1000), 30, within: 1e-12))
    }

    @Test func bandLevelsWeightAndSum() {
        let flat = BandLevels(repeating: 80)
        // A-weighted sum of a flat 80 dB spectrum: 80 + 10 lg(Σ 10^(A_i/10))
        // Σ = 0.0024 + 0.0245 + 0.1380 + 0.4786 + 1 + 1.3183 + 1.2589 + 0.7762 = 4.9970
        // 80 + 10 lg(4.9970) = 80 + 6.9871 = 86.9871
        #expect(isClose(flat.totalA, 86.9871, within: 0.0001))
        #expect(isClose(flat.total, 80 + Decibel.tenLog(8), within: 1e-12))
        #expect(flat.aWeighted[.hz63] == 80 - 26.2)
        #expect(OctaveBand.allCases.map(\.aWeighting) == [-26.2, -16.1, -8.6, -3.2, 0, 1.2, 1.0, -1.1])
        #expect(allClose(difference(BandLevels.energeticSum([flat, flat]), flat), to: Decibel.tenLog(2), within: 1e-12))
    }
}
