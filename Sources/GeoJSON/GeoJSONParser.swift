import Foundation

/// Turns GeoJSON text into a `FeatureCollection` in a single pass, validating as it goes.
///
/// The top level may be a FeatureCollection, or a bare Feature or Geometry, which is wrapped into a
/// one-feature collection: API responses (a Nominatim boundary, say) and hand-made study-area files
/// often come that way, and refusing them helps nobody. Anything else is `notAFeatureCollection`.
///
/// JSON members come in any order, so the parser copes with `"type"` after `"coordinates"` and
/// `"crs"` after `"features"`: it notes where a value starts and comes back to it once it knows how
/// to read it. In the common order (type first, as GDAL, QGIS and osmium write) nothing is read twice.
struct GeoJSONParser {
    var scanner: JSONScanner
    /// The text again, as a value that may cross threads; nil when features must be read on this
    /// thread only (in chunk workers, and when the caller turned concurrency off).
    let sharedData: Data?
    var rangeCheck: GeographicRangeCheck
    /// The top-level `"crs"`, normalised, once read.
    var crs: String?
    /// Where the top-level `"features"` array starts, for `crsAfterFeatures()`.
    var featuresStart: Int?
    /// Holds the positions of one line or ring while it is read, then is reused; the result is copied
    /// out at its exact size so no geometry keeps the buffer's spare capacity.
    var positionBuffer: [Double] = []
    /// Numbers per position in the geometry being read; 0 before its first position.
    var dimension = 0
    /// The previous feature's property count, used to size the next feature's dictionary.
    var expectedPropertyCount = 0

    init(bytes: UnsafeBufferPointer<UInt8>, source: String, rangeCheck: GeographicRangeCheck, sharedData: Data?) {
        scanner = JSONScanner(bytes, source: source)
        self.rangeCheck = rangeCheck
        self.sharedData = sharedData
    }

    mutating func parseDocument() throws(GeoJSONError) -> FeatureCollection {
        scanner.skipByteOrderMark()
        scanner.skipWhitespace()
        guard scanner.current == ASCII.openBrace else { throw topLevelIsNotAnObject() }
        let objectStart = scanner.index
        scanner.index += 1

        var typeName: String?
        var features: [Feature]?
        var more = scanner.enterContainer(closing: ASCII.closeBrace)
        while more {
            switch try scanner.readMemberName() {
            case .type:
                guard scanner.current == ASCII.quote else {
                    throw scanner.error(.invalidMember("type", expected: "a string"),
                                        detail: "found \(scanner.describeValue(at: scanner.index))")
                }
                typeName = try scanner.readString()
            case .features where typeName == nil || typeName == "FeatureCollection":
                features = try parseFeatures()
            case .crs:
                crs = try parseCRS()
                settleRangeCheck(crs: crs)
            default:
                try scanner.skipValue()
            }
            more = try scanner.continueContainer(closing: ASCII.closeBrace)
        }
        scanner.skipWhitespace()
        guard scanner.isAtEnd else { throw scanner.syntaxError(expected: "end of input after the top-level object") }

        switch typeName {
        case "FeatureCollection":
            guard let features else {
                throw scanner.error(.missingMember("features"), component: "FeatureCollection", at: objectStart)
            }
            return FeatureCollection(features: features, crs: crs)
        case "Feature":
            return FeatureCollection(features: [try reparseAsFeature(from: objectStart)], crs: crs)
        case let name? where GeometryType(name: name) != nil:
            return FeatureCollection(features: [try reparseAsGeometry(from: objectStart)], crs: crs)
        case let name?:
            throw scanner.error(.notAFeatureCollection, detail: "found type \"\(name)\"", at: objectStart)
        case nil:
            throw scanner.error(.notAFeatureCollection, detail: "the top-level object has no \"type\" member",
                                at: objectStart)
        }
    }

    /// Reads the top-level object again as a single Feature; `"crs"` is known by now.
    private mutating func reparseAsFeature(from objectStart: Int) throws(GeoJSONError) -> Feature {
        if rangeCheck == .pending { rangeCheck = .on }
        scanner.index = objectStart
        do {
            return try parseFeature()
        } catch {
            throw error.inFeature(0)
        }
    }

    /// Reads the top-level object again as a single Geometry and wraps it in a Feature.
    private mutating func reparseAsGeometry(from objectStart: Int) throws(GeoJSONError) -> Feature {
        if rangeCheck == .pending { rangeCheck = .on }
        scanner.index = objectStart
        return Feature(geometry: try parseGeometry(nesting: 0))
    }

    private func topLevelIsNotAnObject() -> GeoJSONError {
        if scanner.isAtEnd {
            return scanner.error(.invalidJSON, detail: "the text is empty")
        }
        let found = scanner.describeValue(at: scanner.index)
        switch scanner.current {
        case ASCII.openBracket, ASCII.quote, ASCII.minus, ASCII.zero...UInt8(ascii: "9"),
             ASCII.lowercaseT, ASCII.lowercaseF, ASCII.lowercaseN:
            return scanner.error(.notAFeatureCollection, detail: "the top level is \(found), not an object")
        default:
            return scanner.syntaxError(expected: "a JSON object")
        }
    }
}

extension GeoJSONError {
    /// This error, attributed to feature `index` unless already attributed.
    func inFeature(_ index: Int) -> GeoJSONError {
        var error = self
        if error.featureIndex == nil { error.featureIndex = index }
        return error
    }

    /// This error, naming the feature's `id` (when it has one) unless already named.
    func identifying(_ id: String?) -> GeoJSONError {
        var error = self
        if error.featureID == nil { error.featureID = id }
        return error
    }

    /// This error, placed inside `component` ("GeometryCollection member 2").
    func within(_ component: String) -> GeoJSONError {
        var error = self
        error.component = error.component.map { "\(component): \($0)" } ?? component
        return error
    }
}
