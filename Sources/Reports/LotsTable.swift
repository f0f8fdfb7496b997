import Indicators

/// `lots.csv`: one row per vacant lot with its regeneration indicators and priority.
public struct LotsTable: Sendable {
    public var lots: [LotIndicators]

    public init(_ lots: [LotIndicators]) {
        self.lots = lots
    }

    public var csv: CSVTable {
        var table = CSVTable(header: ["id", "area_m2", "compactness", "residents_300m", "newly_served_residents", "nearest_green_m",
                                      "lden_dba", "sliver", "priority_score", "priority_rank"])
        for lot in lots {
            table.rows.append([
                lot.id, NumberFormat.fixed(lot.area, 2), NumberFormat.fixed(lot.compactness, 3), NumberFormat.fixed(lot.residents300m, 1),
                NumberFormat.fixed(lot.newlyServedResidents, 1), lot.nearestGreen.map { NumberFormat.fixed($0, 1) } ?? "",
                lot.lden.map { NumberFormat.fixed($0, 1) } ?? "", lot.isSliver ? "1" : "0", NumberFormat.fixed(lot.priorityScore, 1),
                String(lot.priorityRank),
            ])
        }
        return table
    }
}
