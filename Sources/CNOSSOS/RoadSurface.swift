/// A road surface of Table F-4 (Annex II 2.2.6), or the reference surface.
///
/// The reference surface is the average of dense asphalt concrete 0/11 and stone mastic asphalt
/// 0/11, 2 to 7 years old: every coefficient of Table F-1 is given for it, so its correction is
/// zero. The other rows are the Dutch catalogue surfaces NL01-NL14 that the Directive prints.
/// A surface is only a name here; its α and β come from the chosen `CoefficientSet`, because
/// 2015/996 and 2021/1226 print different Table F-4 values for the same surface.
public struct RoadSurface: Sendable, Hashable, CustomStringConvertible {
    /// "REF" for the reference surface, "NL01" ... "NL14" for the Table F-4 rows.
    public let code: String
    /// The description printed in Table F-4.
    public let name: String
    /// The speeds (km/h) for which Table F-4 says the row is valid. Informative only: the
    /// correction is applied at any speed, as the Commission's test workbook does (clamping the
    /// speed to this range there moves results by up to 0.2 dB away from the workbook).
    public let validSpeeds: ClosedRange<Double>?

    private init(_ code: String, _ name: String, _ validSpeeds: ClosedRange<Double>?) {
        self.code = code
        self.name = name
        self.validSpeeds = validSpeeds
    }

    public static let reference = RoadSurface("REF", "reference road surface (DAC 0/11 and SMA 0/11)", nil)
    public static let nl01 = RoadSurface("NL01", "1-layer ZOAB", 50...130)
    public static let nl02 = RoadSurface("NL02", "2-layer ZOAB", 50...130)
    public static let nl03 = RoadSurface("NL03", "2-layer ZOAB (fine)", 80...130)
    public static let nl04 = RoadSurface("NL04", "SMA-NL5", 40...80)
    public static let nl05 = RoadSurface("NL05", "SMA-NL8", 40...80)
    public static let nl06 = RoadSurface("NL06", "brushed down concrete", 70...120)
    public static let nl07 = RoadSurface("NL07", "optimised brushed down concrete", 70...80)
    public static let nl08 = RoadSurface("NL08", "fine broomed concrete", 70...120)
    public static let nl09 = RoadSurface("NL09", "worked surface", 50...130)
    public static let nl10 = RoadSurface("NL10", "hard elements in herring-bone", 30...60)
    public static let nl11 = RoadSurface("NL11", "hard elements not in herring-bone", 30...60)
    public static let nl12 = RoadSurface("NL12", "quiet hard elements", 30...60)
    public static let nl13 = RoadSurface("NL13", "thin layer A", 40...130)
    public static let nl14 = RoadSurface("NL14", "thin layer B", 40...130)

    /// Every surface of Table F-4, the reference first.
    public static let all: [RoadSurface] = [
        .reference, .nl01, .nl02, .nl03, .nl04, .nl05, .nl06, .nl07,
        .nl08, .nl09, .nl10, .nl11, .nl12, .nl13, .nl14,
    ]

    /// The surface with this code, case-insensitively: "NL05", "nl05", "REF" or "reference".
    /// `nil` for an unknown code.
    public init?(code: String) {
        let key = code.trimmingWhitespace().uppercased()
        let wanted = key == "REFERENCE" ? "REF" : key
        guard let surface = Self.all.first(where: { $0.code == wanted }) else { return nil }
        self = surface
    }

    public var description: String {
        code == "REF" ? name : "\(code) \(name)"
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines (no Foundation needed).
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let first = firstIndex(where: { !isSpace($0) }),
              let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
