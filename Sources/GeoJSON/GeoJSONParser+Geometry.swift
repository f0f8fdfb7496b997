extension GeoJSONParser {
    /// GeometryCollections nested deeper than this are refused (RFC 7946 section 3.1.8 discourages
    /// nesting them at all), which also bounds the parser's recursion.
    static let maximumCollectionNesting = 32

    /// A Feature's `"geometry"` member: a geometry object, or null for an unlocated feature.
    mutating func parseGeometryOrNull() throws(GeoJSONError) -> GeoJSONGeometry? {
        if scanner.consumeLiteral("null") { return nil }
        guard scanner.current == ASCII.openBrace else {
            throw scanner.error(.invalidMember("geometry", expected: "an object or null"),
                                detail: "found \(scanner.describeValue(at: scanner.index))")
        }
        return try parseGeometry(nesting: 0)
    }

    /// Reads the geometry object at the cursor (which is at its `{`).
    mutating func parseGeometry(nesting: Int) throws(GeoJSONError) -> GeoJSONGeometry {
        let objectStart = scanner.index
        scanner.index += 1
        var type: GeometryType?
        var geometry: GeoJSONGeometry?
        // Where "coordinates" or "geometries" start when they come before "type" and so cannot be
        // read yet.
        var laterCoordinates: Int?
        var laterMembers: Int?

        var more = scanner.enterContainer(closing: ASCII.closeBrace)
        while more {
            switch try scanner.readMemberName() {
            case .type:
                type = try readGeometryType()
            case .coordinates:
                if let type, type != .geometryCollection {
                    geometry = try parseCoordinates(of: type)
                } else {
                    if type == nil { laterCoordinates = scanner.index }
                    try scanner.skipValue()
                }
            case .geometries:
                if type == .geometryCollection {
                    geometry = try parseCollectionMembers(nesting: nesting)
                } else {
                    if type == nil { laterMembers = scanner.index }
                    try scanner.skipValue()
                }
            default:
                try scanner.skipValue()
            }
            more = try scanner.continueContainer(closing: ASCII.closeBrace)
        }

        guard let type else { throw scanner.error(.missingMember("type"), component: "geometry", at: objectStart) }
        if let geometry { return geometry }
        let isCollection = type == .geometryCollection
        guard let start = isCollection ? laterMembers : laterCoordinates else {
            throw scanner.error(.missingMember(isCollection ? "geometries" : "coordinates"),
                                component: type.name, at: objectStart)
        }
        let resumeAt = scanner.index
        scanner.index = start
        let result = isCollection ? try parseCollectionMembers(nesting: nesting) : try parseCoordinates(of: type)
        scanner.index = resumeAt
        return result
    }

    private mutating func readGeometryType() throws(GeoJSONError) -> GeometryType {
        guard scanner.current == ASCII.quote else {
            throw scanner.error(.invalidMember("type", expected: "a string"),
                                detail: "found \(scanner.describeValue(at: scanner.index))")
        }
        let start = scanner.index
        if let type = try scanner.withString({ GeometryType(utf8: $0) }) { return type }
        scanner.index = start
        let name = try scanner.readString()
        throw scanner.error(.unknownGeometryType(name), at: start)
    }

    /// A GeometryCollection's `"geometries"` array. Errors inside a member are placed in it
    /// ("GeometryCollection member 2: LineString ...").
    private mutating func parseCollectionMembers(nesting: Int) throws(GeoJSONError) -> GeoJSONGeometry {
        let expected = "an array of geometry objects"
        guard nesting < Self.maximumCollectionNesting else {
            throw scanner.error(.invalidMember("geometries", expected: expected),
                                component: "GeometryCollection",
                                detail: "found GeometryCollections nested more than "
                                    + "\(Self.maximumCollectionNesting) deep")
        }
        guard scanner.current == ASCII.openBracket else {
            throw scanner.error(.invalidMember("geometries", expected: expected), component: "GeometryCollection",
                                detail: "found \(scanner.describeValue(at: scanner.index))")
        }
        scanner.index += 1
        var members: [GeoJSONGeometry] = []
        var more = scanner.enterContainer(closing: ASCII.closeBracket)
        while more {
            let memberIndex = members.count
            do throws(GeoJSONError) {
                guard scanner.current == ASCII.openBrace else {
                    throw scanner.error(.invalidMember("geometries", expected: expected),
                                        detail: "found \(scanner.describeValue(at: scanner.index))")
                }
                members.append(try parseGeometry(nesting: nesting + 1))
            } catch {
                throw error.within("GeometryCollection member \(memberIndex)")
            }
            more = try scanner.continueContainer(closing: ASCII.closeBracket)
        }
        return .geometryCollection(members)
    }
}
