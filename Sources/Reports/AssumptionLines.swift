import DistrictModel
import Indicators

/// The first lines of every `analyze` and `compare` summary: which noise model ran and what was
/// assumed rather than measured (class-default traffic, default heights, residents estimated
/// without census), with the matching `district.csv` rows.
public struct AssumptionLines: Sendable {
    public var assumptions: AnalysisAssumptions

    public init(_ assumptions: AnalysisAssumptions) {
        self.assumptions = assumptions
    }

    public var lines: [String] {
        let a = assumptions
        var lines: [String] = []
        if let model = a.noiseModel {
            let kind = a.noiseModel?.hasPrefix("CNOSSOS") == true
                ? "CNOSSOS-EU road emission and propagation over flat terrain; not an END strategic noise map"
                : "CNOSSOS-EU road emission; a screening model, not an END-compliant noise map"
            lines.append("Noise model: \(model); \(kind)")
            let km = { (metres: Double) in NumberFormat.fixed(metres / 1000, 1) }
            lines.append("Assumed traffic: class defaults on " + Self.percent(a.defaultTrafficLengthPercent)
                + " of the street length with motor traffic (\(km(a.defaultTrafficStreetLength)) of \(km(a.trafficStreetLength)) km had no counts, road table or traffic:aadt)")
        }
        let defaultHeight = a.defaultBuildingHeight.map { NumberFormat.fixed($0, 1) + " m (the median of the known heights, or --building-height)" }
            ?? "\(NumberFormat.fixed(BuildingHeight.defaultHeight, 0)) m (one storey)"
        lines.append("Assumed heights: a default of \(defaultHeight) for " + Self.percent(a.defaultHeightPercent)
            + " of buildings (\(NumberFormat.grouped(a.buildingsWithDefaultHeight)) of \(NumberFormat.grouped(a.buildings)) had no height or building:levels)")
        let share = { (part: Double) in a.residents > 0 ? NumberFormat.fixed(100 * part / a.residents, 1) + " %" : "-" }
        lines.append("Assumed residents: " + Self.percent(a.residentsWithoutCensusPercent)
            + " estimated without census (dwellings or floor area); \(share(a.residentsFromCensus)) from census, \(share(a.residentsGiven)) given per building")
        return lines
    }

    public func addDistrictRows(to rows: inout IndicatorRows) {
        let a = assumptions
        if let model = a.noiseModel {
            rows.add("noise_model", nil, unit: model)
            rows.add("street_length_default_traffic_pct", a.defaultTrafficLengthPercent, unit: "%")
        }
        rows.add("buildings_default_height", Double(a.buildingsWithDefaultHeight), unit: "count", digits: 0)
        rows.add("buildings_default_height_pct", a.defaultHeightPercent, unit: "%")
        rows.add("residents_without_census_pct", a.residentsWithoutCensusPercent, unit: "%")
    }

    static func percent(_ value: Double?) -> String { value.map { NumberFormat.fixed($0, 1) + " %" } ?? "-" }
}
