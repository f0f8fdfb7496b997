extension GeoJSONParser {
    /// Reads the `"features"` array at the cursor.
    mutating func parseFeatures() throws(GeoJSONError) -> [Feature] {
        guard scanner.current == ASCII.openBracket else {
            throw scanner.error(.invalidMember("features", expected: "an array"),
                                detail: "found \(scanner.describeValue(at: scanner.index))")
        }
        featuresStart = scanner.index
        scanner.index += 1
        var features: [Feature] = []
        var more = scanner.enterContainer(closing: ASCII.closeBracket)
        while more {
            let featureIndex = features.count
            do {
                features.append(try parseFeature())
            } catch {
                throw error.inFeature(featureIndex)
            }
            more = try scanner.continueContainer(closing: ASCII.closeBracket)
        }
        return features
    }

    /// Reads one Feature object at the cursor. Errors carry the feature's id when it has one, even if
    /// `"id"` comes after the member at fault.
    mutating func parseFeature() throws(GeoJSONError) -> Feature {
        guard scanner.current == ASCII.openBrace else {
            throw scanner.error(.invalidMember("features", expected: "an array of Feature objects"),
                                detail: "found \(scanner.describeValue(at: scanner.index))")
        }
        var feature = Feature(geometry: nil)
        do {
            try parseFeatureMembers(into: &feature)
        } catch {
            throw error.identifying(feature.id)
        }
        return feature
    }

    private mutating func parseFeatureMembers(into feature: inout Feature) throws(GeoJSONError) {
        scanner.index += 1
        // A geometry error is held back until the rest of the feature (its id above all) has been read.
        var geometryError: GeoJSONError?
        var more = scanner.enterContainer(closing: ASCII.closeBrace)
        while more {
            switch try scanner.readMemberName() {
            case .type:
                try checkFeatureType()
            case .id:
                feature.id = try parseFeatureID()
            case .properties:
                feature.properties = try parseProperties()
            case .geometry:
                let geometryStart = scanner.index
                do {
                    feature.geometry = try parseGeometryOrNull()
                } catch let problem {
                    geometryError = problem
                    scanner.index = geometryStart
                    do { try scanner.skipValue() } catch { throw problem }
                }
            default:
                try scanner.skipValue()
            }
            more = try scanner.continueContainer(closing: ASCII.closeBrace)
        }
        if let geometryError { throw geometryError }
    }

    /// A Feature's `"type"` must be `"Feature"` when present; some writers leave it out, which is
    /// harmless inside `"features"`, so absence is accepted.
    private mutating func checkFeatureType() throws(GeoJSONError) {
        let start = scanner.index
        let isFeature = scanner.current == ASCII.quote ? try scanner.withString { $0.equals("Feature") } : false
        guard isFeature else {
            scanner.index = start
            let found = scanner.current == ASCII.quote
                ? "found \"\(try scanner.readString())\"" : "found \(scanner.describeValue(at: start))"
            throw scanner.error(.invalidMember("type", expected: "\"Feature\""), detail: found, at: start)
        }
    }

    /// A Feature's `"id"`: a string as is, a number as text (`4744966`, not `4744966.0`), null as none.
    private mutating func parseFeatureID() throws(GeoJSONError) -> String? {
        switch scanner.current {
        case ASCII.quote:
            return try scanner.readString()
        case ASCII.minus, ASCII.zero...UInt8(ascii: "9"):
            return NumberText.property(try scanner.readNumber())
        default:
            if scanner.consumeLiteral("null") { return nil }
            throw scanner.error(.invalidMember("id", expected: "a string or a number"),
                                detail: "found \(scanner.describeValue(at: scanner.index))")
        }
    }

    /// A Feature's `"properties"`: an object, or null for none.
    private mutating func parseProperties() throws(GeoJSONError) -> [String: PropertyValue] {
        if scanner.consumeLiteral("null") { return [:] }
        guard scanner.current == ASCII.openBrace else {
            throw scanner.error(.invalidMember("properties", expected: "an object or null"),
                                detail: "found \(scanner.describeValue(at: scanner.index))")
        }
        scanner.index += 1
        var properties: [String: PropertyValue] = [:]
        var more = scanner.enterContainer(closing: ASCII.closeBrace)
        while more {
            let key = try scanner.readMemberKey()
            properties[key] = try scanner.readValue(depth: 1)
            more = try scanner.continueContainer(closing: ASCII.closeBrace)
        }
        return properties
    }
}
