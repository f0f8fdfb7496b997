/// Something PROJ could not do, told with enough context to act on: what was attempted, with which
/// CRS definitions, and PROJ's own words.
public struct ProjectionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Why the attempt failed, as a category callers can switch over.
    public enum Reason: Sendable, Equatable {
        /// PROJ could not allocate a context.
        case contextUnavailable
        /// The definition is not a CRS PROJ knows ("EPSG:999999", a typo, truncated WKT).
        case unrecognizedCRS
        /// The definition is valid PROJ but names something else, such as a bare projection or ellipsoid.
        case notACRS
        /// PROJ knows both CRSs but found no way to go from one to the other.
        case noTransformation
        /// The operation only works in one direction.
        case notInvertible
        /// A coordinate fell outside what the operation accepts (latitude 95, far outside a grid...).
        case pointNotTransformed
    }

    public var reason: Reason
    /// What we asked PROJ to do, in words, e.g. `create a transformation from "EPSG:4326" to "EPSG:25831"`.
    public var attempt: String
    /// The CRS definitions involved, exactly as the caller gave them (source first).
    public var crs: [String]
    /// PROJ's own explanation, e.g. "proj_create: crs not found", when it gave one.
    public var projMessage: String?

    public init(reason: Reason, attempt: String, crs: [String], projMessage: String? = nil) {
        self.reason = reason
        self.attempt = attempt
        self.crs = crs
        self.projMessage = projMessage
    }

    public var description: String {
        var text = "could not \(attempt): \(reason.explanation)"
        if let projMessage { text += " (PROJ: \(projMessage))" }
        return text
    }
}

extension ProjectionError.Reason {
    /// The reason as a clause that completes "could not ...: ".
    var explanation: String {
        switch self {
        case .contextUnavailable: "PROJ could not create a context"
        case .unrecognizedCRS: "PROJ does not recognise this CRS definition"
        case .notACRS: "the definition is not a coordinate reference system"
        case .noTransformation: "PROJ found no coordinate operation between these CRSs"
        case .notInvertible: "the coordinate operation has no inverse"
        case .pointNotTransformed: "the point is outside what the coordinate operation accepts"
        }
    }
}

/// A CRS definition fit for a one-line message: EPSG codes are short, but WKT and PROJJSON run to
/// kilobytes, so long ones keep their start (which names the CRS) and say how long they were.
func quoted(_ definition: String) -> String {
    let limit = 80
    guard definition.count > limit else { return "\"\(definition)\"" }
    return "\"\(definition.prefix(limit))…\" (\(definition.count) characters)"
}
