/// Why a GeoJSON file could not be read or written, and exactly where.
///
/// City-wide files run to hundreds of megabytes; "invalid geometry" alone would send someone hunting
/// through them. So every error names the file, the feature (index and id), the part of the geometry
/// and, for problems found in the text, the line and column.
public struct GeoJSONError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file path or name the caller gave.
    public var source: String
    /// 0-based index in the `"features"` array; nil for problems outside any feature.
    public var featureIndex: Int?
    /// The feature's `"id"` member, when it has one.
    public var featureID: String?
    public var kind: Kind
    /// Which part of the geometry the problem is in, e.g. `"Polygon ring 1"`,
    /// `"MultiPolygon polygon 0 ring 2 position 5"` or `"GeometryCollection member 1: LineString"`.
    /// Indices are 0-based.
    public var component: String?
    /// Specifics that `kind` has no room for: what the JSON scanner expected, the type a top-level
    /// object really had, the end points of an unclosed ring.
    public var detail: String?
    /// Where in the text the problem was noticed; nil for errors not tied to the text (I/O).
    public var location: TextLocation?

    public init(
        source: String,
        kind: Kind,
        featureIndex: Int? = nil,
        featureID: String? = nil,
        component: String? = nil,
        detail: String? = nil,
        location: TextLocation? = nil
    ) {
        self.source = source
        self.kind = kind
        self.featureIndex = featureIndex
        self.featureID = featureID
        self.component = component
        self.detail = detail
        self.location = location
    }

    /// One line, e.g.
    /// `roads.geojson: feature 12 (id way/4744966): LineString needs at least 2 points, found 1`.
    public var description: String {
        var text = "\(source): "
        if let featureIndex {
            text += "feature \(featureIndex)"
            if let featureID { text += " (id \(featureID))" }
            text += ": "
        }
        return text + message
    }

    /// The description without the file and feature prefix.
    public var message: String {
        let prefix = component.map { "\($0): " } ?? ""
        let suffix = detail.map { ": \($0)" } ?? ""
        switch kind {
        case .invalidJSON:
            let place = location.map { " at \($0)" } ?? ""
            return prefix + "invalid JSON\(place)" + suffix
        case .notAFeatureCollection:
            return prefix + "top level is not a FeatureCollection" + suffix
        case .unknownGeometryType(let name):
            return prefix + "unknown geometry type \"\(name)\"" + suffix
        case .tooFewPoints(let needed, let found):
            return "\(component ?? "geometry") needs at least \(needed) points, found \(found)" + suffix
        case .unclosedRing(let ringIndex):
            return "\(component ?? "ring \(ringIndex)") is not closed" + suffix
        case .coordinateOutOfRange(let lon, let lat):
            return "\(component ?? "position") (\(lon), \(lat)) is outside longitude [-180, 180] / "
                + "latitude [-90, 90]; projected coordinates need a \"crs\" member naming their CRS" + suffix
        case .nonFiniteCoordinate:
            return "\(component ?? "position") has a coordinate that is not a finite number" + suffix
        case .mixedDimensions:
            return "\(component ?? "geometry") mixes positions of different dimensions" + suffix
        case .malformedCoordinates(let problem):
            return "\(component.map { "\($0) has" } ?? "geometry has") malformed coordinates: \(problem)" + suffix
        case .missingMember(let name):
            return "\(component ?? "object") has no \"\(name)\" member" + suffix
        case .invalidMember(let name, let expected):
            return prefix + "\"\(name)\" must be \(expected)" + (detail.map { ", \($0)" } ?? "")
        case .io(let problem):
            return problem + suffix
        case .foreignFormat(let format):
            return "not GeoJSON but \(format.name): \(format.advice)" + suffix
        }
    }
}
