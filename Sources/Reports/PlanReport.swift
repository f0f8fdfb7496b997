import Indicators

/// The terminal summary of `superblock plan`.
public struct PlanReport: Sendable {
    public var plan: PlanResult

    public init(plan: PlanResult) {
        self.plan = plan
    }

    public var text: String {
        let options = plan.options
        let cut = options.reroute ? "interiors access only, traffic re-assigned by the network model" : "traffic cut \(NumberFormat.fixed(100 * options.trafficCut, 0)) %"
        var lines = ["Plan: \(cut), carriageway to shared space "
            + "\(NumberFormat.fixed(100 * options.sharedShare, 0)) %, to green \(NumberFormat.fixed(100 * options.greenShare, 0)) %, "
            + "motor lane kept \(NumberFormat.fixed(100 * options.trafficShare, 0)) %, \(NumberFormat.fixed(options.speed, 0)) km/h"
            + (options.squares ? ", interior crossings made squares" : ""), ""]
        var table = TextTable(header: ["cell", "interior streets", "shared m2 (nominal)", "green m2 (nominal)", "veh-km/day off",
                                       "perimeter streets", options.reroute ? "added veh/day (mean)" : "added veh/day"], rightAligned: [1, 2, 3, 4, 5, 6])
        for cell in plan.cellTotals {
            table.rows.append([cell.id, "\(cell.interiorStreets)", NumberFormat.grouped(cell.nominalSharedArea),
                               NumberFormat.grouped(cell.nominalGreenArea), NumberFormat.fixed(cell.displacedVehicleKilometres, 1),
                               "\(cell.perimeterStreets)", options.reroute ? NumberFormat.fixed(cell.addedDailyFlow, 0) : "-"])
        }
        lines.append(table.rendered)
        if options.squares {
            let area = plan.squares.reduce(0) { $0 + $1.area }, green = plan.squares.reduce(0) { $0 + $1.greenArea }
            lines.append("Squares: \(plan.squares.count) crossings of interior streets, \(NumberFormat.grouped(area)) m2 of carriageway "
                         + "made pedestrian space, \(NumberFormat.grouped(green)) m2 of it planted"
                         + (plan.squares.isEmpty ? " (no crossing where only one cell's interior streets meet)" : ""))
        }
        lines.append("Nominal areas: centreline length x width per street (junctions counted per street); superblock compare measures the real change.")
        if let before = plan.modelBefore {
            lines += ["", "note: " + TrafficModelLines(before).note] + (TrafficModelLines(before).warning.map { ["warning: " + $0] } ?? [])
        }
        if let travel = plan.travel { lines += [""] + TravelImpactLines(travel).lines }
        if !plan.warnings.isEmpty {
            lines.append("")
            lines.append("Warnings: \(plan.warnings.count)")
            for warning in plan.warnings.prefix(10) { lines.append("  \(warning)") }
        }
        return lines.joined(separator: "\n")
    }
}
