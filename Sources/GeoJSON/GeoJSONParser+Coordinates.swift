extension GeoJSONParser {
    /// Reads a `"coordinates"` value for a geometry of `type` straight into flat buffers, checking
    /// nesting, point counts, ring closure, dimensions, finiteness and (when on) the geographic range.
    mutating func parseCoordinates(of type: GeometryType) throws(GeoJSONError) -> GeoJSONGeometry {
        dimension = 0
        let locator = GeometryLocator(type: type)
        switch type {
        case .point:
            var buffer: [Double] = []
            swap(&buffer, &positionBuffer)
            buffer.removeAll(keepingCapacity: true)
            defer { swap(&buffer, &positionBuffer) }
            try parsePosition(into: &buffer, locator, index: 0)
            return .point(x: buffer[0], y: buffer[1])
        case .multiPoint:
            return .multiPoint(try parsePositions(locator))
        case .lineString:
            return .lineString(try parseLine(locator))
        case .multiLineString:
            var lines: [[Double]] = []
            var more = try enterArray(of: "an array of lines", at: locator)
            while more {
                lines.append(try parseLine(locator.part(lines.count)))
                more = try scanner.continueContainer(closing: ASCII.closeBracket)
            }
            return .multiLineString(lines)
        case .polygon:
            return .polygon(try parseRings(locator))
        case .multiPolygon:
            var polygons: [[[Double]]] = []
            var more = try enterArray(of: "an array of polygons", at: locator)
            while more {
                polygons.append(try parseRings(locator.part(polygons.count)))
                more = try scanner.continueContainer(closing: ASCII.closeBracket)
            }
            return .multiPolygon(polygons)
        case .geometryCollection:
            throw scanner.error(.missingMember("geometries"), component: type.name)
        }
    }

    /// A LineString, or one line of a MultiLineString: at least two positions, or it has no length.
    private mutating func parseLine(_ locator: GeometryLocator) throws(GeoJSONError) -> [Double] {
        let xy = try parsePositions(locator)
        guard xy.count >= 4 else {
            throw scanner.error(.tooFewPoints(needed: 2, found: xy.count / 2), component: locator.description)
        }
        return xy
    }

    /// The rings of one polygon: each at least four positions, the last equal to the first
    /// (RFC 7946 section 3.1.6). Unclosed rings are refused, not closed silently: a missing closing
    /// position often means a truncated export.
    private mutating func parseRings(_ locator: GeometryLocator) throws(GeoJSONError) -> [[Double]] {
        var rings: [[Double]] = []
        var more = try enterArray(of: "an array of rings", at: locator)
        while more {
            let ringIndex = rings.count
            let ringLocator = locator.ring(ringIndex)
            let xy = try parsePositions(ringLocator)
            guard xy.count >= 8 else {
                throw scanner.error(.tooFewPoints(needed: 4, found: xy.count / 2), component: ringLocator.description)
            }
            let last = xy.count - 2
            guard xy[0] == xy[last], xy[1] == xy[last + 1] else {
                throw scanner.error(
                    .unclosedRing(ringIndex: ringIndex), component: ringLocator.description,
                    detail: "first position (\(xy[0]), \(xy[1])), last position (\(xy[last]), \(xy[last + 1]))")
            }
            rings.append(xy)
            more = try scanner.continueContainer(closing: ASCII.closeBracket)
        }
        return rings
    }

    /// An array of positions, read into the reused `positionBuffer` and copied out at exact size.
    private mutating func parsePositions(_ locator: GeometryLocator) throws(GeoJSONError) -> [Double] {
        var buffer: [Double] = []
        swap(&buffer, &positionBuffer)
        buffer.removeAll(keepingCapacity: true)
        defer { swap(&buffer, &positionBuffer) }

        var more = try enterArray(of: "an array of positions", at: locator)
        var index = 0
        while more {
            try parsePosition(into: &buffer, locator, index: index)
            index += 1
            more = try scanner.continueContainer(closing: ASCII.closeBracket)
        }
        return buffer.withUnsafeBufferPointer { Array($0) }
    }

    /// Enters the array at the cursor, or throws `malformedCoordinates` naming what belonged there.
    private mutating func enterArray(of contents: String, at locator: GeometryLocator) throws(GeoJSONError) -> Bool {
        guard scanner.consume(ASCII.openBracket) else {
            throw scanner.error(
                .malformedCoordinates("expected \(contents), found \(scanner.describeValue(at: scanner.index))"),
                component: locator.description)
        }
        return scanner.enterContainer(closing: ASCII.closeBracket)
    }

    /// One position, `[x, y]` or `[x, y, z, ...]`: appends x and y to `buffer`; further numbers are
    /// checked and dropped. This is the innermost loop of the reader.
    @inline(__always)
    private mutating func parsePosition(
        into buffer: inout [Double], _ locator: GeometryLocator, index: Int
    ) throws(GeoJSONError) {
        let start = scanner.index
        guard scanner.consume(ASCII.openBracket) else {
            throw scanner.error(
                .malformedCoordinates("expected a position (an array of numbers), "
                    + "found \(scanner.describeValue(at: start))"),
                component: locator.position(index))
        }
        scanner.skipWhitespace()
        let x = try readCoordinate(locator, index, numbersSoFar: 0)
        scanner.skipWhitespace()
        guard scanner.consume(ASCII.comma) else { throw positionEndedEarly(locator, index, numbers: 1) }
        scanner.skipWhitespace()
        let y = try readCoordinate(locator, index, numbersSoFar: 1)
        var numbers = 2
        scanner.skipWhitespace()
        while !scanner.consume(ASCII.closeBracket) {
            guard scanner.consume(ASCII.comma) else { throw scanner.syntaxError(expected: "',' or ']'") }
            scanner.skipWhitespace()
            _ = try readCoordinate(locator, index, numbersSoFar: numbers)
            numbers += 1
            scanner.skipWhitespace()
        }
        if numbers != dimension { try noteDimension(numbers, locator, index, at: start) }
        if rangeCheck != .off, x < -180 || x > 180 || y < -90 || y > 90 {
            try reportOutOfRange(x: x, y: y, locator, index, at: start)
        }
        buffer.append(x)
        buffer.append(y)
    }

    @inline(__always)
    private mutating func readCoordinate(
        _ locator: GeometryLocator, _ index: Int, numbersSoFar: Int
    ) throws(GeoJSONError) -> Double {
        let byte = scanner.current
        let startsNumber = ASCII.digitValue(byte) < 10
            || (byte == ASCII.minus && ASCII.digitValue(scanner.byte(at: scanner.index + 1)) < 10)
        guard startsNumber else { throw notACoordinate(locator, index, numbersSoFar: numbersSoFar) }
        let start = scanner.index
        let value = try scanner.readNumber()
        guard value.isFinite else {
            let text = String(decoding: UnsafeBufferPointer(start: scanner.base + start, count: scanner.index - start),
                              as: UTF8.self)
            throw scanner.error(.nonFiniteCoordinate, component: locator.position(index),
                                detail: "\(text) is too large for a Double", at: start)
        }
        return value
    }

    /// Why the text at the cursor is not a coordinate number.
    private func notACoordinate(_ locator: GeometryLocator, _ index: Int, numbersSoFar: Int) -> GeoJSONError {
        let component = locator.position(index)
        // Python's json module writes these for float('nan') and float('inf'); they are not JSON.
        for literal: StaticString in ["NaN", "Infinity", "-Infinity"] {
            let length = literal.utf8CodeUnitCount
            let available = scanner.end - scanner.index
            if available >= length,
               UnsafeBufferPointer(start: scanner.base + scanner.index, count: length).equals(literal) {
                return scanner.error(.nonFiniteCoordinate, component: component, detail: "found \(literal)")
            }
        }
        switch scanner.current {
        case ASCII.closeBracket where numbersSoFar == 0:
            return positionEndedEarly(locator, index, numbers: 0)
        case ASCII.quote, ASCII.openBrace, ASCII.openBracket, ASCII.lowercaseT, ASCII.lowercaseF, ASCII.lowercaseN:
            let found = scanner.describeValue(at: scanner.index)
            return scanner.error(.malformedCoordinates("expected a number, found \(found)"), component: component)
        default:
            return scanner.syntaxError(expected: "a number")
        }
    }

    /// A position that closed (or broke off) before its second number.
    private func positionEndedEarly(_ locator: GeometryLocator, _ index: Int, numbers: Int) -> GeoJSONError {
        guard scanner.current == ASCII.closeBracket else { return scanner.syntaxError(expected: "','") }
        return scanner.error(
            .malformedCoordinates("a position needs at least 2 numbers, found \(numbers)"),
            component: locator.position(index))
    }

    /// Records the first position's dimension, or throws when a later one differs.
    private mutating func noteDimension(
        _ numbers: Int, _ locator: GeometryLocator, _ index: Int, at start: Int
    ) throws(GeoJSONError) {
        guard dimension != 0 else {
            dimension = numbers
            return
        }
        throw scanner.error(
            .mixedDimensions, component: locator.description,
            detail: "position \(index) has \(numbers) numbers, earlier positions have \(dimension)", at: start)
    }

    /// Throws `coordinateOutOfRange`, unless a `"crs"` after the features says the file is projected.
    private mutating func reportOutOfRange(
        x: Double, y: Double, _ locator: GeometryLocator, _ index: Int, at start: Int
    ) throws(GeoJSONError) {
        if rangeCheck == .pending {
            settleRangeCheck(crs: try crsAfterFeatures())
            if rangeCheck == .off { return }
        }
        throw scanner.error(.coordinateOutOfRange(lon: x, lat: y), component: locator.position(index), at: start)
    }
}
