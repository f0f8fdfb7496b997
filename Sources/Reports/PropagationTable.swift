import CNOSSOS

/// The output of `superblock propagation`: the levels of each path per octave band (unweighted),
/// and each case's receiver total.
public struct PropagationTable: Sendable {
    public var results: [PathLevels]

    public init(_ results: [PathLevels]) {
        self.results = results
    }

    /// `case,path,band,lh_db,lf_db,l_db`: one row per profile and band; empty where a level was not
    /// computed (the conditions a profile is not for, or a path that does not exist in them).
    public var csv: String {
        var table = CSVTable(header: ["case", "path", "band", "lh_db", "lf_db", "l_db"])
        for result in results {
            for band in OctaveBand.allCases {
                table.rows.append([
                    result.profile.name, result.profile.path.rawValue, String(band.centreFrequency),
                    Self.format(result.homogeneous?[band.index]), Self.format(result.favourable?[band.index]),
                    Self.format(result.longTerm?[band.index]),
                ])
            }
        }
        return table.text
    }

    /// A table per profile and the receiver totals, for reading.
    public var text: String {
        var out = ""
        let bands = OctaveBand.allCases.map { String($0.centreFrequency) }
        for result in results {
            out += "\(result.profile.name.isEmpty ? "profile" : result.profile.name) \(result.profile.path.rawValue)\n"
            var table = TextTable(header: ["", "dB"] + bands, rightAligned: Set(2 ..< 10))
            for (label, values) in [("LH", result.homogeneous), ("LF", result.favourable), ("L", result.longTerm)] {
                guard let values else { continue }
                table.rows.append([label, ""] + values.map { Self.format($0) })
            }
            if table.rows.isEmpty { table.rows.append(["-", "no path in these conditions"] + bands.map { _ in "" }) }
            out += table.rendered + "\n"
        }
        let totals = PathLevels.receiverTotals(results)
        if !totals.isEmpty {
            out += "Receiver totals (energetic sum of the paths' L)\n"
            var table = TextTable(header: ["case"] + bands + ["total"], rightAligned: Set(1 ..< 10))
            for total in totals {
                table.rows.append([total.name] + total.levels.map { Self.format($0) }
                                  + [Self.format(Decibel.energeticSum(total.levels))])
            }
            out += table.rendered + "\n"
        }
        return out
    }

    /// Two decimals; empty for a level not computed (never `nan` or `inf`).
    static func format(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        return NumberFormat.fixed(value, 2)
    }
}
