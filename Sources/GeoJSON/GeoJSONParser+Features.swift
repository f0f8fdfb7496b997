extension GeoJSONParser {
    /// Reads the `"features"` array at the cursor, split across cores when it is large.
    mutating func parseFeatures() throws(GeoJSONError) -> [Feature] {
        guard scanner.current == ASCII.openBracket else {
            throw scanner.error(.invalidMember("features", expected: "an array"),
                                detail: "found \(scanner.describeValue(at: scanner.index))")
        }
        featuresStart = scanner.index
        scanner.index += 1
        var features: [Feature] = []
        guard scanner.enterContainer(closing: ASCII.closeBracket) else { return features }
        if #available(macOS 15, iOS 18, tvOS 18, watchOS 11, visionOS 2, *),
           let concurrentlyRead = try parseFeaturesConcurrently() {
            return concurrentlyRead
        }
        _ = try parseFeatureElements(into: &features, stoppingAt: nil)
        return features
    }

    /// Reads elements of the features array from the cursor, which is at an element, through the
    /// closing `]`. With `stop`, returns true as soon as the cursor reaches that offset exactly at the
    /// start of an element (see `parseFeaturesConcurrently()`); if it passes `stop` inside an element,
    /// `stop` was not an element boundary and reading simply goes on to the end. Feature indices in
    /// errors count from the first feature read here.
    mutating func parseFeatureElements(
        into features: inout [Feature], stoppingAt stop: Int?
    ) throws(GeoJSONError) -> Bool {
        var stop = stop
        while true {
            let featureIndex = features.count
            do {
                features.append(try parseFeature())
            } catch {
                throw error.inFeature(featureIndex)
            }
            guard try scanner.continueContainer(closing: ASCII.closeBracket) else { return false }
            if let offset = stop, scanner.index >= offset {
                if scanner.index == offset { return true }
                stop = nil
            }
        }
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
                feature.properties = try parseProperties(duplicates: &feature.duplicatePropertyKeys)
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
    /// A key given twice keeps its last value, as most JSON readers do, and is listed in `duplicates`.
    private mutating func parseProperties(duplicates: inout [String]) throws(GeoJSONError) -> [String: PropertyValue] {
        if scanner.consumeLiteral("null") { return [:] }
        guard scanner.current == ASCII.openBrace else {
            throw scanner.error(.invalidMember("properties", expected: "an object or null"),
                                detail: "found \(scanner.describeValue(at: scanner.index))")
        }
        scanner.index += 1
        // Features of one file tend to have similar property counts; sizing for the previous one
        // spares most of the rehashing that growing from empty would cost.
        var properties = [String: PropertyValue](minimumCapacity: expectedPropertyCount)
        var more = scanner.enterContainer(closing: ASCII.closeBrace)
        while more {
            let key = try scanner.readMemberKey()
            if properties.updateValue(try scanner.readValue(depth: 1), forKey: key) != nil { duplicates.append(key) }
            more = try scanner.continueContainer(closing: ASCII.closeBrace)
        }
        expectedPropertyCount = properties.count
        return properties
    }
}
