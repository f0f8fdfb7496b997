import Indicators

/// The health-outcome rows, columns and summary lines (names documented in the README; the
/// three `district.csv` indicators are the contract of issue 9).
public struct HealthTables: Sendable {
    public var health: HealthImpact

    public init(_ health: HealthImpact) {
        self.health = health
    }

    /// Columns appended to `buildings.csv`, in order: residents highly annoyed and highly
    /// sleep-disturbed in the building (empty where it has no level).
    public static let buildingColumns = ["highly_annoyed", "highly_sleep_disturbed"]

    public func buildingCells(_ index: Int) -> [String] {
        guard index < health.buildings.count else { return ["", ""] }
        let building = health.buildings[index]
        return [building.highlyAnnoyed, building.highlySleepDisturbed].map { $0.map { NumberFormat.fixed($0, 2) } ?? "" }
    }

    public func addDistrictRows(to rows: inout IndicatorRows) {
        rows.add("residents_highly_annoyed", health.residentsHighlyAnnoyed, unit: "residents", digits: 1)
        rows.add("residents_highly_sleep_disturbed", health.residentsHighlySleepDisturbed, unit: "residents", digits: 1)
        rows.add("ihd_attributable_fraction_pct", health.ihdAttributableFraction.map { 100 * $0 }, unit: "%", digits: 3)
        rows.add("ihd_incidence_per_100000", health.options.ihdIncidencePer100000, unit: "cases/100000/year", digits: 1)
        rows.add("ihd_cases_attributable", health.ihdCasesAttributable, unit: "cases/year", digits: 3)
    }

    /// A count rounded and grouped, without trapping on values no Int holds.
    static func count(_ value: Double) -> String {
        value.isFinite && abs(value) < 9e15 ? NumberFormat.grouped(Int(value.rounded())) : NumberFormat.fixed(value, 0)
    }

    /// The three outcomes, "not assessed" without noise levels.
    public var table: TextTable {
        var table = TextTable(header: ["health outcomes, road traffic (Directive 2002/49/EC Annex III)", "value"], rightAligned: [1])
        let residents = { (value: Double?) in value.map { Self.count($0) + " residents" } ?? "not assessed: no noise levels" }
        table.rows = [
            ["highly annoyed (Lden)", residents(health.residentsHighlyAnnoyed)],
            ["highly sleep-disturbed (Lnight)", residents(health.residentsHighlySleepDisturbed)],
            ["ischaemic heart disease, new cases a year attributable",
             health.ihdCasesAttributable.map { NumberFormat.fixed($0, 2) } ?? "not assessed: no noise levels"],
        ]
        return table
    }

    /// The incidence in force and how buildings are counted.
    public var note: String {
        "(IHD at \(NumberFormat.fixed(health.options.ihdIncidencePer100000, 1)) new cases per 100,000 a year, "
            + "--ihd-incidence; each building counted at its own Lden and Lnight)"
    }

    /// Lines for the noise part of the summary.
    public var summary: String { table.rendered + "\n" + note }
}
