import Foundation
import Indicators
import Testing

/// Annex III of Directive 2002/49/EC as replaced by (EU) 2020/367, road traffic, worked by hand.
@Suite struct HealthOutcomeTests {
    /// Lden - L when day, evening and night are all L: 10 lg((12 + 4 x 10^0.5 + 8 x 10) / 24) = 6.3952 dB.
    static let ldenOffset: Double = {
        let weights: Double = 12 + 4 * pow(10, 0.5) + 80
        return 10 * log10(weights / 24)
    }()

    /// %HA = 78.9270 - 3.1162 Lden + 0.0342 Lden^2:
    /// Lden 60: 78.9270 - 186.972 + 123.12  = 15.075 %
    /// Lden 70: 78.9270 - 218.134 + 167.58  = 28.373 %
    /// Lden 55: 78.9270 - 171.391 + 103.455 = 10.991 %
    /// Lden 40: 78.9270 - 124.648 + 54.72   =  8.999 % (the lower bound: still applied)
    @Test func highlyAnnoyedByHand() {
        #expect(abs(HealthOutcomes.highlyAnnoyedPercent(lden: 60) - 15.075) < 1e-9)
        #expect(abs(HealthOutcomes.highlyAnnoyedPercent(lden: 70) - 28.373) < 1e-9)
        #expect(abs(HealthOutcomes.highlyAnnoyedPercent(lden: 55) - 10.991) < 1e-9)
        #expect(abs(HealthOutcomes.highlyAnnoyedPercent(lden: 40) - 8.999) < 1e-9)
        // Below the range the relation is not used.
        #expect(HealthOutcomes.highlyAnnoyedPercent(lden: 39.9) == 0)
        #expect(HealthOutcomes.highlyAnnoyedPercent(lden: -.infinity) == 0)
        // Above it, extrapolated: Lden 100: 78.927 - 311.62 + 342 = 109.307 %, clamped to 100 %.
        #expect(HealthOutcomes.highlyAnnoyedPercent(lden: 100) == 100)
    }

    /// %HSD = 19.4312 - 0.9336 Lnight + 0.0126 Lnight^2:
    /// Lnight 50: 19.4312 - 46.68  + 31.5   = 4.2512 %
    /// Lnight 60: 19.4312 - 56.016 + 45.36  = 8.7752 %
    /// Lnight 65: 19.4312 - 60.684 + 53.235 = 11.9822 %
    @Test func highlySleepDisturbedByHand() {
        #expect(abs(HealthOutcomes.highlySleepDisturbedPercent(lnight: 50) - 4.2512) < 1e-9)
        #expect(abs(HealthOutcomes.highlySleepDisturbedPercent(lnight: 60) - 8.7752) < 1e-9)
        #expect(abs(HealthOutcomes.highlySleepDisturbedPercent(lnight: 65) - 11.9822) < 1e-9)
        #expect(HealthOutcomes.highlySleepDisturbedPercent(lnight: 39) == 0)
    }

    /// RR = exp(ln(1.08) (Lden - 53) / 10): 1.08 at 63 dB, 1.08^2 = 1.1664 at 73 dB, 1 at or below 53.
    @Test func ischaemicHeartDiseaseRelativeRiskByHand() {
        #expect(abs(HealthOutcomes.ischaemicHeartDiseaseRelativeRisk(lden: 63) - 1.08) < 1e-12)
        #expect(abs(HealthOutcomes.ischaemicHeartDiseaseRelativeRisk(lden: 73) - 1.1664) < 1e-12)
        #expect(HealthOutcomes.ischaemicHeartDiseaseRelativeRisk(lden: 53) == 1)
        #expect(HealthOutcomes.ischaemicHeartDiseaseRelativeRisk(lden: 40) == 1)
    }

    /// Monotone from the vertex of the quadratic, 3.1162 / (2 x 0.0342) = 45.56 dB, to the top of
    /// the range. Between 40 and 45.56 dB the published relation dips, 8.999 % -> 7.942 %: a
    /// property of the fitted curve (documented in the README), not of the code.
    @Test func highlyAnnoyedRisesWithLdenOverTheValidRange() {
        let vertex = 3.1162 / (2 * 0.0342)
        var previous = HealthOutcomes.highlyAnnoyedPercent(lden: vertex)
        for step in 1...400 {
            let lden = vertex + (80 - vertex) * Double(step) / 400
            let value = HealthOutcomes.highlyAnnoyedPercent(lden: lden)
            #expect(value > previous, "Lden \(lden)")
            previous = value
        }
        #expect(HealthOutcomes.highlyAnnoyedPercent(lden: 45) < HealthOutcomes.highlyAnnoyedPercent(lden: 40))
        var night = HealthOutcomes.highlySleepDisturbedPercent(lnight: 40)
        for lnight in stride(from: 40.5, through: 65, by: 0.5) {
            let value = HealthOutcomes.highlySleepDisturbedPercent(lnight: lnight)
            #expect(value > night)
            night = value
        }
    }

    /// Three buildings: 100 residents at Lden 63 (RR 1.08), 100 at Lden 73 (RR 1.1664), 200 at
    /// Lden 50 (RR 1); P = 400, shares 0.25, 0.25, 0.5.
    /// sum p (RR - 1) = 0.25 x 0.08 + 0.25 x 0.1664 = 0.02 + 0.0416 = 0.0616
    /// AF = 0.0616 / 1.0616 = 0.058026; at 140 per 100,000 a year: 0.058026 x 0.0014 x 400 = 0.032494 cases.
    /// Highly annoyed: 100 x %HA(63) + 100 x %HA(73) + 200 x %HA(50), with
    /// %HA(63) = 78.927 - 196.3206 + 135.7398 = 18.3462, %HA(73) = 78.927 - 227.4826 + 182.2518 = 33.6962,
    /// %HA(50) = 78.927 - 155.81 + 85.5 = 8.617: 18.3462 + 33.6962 + 17.234 = 69.2764 residents.
    @Test func districtOutcomesByHand() {
        func levels(lden: Double) -> FacadeLevels {
            // Equal day, evening and night levels L give Lden = L + 10 lg((12 + 4 x 10^0.5 + 8 x 10) / 24)
            // = L + 6.3952; solve for L, so the building's Lden is the one wanted.
            let l = lden - Self.ldenOffset
            return FacadeLevels(day: l, evening: l, night: l)
        }
        let buildings = [
            BuildingNoise(id: "a", population: 100, levels: levels(lden: 63)),
            BuildingNoise(id: "b", population: 100, levels: levels(lden: 73)),
            BuildingNoise(id: "c", population: 200, levels: levels(lden: 50)),
            BuildingNoise(id: "party-walls", population: 50, levels: nil),
        ]
        #expect(abs(buildings[0].levels!.lden - 63) < 1e-9)
        let health = HealthImpact(buildings: buildings, options: HealthOptions(ihdIncidencePer100000: 140))
        #expect(health.assessedResidents == 400)
        #expect(abs(health.ihdAttributableFraction! - 0.0616 / 1.0616) < 1e-12)
        #expect(abs(health.ihdCasesAttributable! - 0.0616 / 1.0616 * 0.0014 * 400) < 1e-12)
        #expect(abs(health.ihdCasesAttributable! - 0.032494) < 1e-6)
        #expect(abs(health.residentsHighlyAnnoyed! - 69.2764) < 1e-9)
        #expect(abs(health.buildings[0].highlyAnnoyed! - 18.3462) < 1e-9)
        // Lnight of "c" is 50 - 6.3952 = 43.6048: 19.4312 - 40.7094 + 23.9573 = 2.6791 % of 200.
        let lnight = 50 - Self.ldenOffset
        let percent: Double = 19.4312 - 0.9336 * lnight + 0.0126 * lnight * lnight
        #expect(abs(percent - 2.6791) < 1e-4)
        #expect(abs(health.buildings[2].highlySleepDisturbed! - 2 * percent) < 1e-9)
        let walls = health.buildings[3]
        #expect(walls.highlyAnnoyed == nil && walls.highlySleepDisturbed == nil && walls.ihdRelativeRisk == nil)
    }

    @Test func everyoneBelow53DecibelsGivesNoAttributableCases() {
        let quiet = (0..<5).map { BuildingNoise(id: "\($0)", population: 20, levels: FacadeLevels(day: 45, evening: 44, night: 40)) }
        let health = HealthImpact(buildings: quiet)
        #expect(quiet[0].levels!.lden < 53)
        #expect(health.ihdAttributableFraction == 0 && health.ihdCasesAttributable == 0)
        #expect(health.residentsHighlyAnnoyed! > 0)  // annoyance starts at 40 dB, not at 53
    }

    @Test func noLevelsIsNotAssessedRatherThanZero() {
        let health = HealthImpact(buildings: [BuildingNoise(id: "x", population: 10, levels: nil)])
        #expect(health.residentsHighlyAnnoyed == nil && health.residentsHighlySleepDisturbed == nil)
        #expect(health.ihdCasesAttributable == nil)
    }

    @Test func casesScaleWithTheIncidenceRate() {
        let loud = [BuildingNoise(id: "a", population: 1000, levels: FacadeLevels(day: 70, evening: 68, night: 62))]
        let low = HealthImpact(buildings: loud, options: HealthOptions(ihdIncidencePer100000: 100))
        let high = HealthImpact(buildings: loud, options: HealthOptions(ihdIncidencePer100000: 300))
        #expect(abs(high.ihdCasesAttributable! - 3 * low.ihdCasesAttributable!) < 1e-12)
        #expect(low.ihdAttributableFraction == high.ihdAttributableFraction)
    }
}
