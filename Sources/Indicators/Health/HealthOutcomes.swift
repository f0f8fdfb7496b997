import Foundation

/// The road-traffic dose-effect relations of Commission Directive (EU) 2020/367, which replaced
/// Annex III of Directive 2002/49/EC (END): high annoyance, high sleep disturbance and ischaemic
/// heart disease (IHD) from a dwelling's Lden and Lnight at its most exposed facade.
///
/// The relations are those of the WHO Environmental Noise Guidelines for the European Region
/// (2018), whose systematic reviews fitted them over a range of levels: high annoyance over
/// Lden 40-80 dB (Guski et al. 2017), high sleep disturbance over Lnight 40-65 dB (Basner and
/// McGuire 2018). Below the lower bound the relations are not used (0 %: the quadratic would rise
/// again below its vertex, 45.6 dB for annoyance); above the upper bound they are extrapolated,
/// clamped to 0 ... 100 %. README ("Health outcomes") says what of this could be checked against
/// the Annex's text.
public enum HealthOutcomes {
    /// Lden over which the high-annoyance relation is applied (below: 0 %).
    public static let annoyanceRange: ClosedRange<Double> = 40...80
    /// Lnight over which the high-sleep-disturbance relation is applied (below: 0 %).
    public static let sleepDisturbanceRange: ClosedRange<Double> = 40...65
    /// Lden above which IHD risk rises (the WHO guideline level for road traffic).
    public static let ischaemicHeartDiseaseThreshold = 53.0
    /// IHD relative risk per 10 dB Lden above the threshold.
    public static let ischaemicHeartDiseaseRiskPer10dB = 1.08

    /// Percent of residents highly annoyed by road traffic at `lden`.
    ///
    /// Annex III, 3.2 (road): AR_HA,road = (78.9270 - 3.1162 Lden + 0.0342 Lden^2) / 100.
    public static func highlyAnnoyedPercent(lden: Double) -> Double {
        guard lden.isFinite, lden >= annoyanceRange.lowerBound else { return 0 }
        return clampPercent(78.9270 - 3.1162 * lden + 0.0342 * lden * lden)
    }

    /// Percent of residents highly sleep-disturbed by road traffic at `lnight`.
    ///
    /// Annex III, 3.3 (road): AR_HSD,road = (19.4312 - 0.9336 Lnight + 0.0126 Lnight^2) / 100.
    public static func highlySleepDisturbedPercent(lnight: Double) -> Double {
        guard lnight.isFinite, lnight >= sleepDisturbanceRange.lowerBound else { return 0 }
        return clampPercent(19.4312 - 0.9336 * lnight + 0.0126 * lnight * lnight)
    }

    /// Relative risk of ischaemic heart disease (incidence) from road traffic at `lden`.
    ///
    /// Annex III, 3.1 (road): RR_IHD,road = e^((ln(1.08) / 10) (Lden - 53)) for Lden > 53 dB, else 1.
    public static func ischaemicHeartDiseaseRelativeRisk(lden: Double) -> Double {
        guard lden.isFinite, lden > ischaemicHeartDiseaseThreshold else { return 1 }
        return exp(log(ischaemicHeartDiseaseRiskPer10dB) * (lden - ischaemicHeartDiseaseThreshold) / 10)
    }

    /// The attributable fraction over groups of the population, each with its share p_i of the
    /// whole (the shares add up to 1) and its relative risk RR_i.
    ///
    /// Annex III, 2: AF = sum_i p_i (RR_i - 1) / (sum_i p_i (RR_i - 1) + 1).
    public static func attributableFraction(_ groups: [(share: Double, relativeRisk: Double)]) -> Double {
        let excess = groups.reduce(0.0) { $0 + $1.share * ($1.relativeRisk - 1) }
        return excess / (excess + 1)
    }

    static func clampPercent(_ value: Double) -> Double { min(max(value, 0), 100) }
}
