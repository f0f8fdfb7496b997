/// A growing UTF-8 buffer with the few JSON-writing operations the writer needs.
///
/// Numbers are formatted by hand into the buffer rather than through `String(format:)`, which on
/// Linux goes through CoreFoundation and would dominate the time spent writing a large file.
struct JSONOutput {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    mutating func append(_ literal: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Appends text that needs no escaping (type names).
    mutating func append(utf8 text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func append(byte: UInt8) {
        bytes.append(byte)
    }

    /// Appends `text` as a JSON string: quotes, backslashes and control characters escaped, everything
    /// else (non-ASCII included) written as UTF-8, which RFC 8259 requires readers to accept.
    mutating func appendQuoted(_ text: String) {
        bytes.append(ASCII.quote)
        var text = text
        text.withUTF8 { utf8 in
            var runStart = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte == ASCII.quote || byte == ASCII.backslash || byte < 0x20 else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                appendEscape(for: byte)
                runStart = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        }
        bytes.append(ASCII.quote)
    }

    private mutating func appendEscape(for byte: UInt8) {
        bytes.append(ASCII.backslash)
        switch byte {
        case ASCII.quote, ASCII.backslash: bytes.append(byte)
        case ASCII.newline: bytes.append(UInt8(ascii: "n"))
        case ASCII.carriageReturn: bytes.append(UInt8(ascii: "r"))
        case ASCII.tab: bytes.append(UInt8(ascii: "t"))
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        default:
            let hex: [UInt8] = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [ASCII.lowercaseU, ASCII.zero, ASCII.zero, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
        }
    }

    /// Appends a non-negative integer's decimal digits.
    mutating func appendDigits(of value: UInt64) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buffer in
            var position = buffer.count
            var remaining = value
            repeat {
                position -= 1
                buffer[position] = ASCII.zero + UInt8(remaining % 10)
                remaining /= 10
            } while remaining > 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[position...]))
        }
    }

    /// Appends `value` rounded to `fractionDigits` decimals, trailing zeros trimmed (`2.15`, not
    /// `2.1500000`; `41`, not `41.0000000`). Fixed precision keeps rewritten files stable in diffs and
    /// drops float noise (`2.1505827000000002`). Non-finite values, which JSON cannot express, are
    /// written as `null` so that reading the file back fails loudly rather than inventing a number.
    mutating func appendFixed(_ value: Double, fractionDigits: Int, scale: Double) {
        guard value.isFinite else {
            append("null")
            return
        }
        let scaled = (value * scale).rounded()
        guard abs(scaled) < 9.0e15 else {
            // Too large to scale exactly (never the case for coordinates); shortest form instead.
            appendNumber(value)
            return
        }
        let isNegative = scaled < 0
        var units = Int64(scaled).magnitude
        // Digits are produced from the right into a stack buffer, so trailing zeros of the fraction
        // come first and are simply not written.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 40) { buffer in
            var position = buffer.count
            var hasFraction = false
            for _ in 0..<fractionDigits {
                let digit = UInt8(units % 10)
                units /= 10
                guard hasFraction || digit != 0 else { continue }
                hasFraction = true
                position -= 1
                buffer[position] = ASCII.zero + digit
            }
            if hasFraction {
                position -= 1
                buffer[position] = ASCII.dot
            }
            repeat {
                position -= 1
                buffer[position] = ASCII.zero + UInt8(units % 10)
                units /= 10
            } while units > 0
            if isNegative {
                position -= 1
                buffer[position] = ASCII.minus
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[position...]))
        }
    }

    /// Appends a property number: integers without a fraction, others per `NumberText.property`;
    /// non-finite values as `null`.
    mutating func appendNumber(_ value: Double) {
        guard value.isFinite else {
            append("null")
            return
        }
        if value.rounded(.towardZero) == value, abs(value) < 9.0e15 {
            if value < 0 { bytes.append(ASCII.minus) }
            appendDigits(of: UInt64(abs(value)))
            return
        }
        bytes.append(contentsOf: NumberText.property(value).utf8)
    }
}
