import CNOSSOS
import Indicators

/// The noise columns and tables of `superblock analyze` (names documented in the README).
public struct NoiseTables: Sendable {
    public var noise: NoiseAnalysis

    public init(_ noise: NoiseAnalysis) {
        self.noise = noise
    }

    /// Columns appended to `streets.csv`, in order.
    public static let streetColumns = ["lw_day_dba_per_m", "lw_evening_dba_per_m", "lw_night_dba_per_m", "traffic_source", "surface",
                                       "vehicles_day_per_h"]

    public func streetCells(_ index: Int) -> [String] {
        let street = noise.streets[index]
        return Period.allCases.map { street.lwA($0).map { NumberFormat.fixed($0, 2) } ?? "" }
            + [street.traffic.source.rawValue, street.traffic.surface.code, NumberFormat.fixed(street.traffic.vehiclesPerHour(.day), 1)]
    }

    /// The noise cells of a building's row in `buildings.csv`: ld, le, ln, lden, lnight.
    public func buildingCells(_ index: Int) -> [String] {
        let levels = noise.buildings[index].levels
        return [levels?.day, levels?.evening, levels?.night, levels?.lden, levels?.lnight].map { value in
            value.flatMap { $0.isFinite ? NumberFormat.fixed($0, 1) : nil } ?? ""
        }
    }

    public func addDistrictRows(to rows: inout IndicatorRows) {
        let exposure = noise.exposure
        rows.add("residents_noise_assessed", exposure.assessedResidents, unit: "residents", digits: 0)
        rows.add("residents_lden_ge_53_pct", exposure.percent(exposure.residentsLdenAtLeast53), unit: "%")
        rows.add("residents_lden_ge_55_pct", exposure.percent(exposure.residentsLdenAtLeast55), unit: "%")
        rows.add("residents_lden_ge_65_pct", exposure.percent(exposure.residentsLdenAtLeast65), unit: "%")
        rows.add("residents_lnight_ge_45_pct", exposure.percent(exposure.residentsLnightAtLeast45), unit: "%")
        rows.add("residents_ld_lt_65_pct", exposure.percent(exposure.residentsLdBelow65), unit: "%")
        for band in exposure.ldenBands { rows.add("residents_lden_\(band.label)", band.residents, unit: "residents", digits: 0) }
        for band in exposure.lnightBands { rows.add("residents_lnight_\(band.label)", band.residents, unit: "residents", digits: 0) }
        let defaulted = noise.streets.filter { $0.traffic.source == .classDefault }.count
        rows.add("streets_with_default_traffic", Double(defaulted), unit: "count", digits: 0)
    }

    /// Residents at or above the guideline levels, as shares.
    public var exposureTable: TextTable {
        let exposure = noise.exposure
        var table = TextTable(header: ["residents (most exposed facade)", "share"], rightAligned: [1])
        let rows: [(String, Double)] = [
            ("Lden >= 53 dB (WHO 2018 guideline)", exposure.residentsLdenAtLeast53),
            ("Lden >= 55 dB (END reporting)", exposure.residentsLdenAtLeast55),
            ("Lden >= 65 dB", exposure.residentsLdenAtLeast65),
            ("Lnight >= 45 dB (WHO 2018 guideline)", exposure.residentsLnightAtLeast45),
            ("Ld < 65 dB(A) (Spanish day objective)", exposure.residentsLdBelow65),
        ]
        for (label, residents) in rows {
            table.rows.append([label, exposure.percent(residents).map { NumberFormat.fixed($0, 1) + " %" } ?? "-"])
        }
        return table
    }

    public var summary: String {
        let exposure = noise.exposure
        return ([exposureTable.rendered, "Residents assessed: \(NumberFormat.grouped(exposure.assessedResidents))"]
            + noise.notes.map { "note: \($0)" }).joined(separator: "\n")
    }
}
