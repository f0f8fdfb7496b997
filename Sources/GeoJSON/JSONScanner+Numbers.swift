extension JSONScanner {
    /// Reads a JSON number (RFC 8259 section 6, strictly: no leading zeros, no bare `.`, no `+`, no
    /// hex) and returns the nearest `Double`.
    ///
    /// The digits are gathered into an integer significand and a power of ten in the same pass that
    /// checks the grammar; `DecimalConversion` then converts exactly, without building a string. Only
    /// numbers with more than 19 significant digits, or extreme exponents, take the slow path through
    /// the standard library's correctly rounded `Double(String)`.
    @inline(__always)
    mutating func readNumber() throws(GeoJSONError) -> Double {
        let start = index
        var cursor = index
        let isNegative = current == ASCII.minus
        if isNegative { cursor += 1 }

        // Digits are gathered into `significand` as they come; leading zeros ("0.0001") add nothing to
        // it, and more than 19 significant digits may wrap it, which is checked once at the end.
        var significand: UInt64 = 0
        var exponent = 0

        // Integer part: "0" alone, or a nonzero digit and more digits.
        let integerStart = cursor
        let first = ASCII.digitValue(byte(at: cursor))
        guard first < 10 else { throw syntaxError(expected: "a digit", at: cursor) }
        if first == 0 {
            cursor &+= 1
            if ASCII.digitValue(byte(at: cursor)) < 10 {
                throw error(.invalidJSON, detail: "numbers must not have leading zeros", at: start)
            }
        } else {
            cursor = accumulateDigits(from: cursor, into: &significand)
        }
        var digitCount = cursor &- integerStart

        // Fraction.
        if byte(at: cursor) == ASCII.dot {
            cursor &+= 1
            let fractionStart = cursor
            cursor = accumulateDigits(from: cursor, into: &significand)
            guard cursor > fractionStart else {
                throw syntaxError(expected: "a digit after the decimal point", at: cursor)
            }
            exponent = fractionStart &- cursor
            digitCount &+= cursor &- fractionStart
        }

        // Exponent, clamped far beyond any Double so absurd inputs cannot overflow an Int.
        if byte(at: cursor) | 0x20 == ASCII.lowercaseE {
            cursor &+= 1
            let sign = byte(at: cursor)
            let exponentIsNegative = sign == ASCII.minus
            if sign == ASCII.minus || sign == ASCII.plus { cursor &+= 1 }
            guard ASCII.digitValue(byte(at: cursor)) < 10 else {
                throw syntaxError(expected: "a digit in the exponent", at: cursor)
            }
            var value = 0
            while cursor < end {
                let digit = ASCII.digitValue(base[cursor])
                guard digit < 10 else { break }
                if value < 100_000 { value = value &* 10 &+ Int(digit) }
                cursor &+= 1
            }
            exponent &+= exponentIsNegative ? -value : value
        }

        index = cursor
        if digitCount > 19 {
            digitCount &-= leadingZeroCount(from: integerStart, to: cursor)
        }
        if digitCount <= 19,
           let magnitude = DecimalConversion.double(significand: significand, powerOfTen: exponent) {
            return isNegative ? -magnitude : magnitude
        }
        return try parseNumberText(from: start, to: cursor)
    }

    /// Appends the decimal digits from `offset` on to `significand` (wrapping past 19 digits) and
    /// returns the offset of the first non-digit.
    @inline(__always)
    private func accumulateDigits(from offset: Int, into significand: inout UInt64) -> Int {
        var cursor = offset
        var value = significand
        while cursor < end {
            let digit = ASCII.digitValue(base[cursor])
            guard digit < 10 else { break }
            value = value &* 10 &+ UInt64(digit)
            cursor &+= 1
        }
        significand = value
        return cursor
    }

    /// The zeros (and the decimal point) before a number's first nonzero digit: "0.000123" has 5
    /// such zero digits counted in its digit count that carry no significance.
    private func leadingZeroCount(from start: Int, to stop: Int) -> Int {
        var zeros = 0
        for offset in start..<stop {
            let byte = base[offset]
            if byte == ASCII.zero {
                zeros += 1
            } else if byte != ASCII.dot {
                break
            }
        }
        return zeros
    }

    /// The slow path: the standard library's correctly rounded, locale-independent conversion of the
    /// number's text (already checked against the JSON grammar, which it accepts).
    private func parseNumberText(from start: Int, to stop: Int) throws(GeoJSONError) -> Double {
        let text = String(decoding: UnsafeBufferPointer(start: base + start, count: stop - start), as: UTF8.self)
        guard let value = Double(text) else {
            throw error(.invalidJSON, detail: "number \(text) cannot be represented", at: start)
        }
        return value
    }
}
