import Testing
import CNOSSOS

/// End-to-end cases of the European Commission's road emission test workbook
/// `CNOSSOS_ROAD_EMISSION_TEST.xlsx` (CNOSSOS-EU source module, CIRCABC, 2014; computed twice,
/// by DGMR's reference DLL and by Stapelfeldt's independent implementation, agreeing to 0.01 dB).
/// The workbook predates 2021/1226, so it pins the equations with the 2015/996 coefficients.
/// Sixteen of the sixty cases extracted, with the five-category traffic recovered, in
/// jmrplens/PyOctaveBand `tests/data/cnossos/road_emission_cases.csv`: one per surface
/// NL01-NL13 plus three with heavy, motorway and motorcycle traffic. Studded tyres: half of the
/// light vehicles, `studded_months` a year. Levels are printed to 0.01 dB, so that is the budget.
@Suite struct CommissionWorkbookTests {
    static let cases = """
        00-0,NL01,-5,1,-15,200,1,1000,20,1000,50,1000,70,1000,110,500,100,96.95,92.54,93.67,93.07,89.74,90.44,86.52,81.75,101.39
        00-1,NL02,2.5,0,-5,50,1,1000,20,1000,50,1000,70,1000,110,500,100,94.34,89.63,90.16,86.30,87.86,89.81,85.76,80.83,98.55
        00-2,NL03,15,0,0,10,1,1000,20,1000,50,1000,70,1000,110,500,100,96.86,92.03,91.52,87.49,88.93,90.04,86.07,81.13,100.32
        00-3,NL04,35,0,5,50,2,1000,20,1000,50,1000,70,1000,110,500,100,95.73,91.20,92.40,92.00,92.43,91.45,86.98,81.74,100.85
        01-0,NL05,2.5,0,0,10,1,1000,20,1000,50,1000,70,1000,110,500,100,96.96,92.03,93.26,92.60,93.11,91.88,87.31,82.00,101.70
        01-1,NL06,15,0,5,50,2,1000,20,1000,50,1000,70,1000,110,500,100,95.73,91.23,92.42,91.79,92.34,91.23,86.68,81.51,100.78
        01-2,NL07,35,0,15,200,2,1000,20,1000,50,1000,70,1000,110,500,100,97.36,93.44,92.95,93.02,92.81,91.32,87.15,81.88,101.92
        01-3,NL08,-5,1,-15,200,1,1000,20,1000,50,1000,70,1000,110,500,100,96.95,92.59,93.69,93.67,93.70,91.96,87.47,82.15,102.06
        02-0,NL09,15,0,15,200,2,1000,20,1000,50,1000,80,1000,110,500,100,98.37,94.63,95.99,95.64,94.75,91.99,87.62,82.37,103.57
        02-1,NL10,35,0,-15,200,1,1000,20,1000,50,1000,80,1000,110,500,100,97.75,94.09,95.39,95.35,94.86,92.20,88.10,82.74,103.22
        02-2,NL11,-5,1,-5,50,1,1000,20,1000,50,1000,80,1000,110,500,100,94.38,91.22,92.21,93.20,93.80,91.25,86.82,81.67,100.86
        02-3,NL12,2.5,0,0,10,1,1000,20,1000,50,1000,80,1000,110,500,100,96.67,91.95,93.33,92.82,93.38,91.94,87.34,82.06,101.68
        03-0,NL13,35,0,-5,50,1,1000,20,1000,50,1000,70,1000,110,500,100,94.34,89.62,90.79,90.12,90.03,90.39,86.35,81.32,99.31
        12-0,NL10,-5,1,15,200,2,1000,20,1000,50,5000,100,1000,110,500,100,106.59,104.36,106.09,105.96,105.12,100.08,96.07,90.32,113.03
        13-3,NL04,-5,1,15,200,2,1000,20,1000,50,1000,70,5000,130,500,100,97.69,93.59,94.92,95.40,97.95,101.16,97.38,92.40,106.15
        14-2,NL07,-5,1,-15,200,1,1000,20,1000,50,1000,70,1000,110,5000,100,96.85,93.44,92.69,92.98,93.16,92.02,87.95,83.26,101.87
        """

    struct Case: Sendable, CustomTestStringConvertible {
        let id: String
        let conditions: EmissionConditions
        let traffic: [VehicleCategory: TrafficFlow]
        let expected: [Double]
        let expectedTotal: Double
        var testDescription: String { id }
    }

    /// Columns: case, surface, temperature, studded months, gradient %, junction distance m,
    /// junction type k, then Q and v for 1, 2, 3, 4a, 4b, then L'_W 63 Hz ... 8 kHz and total.
    static func parsed() throws -> [Case] {
        try cases.split(separator: "\n").map { line in
            let field = line.split(separator: ",").map(String.init)
            let number = { (i: Int) in Double(field[i])! }
            let studs = number(3) > 0 ? try StuddedTyres(share: 0.5, monthsPerYear: number(3)) : nil
            let conditions = EmissionConditions(
                coefficientSet: .directive2015,
                surface: RoadSurface(code: field[1])!,
                airTemperature: number(2),
                studdedTyres: studs,
                gradientPercent: number(4),
                junction: Junction(distanceMetres: number(5), type: JunctionType(rawValue: Int(field[6])!)!))
            var traffic: [VehicleCategory: TrafficFlow] = [:]
            for (offset, category) in VehicleCategory.allCases.enumerated() {
                traffic[category] = TrafficFlow(vehiclesPerHour: number(7 + 2 * offset), speedKmh: number(8 + 2 * offset))
            }
            return Case(id: field[0], conditions: conditions, traffic: traffic,
                        expected: (17..<25).map(number), expectedTotal: number(25))
        }
    }

    @Test func everyCaseReproducesTheWorkbook() throws {
        let all = try Self.parsed()
        #expect(all.count == 16)
        for workbook in all {
            let total = EmissionModel(workbook.conditions).emission(workbook.traffic).total
            for band in OctaveBand.allCases {
                #expect(isClose(total[band], workbook.expected[band.index], within: 0.01),
                        "case \(workbook.id), \(band.rawValue) Hz: \(total[band]) vs \(workbook.expected[band.index])")
            }
            #expect(isClose(total.total, workbook.expectedTotal, within: 0.01), "case \(workbook.id) total")
        }
    }
}
