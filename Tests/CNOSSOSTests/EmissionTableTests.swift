import Testing
import CNOSSOS

@Suite struct EmissionTableTests {
    let levels = BandLevels([70, 75, 80, 85, 90, 85, 80, 75.005])

    @Test func csvHasOneRowPerBandAndBothTotals() {
        // total: 10 lg(Σ 10^(L/10)) = 93.0465; A-weighted: 10 lg(Σ 10^((L + A)/10)) = 92.3986
        let csv = EmissionTable(levels: levels).csv
        let lines = csv.split(separator: "\n").map(String.init)
        #expect(lines.count == 11)
        #expect(lines[0] == "band,lw_db_per_m")
        #expect(lines[1] == "63,70.00")
        #expect(lines[5] == "1000,90.00")
        #expect(lines[8].hasPrefix("8000,75.0"))
        #expect(lines[9] == "total,\(EmissionTable.format(levels.total))")
        #expect(lines[10] == "total_a,\(EmissionTable.format(levels.totalA))")
        #expect(csv.hasSuffix("\n"))
    }

    @Test func numbersHaveTwoDecimalsAndADot() {
        #expect(EmissionTable.format(81.4519) == "81.45")
        #expect(EmissionTable.format(77.6896) == "77.69")
        #expect(EmissionTable.format(-0.004) == "0.00")
        #expect(EmissionTable.format(-3.256) == "-3.26")
        #expect(EmissionTable.format(5) == "5.00")
        #expect(EmissionTable.format(-.infinity) == "")
    }

    @Test func aRealRoad() throws {
        // 1000 light/h at 50 km/h: total L'WA = 81.45 dB(A)/m (DESIGN.md 4.2).
        let conditions = EmissionConditions()
        let emission = EmissionModel(conditions).emission([.light: try FlowSpec(parsing: "1000@50").flow])
        let table = EmissionTable(emission, conditions: conditions)
        #expect(table.csv.hasSuffix("total_a,81.45\n"))
        #expect(table.text.contains("note: speed floor: vehicle sound power held at its 20 km/h value"))
        #expect(table.text.split(separator: "\n").first?.contains("band (Hz)") == true)
    }

    @Test func silentBandsAreEmpty() {
        let csv = EmissionTable(levels: .silent).csv
        #expect(csv.contains("\n63,\n"))
        #expect(csv.hasSuffix("total_a,\n"))
        #expect(EmissionTable(levels: .silent).text.contains("-"))
    }
}
