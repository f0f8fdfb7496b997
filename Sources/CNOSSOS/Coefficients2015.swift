// Appendix F tables as first published in Commission Directive (EU) 2015/996 of 19 May 2015,
// Annex, Appendix F: Table F-1 (OJ L 168, 1.7.2015, p. 124) and Table F-4 (pp. 125-129).
// Superseded by Delegated Directive (EU) 2021/1226; kept for older studies and because the
// Commission's road emission test workbook (CNOSSOS_ROAD_EMISSION_TEST.xlsx, CIRCABC, 2014)
// was computed with it.
//
// Transcribed from the Official Journal text as machine-transcribed in jmrplens/PyOctaveBand
// `tests/data/cnossos/road_coefficients_2015.csv` and `road_surfaces_2015.csv`, and checked value
// by value against NoiseModelling `RoadCnossos_2015.json`: both agree on every cell. B_R and B_P
// are the same as in the 2021 set.

enum Directive2015 {
    /// Table F-1 (2015/996): coefficients A_R, B_R, A_P, B_P, octave bands 63 Hz .. 8 kHz.
    static let tableF1: [VehicleCategory: VehicleCoefficients] = [
        .light: VehicleCoefficients(
            rolling: BandCoefficients(
                a: [79.7, 85.7, 84.5, 90.2, 97.3, 93.9, 84.1, 74.3],
                b: [30.0, 41.5, 38.9, 25.7, 32.5, 37.2, 39.0, 40.0]),
            propulsion: BandCoefficients(
                a: [94.5, 89.2, 88.0, 85.9, 84.2, 86.9, 83.3, 76.1],
                b: [-1.3, 7.2, 7.7, 8.0, 8.0, 8.0, 8.0, 8.0])),
        .medium: VehicleCoefficients(
            rolling: BandCoefficients(
                a: [84.0, 88.7, 91.5, 96.7, 97.4, 90.9, 83.8, 80.5],
                b: [30.0, 35.8, 32.6, 23.8, 30.1, 36.2, 38.3, 40.1]),
            propulsion: BandCoefficients(
                a: [101.0, 96.5, 98.8, 96.8, 98.6, 95.2, 88.8, 82.7],
                b: [-1.9, 4.7, 6.4, 6.5, 6.5, 6.5, 6.5, 6.5])),
        .heavy: VehicleCoefficients(
            rolling: BandCoefficients(
                a: [87.0, 91.7, 94.1, 100.7, 100.8, 94.3, 87.1, 82.5],
                b: [30.0, 33.5, 31.3, 25.4, 31.8, 37.1, 38.6, 40.6]),
            propulsion: BandCoefficients(
                a: [104.4, 100.6, 101.7, 101.0, 100.1, 95.9, 91.3, 85.3],
                b: [0.0, 3.0, 4.6, 5.0, 5.0, 5.0, 5.0, 5.0])),
        .moped: VehicleCoefficients(
            rolling: nil,
            propulsion: BandCoefficients(
                a: [88.0, 87.5, 89.5, 93.7, 96.6, 98.8, 93.9, 88.7],
                b: [4.2, 7.4, 9.8, 11.6, 15.7, 18.9, 20.3, 20.6])),
        .motorcycle: VehicleCoefficients(
            rolling: nil,
            propulsion: BandCoefficients(
                a: [95.0, 97.2, 92.7, 92.9, 94.7, 93.2, 90.1, 86.5],
                b: [3.2, 5.9, 11.9, 11.6, 11.5, 12.6, 11.1, 12.0])),
    ]

    /// Table F-4 (2015/996): α_i,m per octave band and β_m, categories 1, 2, 3, keyed by
    /// `RoadSurface.code`. In this printing categories 2 and 3 share one line on every surface.
    static let tableF4: [String: SurfaceRow] = [
        "NL01": SurfaceRow(  // 1-layer ZOAB
            light: SurfaceCoefficients(alpha: [0.5, 3.3, 2.4, 3.2, -1.3, -3.5, -2.6, 0.5], beta: -6.5),
            heavies: SurfaceCoefficients(alpha: [0.9, 1.4, 1.8, -0.4, -5.2, -4.6, -3.0, -1.4], beta: 0.2)),
        "NL02": SurfaceRow(  // 2-layer ZOAB
            light: SurfaceCoefficients(alpha: [0.4, 2.4, 0.2, -3.1, -4.2, -6.3, -4.8, -2.0], beta: -3.0),
            heavies: SurfaceCoefficients(alpha: [0.4, 0.2, -0.7, -5.4, -6.3, -6.3, -4.7, -3.7], beta: 4.7)),
        "NL03": SurfaceRow(  // 2-layer ZOAB (fine)
            light: SurfaceCoefficients(alpha: [-1.0, 1.7, -1.5, -5.3, -6.3, -8.5, -5.3, -2.4], beta: -0.1),
            heavies: SurfaceCoefficients(alpha: [1.0, 0.1, -1.8, -5.9, -6.1, -6.7, -4.8, -3.8], beta: -0.8)),
        "NL04": SurfaceRow(  // SMA-NL5 (categories 2 and 3: zeros)
            light: SurfaceCoefficients(alpha: [1.1, -1.0, 0.2, 1.3, -1.9, -2.8, -2.1, -1.4], beta: -1.0)),
        "NL05": SurfaceRow(  // SMA-NL8 (categories 2 and 3: zeros)
            light: SurfaceCoefficients(alpha: [0.3, 0.0, 0.0, -0.1, -0.7, -1.3, -0.8, -0.8], beta: -1.0)),
        "NL06": SurfaceRow(  // Brushed down concrete
            light: SurfaceCoefficients(alpha: [1.1, -0.4, 1.3, 2.2, 2.5, 0.8, -0.2, -0.1], beta: 1.4),
            heavies: SurfaceCoefficients(alpha: [0.0, 1.1, 0.4, -0.3, -0.2, -0.7, -1.1, -1.0], beta: 4.4)),
        "NL07": SurfaceRow(  // Optimised brushed down concrete
            light: SurfaceCoefficients(alpha: [-0.2, -0.7, 0.6, 1.0, 1.1, -1.5, -2.0, -1.8], beta: 1.0),
            heavies: SurfaceCoefficients(alpha: [-0.3, 1.0, -1.7, -1.2, -1.6, -2.4, -1.7, -1.7], beta: -6.6)),
        "NL08": SurfaceRow(  // Fine broomed concrete
            light: SurfaceCoefficients(alpha: [1.1, -0.5, 2.7, 2.1, 1.6, 2.7, 1.3, -0.4], beta: 7.7),
            heavies: SurfaceCoefficients(alpha: [0.0, 3.3, 2.4, 1.9, 2.0, 1.2, 0.1, 0.0], beta: 3.7)),
        "NL09": SurfaceRow(  // Worked surface
            light: SurfaceCoefficients(alpha: [1.1, 1.0, 2.6, 4.0, 4.0, 0.1, -1.0, -0.8], beta: -0.2),
            heavies: SurfaceCoefficients(alpha: [0.0, 2.0, 1.8, 1.0, -0.7, -2.1, -1.9, -1.7], beta: 1.7)),
        "NL10": SurfaceRow(  // Hard elements in herring-bone (same line for all three categories)
            light: SurfaceCoefficients(alpha: [8.3, 8.7, 7.8, 5.0, 3.0, -0.7, 0.8, 1.8], beta: 2.5),
            heavies: SurfaceCoefficients(alpha: [8.3, 8.7, 7.8, 5.0, 3.0, -0.7, 0.8, 1.8], beta: 2.5)),
        "NL11": SurfaceRow(  // Hard elements not in herring-bone (same line for all three categories)
            light: SurfaceCoefficients(alpha: [12.3, 11.9, 9.7, 7.1, 7.1, 2.8, 4.7, 4.5], beta: 2.9),
            heavies: SurfaceCoefficients(alpha: [12.3, 11.9, 9.7, 7.1, 7.1, 2.8, 4.7, 4.5], beta: 2.9)),
        "NL12": SurfaceRow(  // Quiet hard elements
            light: SurfaceCoefficients(alpha: [7.8, 6.3, 5.2, 2.8, -1.9, -6.0, -3.0, -0.1], beta: -1.7),
            heavies: SurfaceCoefficients(alpha: [0.2, 0.7, 0.7, 1.1, 1.8, 1.2, 1.1, 0.2], beta: 0.0)),
        "NL13": SurfaceRow(  // Thin layer A
            light: SurfaceCoefficients(alpha: [1.1, 0.1, -0.7, -1.3, -3.1, -4.9, -3.5, -1.5], beta: -2.5),
            heavies: SurfaceCoefficients(alpha: [1.6, 1.3, 0.9, -0.4, -1.8, -2.1, -0.7, -0.2], beta: 0.5)),
        "NL14": SurfaceRow(  // Thin layer B
            light: SurfaceCoefficients(alpha: [0.4, -1.3, -1.3, -0.4, -5.0, -7.1, -4.9, -3.3], beta: -1.5),
            heavies: SurfaceCoefficients(alpha: [1.6, 1.3, 0.9, -0.4, -1.8, -2.1, -0.7, -0.2], beta: 0.5)),
    ]
}

extension SurfaceRow {
    /// A 2015 row, where categories 2 and 3 share one line.
    init(light: SurfaceCoefficients, heavies: SurfaceCoefficients) {
        self.init(light: light, medium: heavies, heavy: heavies)
    }
}
