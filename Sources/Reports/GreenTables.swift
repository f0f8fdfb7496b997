import Indicators

/// The green rows of `district.csv` and the green summary (names documented in the README).
///
/// Indicators whose input layer is absent (no green polygons, no tree points) are not assessed:
/// empty in the tables, "not assessed: no ... layer" in the summary, never 0 (`GreenInputs`).
public struct GreenTables: Sendable {
    public var green: GreenAnalysis

    public init(_ green: GreenAnalysis) {
        self.green = green
    }

    /// - Parameter suffix: appended to every indicator name (the `--green-lots` what-if uses `_if_lots_green`).
    public func addDistrictRows(to rows: inout IndicatorRows, suffix: String = "") {
        let s = green.summary
        let inputs = s.inputs
        let access = { (value: Double?) in inputs.assessed(value, needs: GreenInputs.greenAccess) }
        let trees = { (value: Double?) in inputs.assessed(value, needs: GreenInputs.treeCriteria) }
        if suffix.isEmpty {
            rows.add("green_access_method", nil, unit: s.access.rawValue)
            rows.add("study_area_m2", s.studyArea, unit: "m2")
        }
        rows.add("green_area_m2" + suffix, access(s.greenArea), unit: "m2")
        rows.add("green_area_incl_outside_m2" + suffix, access(s.greenAreaAll), unit: "m2")
        rows.add("green_parts" + suffix, access(Double(s.greenParts)), unit: "count", digits: 0)
        rows.add("green_parts_ge_05ha" + suffix, access(Double(s.greenPartsAtLeastHalfHectare)), unit: "count", digits: 0)
        rows.add("green_parts_ge_1ha" + suffix, access(Double(s.greenPartsAtLeastOneHectare)), unit: "count", digits: 0)
        rows.add("green_m2_per_resident" + suffix, access(s.greenPerResident), unit: "m2/resident")
        rows.add("residents_green_300m_pct" + suffix, access(s.percent(s.residentsGreen300m)), unit: "%")
        rows.add("residents_green_300m_1ha_pct" + suffix, access(s.percent(s.residentsGreen300m1ha)), unit: "%")
        let names = ["residents_green_1000m2_200m_pct", "residents_green_5000m2_750m_pct", "residents_green_1ha_2km_pct", "residents_green_10ha_4km_pct"]
        for (name, residents) in zip(names, s.residentsPerProximityClass) { rows.add(name + suffix, access(s.percent(residents)), unit: "%") }
        rows.add("residents_green_all_4_classes_pct" + suffix, access(s.percent(s.residentsAllProximityClasses)), unit: "%")
        rows.add("residents_3_trees_15m_pct" + suffix, trees(s.percent(s.residentsTreesNear)), unit: "%")
        rows.add("canopy_pct" + suffix, trees(s.canopyPercent), unit: "%")
        rows.add("residents_3_30_300_pct" + suffix, inputs.assessed(s.percent(s.residents33300), needs: GreenInputs.rule33300), unit: "%")
        rows.add("street_sections" + suffix, Double(s.streetSections), unit: "count", digits: 0)
        rows.add("street_sections_trees_ge_0_2_per_m_pct" + suffix,
                 trees(s.streetSections > 0 ? 100 * Double(s.streetSectionsWellTreed) / Double(s.streetSections) : nil), unit: "%")
    }

    /// One warning per missing input layer, naming it and what it leaves unassessed.
    public var warnings: [String] {
        let inputs = green.summary.inputs
        var warnings: [String] = []
        if !inputs.hasGreenLayer {
            warnings.append("warning: \(GreenInputs.Layer.green.description): green space, green access and 3-30-300 not assessed (left empty, not 0)")
        }
        if !inputs.hasTreeLayer {
            warnings.append("warning: \(GreenInputs.Layer.trees.description): trees near homes, canopy, trees per street section and 3-30-300 not assessed (left empty, not 0)")
        }
        return warnings
    }

    /// The layers each row of the summary table needs, in the table's order.
    static let summaryNeeds: [[GreenInputs.Layer]] = [
        GreenInputs.greenAccess, GreenInputs.greenAccess, GreenInputs.greenAccess, GreenInputs.greenAccess, GreenInputs.greenAccess,
        GreenInputs.treeCriteria, GreenInputs.treeCriteria, GreenInputs.rule33300,
    ]

    /// The summary table: a row per indicator, "not assessed: ..." where a layer is absent.
    public var summaryTable: TextTable {
        let s = green.summary
        let inputs = s.inputs
        var table = TextTable(header: ["green space", "value"], rightAligned: [1])
        let pct = { (value: Double?) in value.map { NumberFormat.fixed($0, 1) + " %" } ?? "-" }
        table.rows = [
            ["green area in the study area", NumberFormat.grouped(s.greenArea) + " m2"],
            ["green per resident", s.greenPerResident.map { NumberFormat.fixed($0, 1) + " m2" } ?? "-"],
            ["residents within 300 m of green >= 0.5 ha (WHO)", pct(s.percent(s.residentsGreen300m))],
            ["residents within 300 m of green >= 1 ha", pct(s.percent(s.residentsGreen300m1ha))],
            ["residents reaching all 4 BCNecologia classes", pct(s.percent(s.residentsAllProximityClasses))],
            ["residents with >= 3 trees within 15 m", pct(s.percent(s.residentsTreesNear))],
            ["canopy cover", pct(s.canopyPercent)],
            ["residents meeting 3-30-300", pct(s.percent(s.residents33300))],
        ]
        // Rows resting on an absent layer say so instead of showing the empty analysis's 0.
        for (index, needs) in Self.summaryNeeds.enumerated() {
            let missing = inputs.missing(needs)
            if !missing.isEmpty { table.rows[index][1] = "not assessed: " + missing.map(\.shortDescription).joined(separator: ", ") }
        }
        return table
    }

    /// How distances were measured, and the green-per-resident references.
    public var summaryNote: String {
        "(distances: \(green.summary.access == .walking ? "along the street network" : "straight line from the green boundary"); "
            + "green per resident: BCNecologia asks at least 10-12, desirably 15 m2; the '9 m2 per inhabitant (WHO)' is commonly cited but in no WHO document)"
    }

    public var summary: String {
        ([summaryTable.rendered + "\n" + summaryNote]
            + warnings).joined(separator: "\n")
    }
}
