/// Which printing of Appendix F (Tables F-1 and F-4) to compute with.
///
/// Commission Delegated Directive (EU) 2021/1226 replaced Tables F-1 (vehicle coefficients) and
/// F-4 (road surfaces) of Commission Directive (EU) 2015/996; Tables F-2 (studded tyres) and F-3
/// (junctions) were not changed. The 2021 set is the law in force and the default; the 2015 set is
/// kept to reproduce older studies and the Commission's 2014 emission test workbook.
public enum CoefficientSet: String, CaseIterable, Sendable {
    case directive2015 = "2015"
    case directive2021 = "2021"

    /// The set in force: Delegated Directive (EU) 2021/1226.
    public static let `default`: CoefficientSet = .directive2021

    /// Where the tables of this set are printed.
    public var citation: String {
        switch self {
        case .directive2015:
            "Commission Directive (EU) 2015/996, Annex, Appendix F (OJ L 168, 1.7.2015)"
        case .directive2021:
            "Commission Delegated Directive (EU) 2021/1226, Annex point 19 (OJ L 269, 28.7.2021)"
        }
    }

    /// Table F-1 row of `category`: A_R, B_R, A_P, B_P per octave band.
    public func vehicleCoefficients(for category: VehicleCategory) -> VehicleCoefficients {
        let table = switch self {
        case .directive2015: Directive2015.tableF1
        case .directive2021: Directive2021.tableF1
        }
        guard let row = table[category] else {
            preconditionFailure("Table F-1 (\(rawValue)) has no row for category \(category.rawValue)")
        }
        return row
    }

    /// Table F-4 coefficients of `surface` for `category`. Categories 4a/4b and the reference
    /// surface have α = 0 and β = 0.
    public func surfaceCoefficients(for surface: RoadSurface, category: VehicleCategory) -> SurfaceCoefficients {
        let table = switch self {
        case .directive2015: Directive2015.tableF4
        case .directive2021: Directive2021.tableF4
        }
        guard let row = table[surface.code] else { return .none }
        return row.coefficients(for: category)
    }
}
