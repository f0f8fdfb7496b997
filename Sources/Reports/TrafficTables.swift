import DistrictModel
import Indicators

/// How the traffic model ran, in one line for the notes of `analyze`, `plan` and `compare`.
public struct TrafficModelLines: Sendable {
    public var result: ModelledTraffic

    public init(_ result: ModelledTraffic) {
        self.result = result
    }

    public var note: String {
        let modelled = result.dailyFlow.compactMap { $0 }.count
        let zones = result.demand.zones.filter { !$0.isBoundary }.count
        let crossings = result.demand.zones.filter(\.isBoundary).count
        var text = "traffic modelled on \(modelled) streets (--traffic model): \(NumberFormat.grouped(result.demand.residentTrips)) car trips a day "
            + "from residents and floor area at \(zones) street nodes, \(crossings) boundary crossings with "
            + "\(NumberFormat.grouped(result.demand.boundaryWeight)) through vehicles a day, fastest paths, "
            + (result.scaling.countedClasses.isEmpty ? "class means anchored to the defaults"
                : "scaled to the counts in " + result.scaling.countedClasses.sorted().joined(separator: ", ") + ", other class means anchored to the defaults")
        if let fit = result.calibration {
            text += "; fitted to \(fit.streets) counted streets: R2 \(NumberFormat.fixed(fit.rSquared, 3)), mean error "
                + "\(NumberFormat.fixed(fit.meanError, 0)) vehicles a day, mean absolute error \(NumberFormat.fixed(fit.meanAbsolutePercentError, 1)) %"
        }
        if result.unassignedTrips > 0.5 { text += "; \(NumberFormat.grouped(result.unassignedTrips)) trips a day found no path" }
        return text
    }

    /// A model without residents or floor area assigns only the through traffic: the streets file
    /// was given without its buildings, most likely.
    public var warning: String? {
        guard result.demand.residentTrips < 0.5 else { return nil }
        return "the traffic model found no residents or floor area (no buildings among the inputs?): only the through traffic "
            + "between the boundary crossings is assigned; give the buildings (`--with BUILDINGS` on plan and compare, an input file of analyze)"
    }
}

/// The traffic part of `superblock compare`: travel rows for `compare.csv`, the interior and
/// perimeter summary, and `streets.csv` (each street's flow before and after).
public struct TrafficComparisonTables: Sendable {
    public var traffic: TrafficComparison
    public var beforeIDs: [String]
    public var afterIDs: [String]
    public var names: [String]

    public init(_ traffic: TrafficComparison, comparison: LayoutComparison) {
        self.traffic = traffic
        beforeIDs = comparison.before.district.streets.map(\.id)
        afterIDs = comparison.after.district.streets.map(\.id)
        let streets = comparison.after.district.streets, old = comparison.before.district.streets
        names = traffic.streets.map { street in
            (street.after.map { streets[$0] } ?? street.before.map { old[$0] })?.attributes.string("name") ?? ""
        }
    }

    /// `compare.csv` rows: travel for the district and each cell.
    public var travelRows: [[String]] {
        var rows: [[String]] = []
        func add(_ level: String, _ scope: TravelImpact.Scope) {
            rows.append(ComparisonTables.row(level, scope.id, "car_travel_distance_mean_m", "m", scope.before.meanDistance, scope.after.meanDistance, digits: 1))
            rows.append(ComparisonTables.row(level, scope.id, "car_travel_time_mean_s", "s", scope.before.meanTime, scope.after.meanTime, digits: 1))
            rows.append(ComparisonTables.row(level, scope.id, "directness", "ratio", scope.before.directness, scope.after.directness, digits: 4))
            rows.append(ComparisonTables.row(level, scope.id, "global_efficiency", "ratio", scope.before.globalEfficiency, scope.after.globalEfficiency, digits: 4))
            rows.append(ComparisonTables.row(level, scope.id, "od_pairs_rerouted_pct", "%", 0, scope.reroutedPercent, digits: 2))
            rows.append(ComparisonTables.row(level, scope.id, "od_pairs_unreachable", "pairs", 0, Double(scope.unreachablePairs), digits: 0))
        }
        add("district", traffic.travel.district)
        for cell in traffic.travel.cells { add("cell", cell) }
        for (name, group) in [("interior", traffic.interior), ("perimeter", traffic.perimeter)] where group.streets > 0 {
            rows.append(ComparisonTables.row("district", "district", "\(name)_vehicles_day_mean", "veh/day", group.dailyBefore, group.dailyAfter, digits: 0))
            rows.append(ComparisonTables.row("district", "district", "\(name)_lw_day_dba_per_m", "dB(A)/m", group.lwDayBefore, group.lwDayAfter, digits: 2))
        }
        return rows
    }

    /// `streets.csv` of `compare`: one row per street pair.
    public var streets: CSVTable {
        var table = CSVTable(header: ["id", "name", "role", "vehicles_day_modelled", "vehicles_day_before", "vehicles_day_after", "vehicles_day_change",
                                      "lw_day_before_dba_per_m", "lw_day_after_dba_per_m"])
        for (index, street) in traffic.streets.enumerated() {
            let id = street.after.map { afterIDs[$0] } ?? street.before.map { beforeIDs[$0] } ?? ""
            let change = street.dailyBefore.flatMap { x in street.dailyAfter.map { $0 - x } }
            table.rows.append([id, names[index], street.role.rawValue]
                + [street.modelledBefore, street.dailyBefore, street.dailyAfter, change].map { $0.map { NumberFormat.fixed($0, 0) } ?? "" }
                + [street.lwDayBefore, street.lwDayAfter].map { $0.map { NumberFormat.fixed($0, 2) } ?? "" })
        }
        return table
    }

    /// The cells' interior and perimeter streets: length-weighted mean flow and day sound power,
    /// before and after (rows `label, before, after, change`), for the terminal and the HTML report.
    public var groupRows: [[String]] {
        var rows: [[String]] = []
        for (name, group) in [("interior", traffic.interior), ("perimeter", traffic.perimeter)] where group.streets > 0 {
            rows.append(TravelImpactLines.row("\(name) streets (\(group.streets)), vehicles a day", group.dailyBefore, group.dailyAfter, 0))
            if let before = group.lwDayBefore, let after = group.lwDayAfter {
                rows.append(TravelImpactLines.row("\(name) streets, Lw day dB(A)/m", before, after, 2))
            }
        }
        return rows
    }

    public static let groupCaption = "Traffic on the cells' streets (length-weighted means):"

    /// Terminal lines: travel and the interior / perimeter flows.
    public var lines: [String] {
        var lines = TravelImpactLines(traffic.travel).lines
        var table = TextTable(header: ["", "before", "after", "change"], rightAligned: [1, 2, 3])
        table.rows = groupRows
        if !table.rows.isEmpty { lines += ["", Self.groupCaption, table.rendered] }
        return lines
    }
}

/// Car travel before and after, for the terminal.
public struct TravelImpactLines: Sendable {
    public var travel: TravelImpact

    public init(_ travel: TravelImpact) {
        self.travel = travel
    }

    /// What the figures cover: all pairs or a seeded sample.
    public var heading: String {
        "Car travel between \(travel.sampled ? "a seeded sample of \(travel.sources) origins (seed \(travel.seed)) and" : "all") "
            + "\(NumberFormat.grouped(Double(travel.nodes))) graph nodes (\(NumberFormat.grouped(Double(travel.district.before.pairs))) pairs):"
    }

    /// The district's travel figures, rows `label, before, after, change`.
    public var rows: [[String]] {
        let d = travel.district
        return [
            Self.row("mean car travel distance, m", d.before.meanDistance, d.after.meanDistance, 1),
            Self.row("mean car travel time, s", d.before.meanTime, d.after.meanTime, 1),
            Self.row("directness", d.before.directness, d.after.directness, 4),
            Self.row("global efficiency", d.before.globalEfficiency, d.after.globalEfficiency, 4),
            Self.row("pairs rerouted, %", 0, d.reroutedPercent, 2),
            Self.row("pairs unreachable", 0, Double(d.unreachablePairs), 0),
        ]
    }

    /// The sample's margin and the pairs left out, as sentences.
    public var notes: [String] {
        var notes: [String] = []
        if travel.sampled {
            notes.append("95 % confidence half-width of the mean change: \(NumberFormat.fixed(travel.distanceChangeMargin, 1)) m, \(NumberFormat.fixed(travel.timeChangeMargin, 1)) s")
        }
        if travel.pairsUnreachableBefore > 0 {
            notes.append("\(NumberFormat.grouped(Double(travel.pairsUnreachableBefore))) pairs unreachable before already (one-way dead ends at the edge) are left out")
        }
        return notes
    }

    static func row(_ label: String, _ before: Double, _ after: Double, _ digits: Int) -> [String] {
        [label, NumberFormat.fixed(before, digits), NumberFormat.fixed(after, digits), NumberFormat.fixed(after - before, digits)]
    }

    public var lines: [String] {
        var table = TextTable(header: ["", "before", "after", "change"], rightAligned: [1, 2, 3])
        table.rows = rows
        return [heading, table.rendered] + notes
    }
}

/// `vehicles_day_modelled` in `streets.csv`: the network model's daily flow (`traffic:modelled`),
/// present when any street carries one (`--traffic model`, or an after layout of `plan --reroute`).
enum TrafficModelColumns {
    static func append(to table: inout CSVTable, streets: [DistrictFeature]) {
        guard streets.count == table.rows.count, streets.contains(where: { $0.attributes[modelledFlowKey] != nil }) else { return }
        table.header.append("vehicles_day_modelled")
        for index in table.rows.indices {
            table.rows[index].append(streets[index].attributes.number(modelledFlowKey).map { NumberFormat.fixed($0, 0) } ?? "")
        }
    }
}
