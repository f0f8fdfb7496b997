import CNOSSOS

/// The output of `superblock propagation --scene`: each scene's level at the receiver per octave
/// band (unweighted), the energetic sum of the long-term levels of the paths its path finder found.
public struct SceneLevelsTable: Sendable {
    public struct Row: Sendable {
        public var name: String
        /// The paths found, as their profiles name them (direct, left, left_curved, reflection...).
        public var paths: [String]
        /// Receiver level per band 63 Hz..8 kHz; empty when no path was found.
        public var levels: [Double]

        public init(name: String, paths: [String], levels: [Double]) {
            self.name = name
            self.paths = paths
            self.levels = levels
        }
    }

    public var rows: [Row]

    public init(_ rows: [Row]) {
        self.rows = rows
    }

    /// `case,band,l_db`: one row per scene and band; `l_db` empty when no path reaches the receiver.
    public var csv: String {
        var table = CSVTable(header: ["case", "band", "l_db"])
        for row in rows {
            for band in OctaveBand.allCases {
                let level = row.levels.indices.contains(band.index) ? row.levels[band.index] : nil
                table.rows.append([row.name, String(band.centreFrequency), PropagationTable.format(level)])
            }
        }
        return table.text
    }

    /// The paths found and the receiver levels, for reading.
    public var text: String {
        let bands = OctaveBand.allCases.map { String($0.centreFrequency) }
        var table = TextTable(header: ["case"] + bands + ["total", "paths"], rightAligned: Set(1 ..< 10))
        for row in rows {
            let levels = row.levels.count == bands.count ? row.levels : []
            table.rows.append([row.name] + (levels.isEmpty ? bands.map { _ in "" } : levels.map { PropagationTable.format($0) })
                              + [levels.isEmpty ? "" : PropagationTable.format(Decibel.energeticSum(levels)),
                                 row.paths.isEmpty ? "no path" : row.paths.joined(separator: " ")])
        }
        return "Receiver levels (energetic sum of the paths' L, dB, unweighted)\n" + table.rendered + "\n"
    }
}
