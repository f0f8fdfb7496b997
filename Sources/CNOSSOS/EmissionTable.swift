/// The per-band emission of a road as a table, for the `superblock emission` command: CSV for
/// machines and an aligned text table for people.
///
/// Numbers have two decimals and a dot whatever the locale, so that files diff cleanly. A silent
/// band (no traffic) is an empty CSV field and "-" in the text table.
public struct EmissionTable: Sendable, Hashable {
    /// L'_W per band, dB per metre.
    public var levels: BandLevels
    /// Lines printed under the text table to say how the numbers were obtained (e.g. the
    /// coefficient set and the speed floor). Not written to the CSV.
    public var notes: [String]

    public init(levels: BandLevels, notes: [String] = []) {
        self.levels = levels
        self.notes = notes
    }

    /// The total emission of `emission`, noted with the settings of `conditions`.
    public init(_ emission: Emission, conditions: EmissionConditions) {
        self.init(levels: emission.total, notes: conditions.summary)
    }

    /// Header `band,lw_db_per_m`, one row per band (`63` ... `8000`), then `total` (unweighted
    /// energetic sum) and `total_a` (A-weighted), each line ending in a newline.
    public var csv: String {
        var lines = ["band,lw_db_per_m"]
        for band in OctaveBand.allCases {
            lines.append("\(band.rawValue),\(Self.fixed(levels[band], silent: ""))")
        }
        lines.append("total,\(Self.fixed(levels.total, silent: ""))")
        lines.append("total_a,\(Self.fixed(levels.totalA, silent: ""))")
        return lines.joined(separator: "\n") + "\n"
    }

    /// An aligned table: band, L'_W and A-weighted L'_W per band, then the totals and the notes.
    public var text: String {
        let weighted = levels.aWeighted
        var rows: [(String, String, String)] = [("band (Hz)", "L'W dB/m", "L'WA dB(A)/m")]
        for band in OctaveBand.allCases {
            rows.append(("\(band.rawValue)", Self.fixed(levels[band], silent: "-"), Self.fixed(weighted[band], silent: "-")))
        }
        rows.append(("total", Self.fixed(levels.total, silent: "-"), Self.fixed(levels.totalA, silent: "-")))
        let widths = (
            rows.map(\.0.count).max() ?? 0,
            rows.map(\.1.count).max() ?? 0,
            rows.map(\.2.count).max() ?? 0
        )
        var lines = rows.map { row in
            Self.padLeft(row.0, widths.0) + "  " + Self.padLeft(row.1, widths.1) + "  " + Self.padLeft(row.2, widths.2)
        }
        lines.append(contentsOf: notes.map { "note: \($0)" })
        return lines.joined(separator: "\n") + "\n"
    }

    /// `value` as the CSV writes it: two decimals and a dot, rounded half away from zero, with
    /// no "-0.00"; an empty string for a silent (-infinity) level.
    public static func format(_ value: Double) -> String {
        fixed(value, silent: "")
    }

    /// `value` with exactly two decimals and a dot; `silent` for -infinity. NaN and +infinity
    /// cannot come out of valid emission input and are written as Swift prints them.
    static func fixed(_ value: Double, silent: String) -> String {
        guard value.isFinite else { return value == -.infinity ? silent : String(value) }
        let hundredths = (value * 100).rounded()
        let magnitude = UInt64(abs(hundredths))
        let digits = "\(magnitude / 100)." + (magnitude % 100 < 10 ? "0" : "") + "\(magnitude % 100)"
        return hundredths < 0 && magnitude != 0 ? "-" + digits : digits
    }

    private static func padLeft(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
