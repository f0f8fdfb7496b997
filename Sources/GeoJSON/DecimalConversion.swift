/// Exact conversion of `significand * 10^powerOfTen` to the nearest `Double` (ties to even), for the
/// numbers GeoJSON files are made of, without going through text.
///
/// Three tiers, fastest first:
/// 1. Clinger's fast path: a significand of at most 53 bits and a power of ten up to 10^22 are both
///    exact doubles, so one IEEE multiplication or division rounds correctly. This covers OSM-style
///    coordinates (`2.1505827`) and integers.
/// 2. Full-precision 17-19 digit significands (`41.402320229432569`, as QGIS writes): the exact
///    quotient or product is computed in 128-bit integer arithmetic and rounded by hand.
/// 3. Anything else returns nil, and the caller falls back to `Double(String)`.
enum DecimalConversion {
    @inline(__always)
    static func double(significand: UInt64, powerOfTen: Int) -> Double? {
        if significand <= 1 << 53 {
            if powerOfTen >= 0, powerOfTen <= 22 {
                return Double(significand) * exactPowersOfTen[powerOfTen]
            }
            if powerOfTen < 0, powerOfTen >= -22 {
                return Double(significand) / exactPowersOfTen[-powerOfTen]
            }
        }
        return wideDouble(significand: significand, powerOfTen: powerOfTen)
    }

    /// Tiers 2 and 3, kept out of line so the common case above stays small enough to inline.
    @inline(never)
    private static func wideDouble(significand: UInt64, powerOfTen: Int) -> Double? {
        if significand == 0 { return 0 }
        if powerOfTen < 0, powerOfTen >= -19 {
            return quotient(significand, integerPowersOfTen[-powerOfTen])
        }
        if powerOfTen >= 0, powerOfTen <= 19 {
            return product(significand, integerPowersOfTen[powerOfTen])
        }
        return nil
    }

    /// 10^0 ... 10^22, every one exactly representable as a Double.
    static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// 10^0 ... 10^19, every power of ten that fits in 64 bits.
    static let integerPowersOfTen: [UInt64] = (0...19).map { exponent in
        (0..<exponent).reduce(1) { power, _ in power * 10 }
    }

    /// The nearest Double to `numerator / denominator`.
    ///
    /// Both are shifted so their top bit is set; the 128-by-64-bit division then yields a 64-bit
    /// quotient with its top bit set (11 bits more than a Double holds) and a remainder, which acts as
    /// the sticky bit, so rounding the quotient to 53 bits rounds the true value correctly.
    private static func quotient(_ numerator: UInt64, _ denominator: UInt64) -> Double {
        let numeratorShift = numerator.leadingZeroBitCount
        let denominatorShift = denominator.leadingZeroBitCount
        let top = numerator << numeratorShift
        let bottom = denominator << denominatorShift
        let quotient: UInt64
        let remainder: UInt64
        let scale: Int
        if top >= bottom {
            (quotient, remainder) = bottom.dividingFullWidth((high: top >> 1, low: top << 63))
            scale = -63
        } else {
            (quotient, remainder) = bottom.dividingFullWidth((high: top, low: 0))
            scale = -64
        }
        return rounded(
            quotient, sticky: remainder != 0, binaryExponent: scale + denominatorShift - numeratorShift)
    }

    /// The nearest Double to `factor * power`, from their exact 128-bit product.
    private static func product(_ factor: UInt64, _ power: UInt64) -> Double {
        let (high, low) = factor.multipliedFullWidth(by: power)
        if high == 0 {
            let shift = low.leadingZeroBitCount
            return rounded(low << shift, sticky: false, binaryExponent: -shift)
        }
        let shift = high.leadingZeroBitCount
        let top = shift == 0 ? high : high << shift | low >> (64 - shift)
        return rounded(top, sticky: low << shift != 0, binaryExponent: 64 - shift)
    }

    /// Rounds `bits` (top bit set; `sticky` says whether anything nonzero lies below them) to 53
    /// significant bits, ties to even, and returns `rounded * 2^binaryExponent` scaled accordingly.
    private static func rounded(_ bits: UInt64, sticky: Bool, binaryExponent: Int) -> Double {
        var mantissa = bits >> 11
        let dropped = bits & 0x7FF
        if dropped > 0x400 || (dropped == 0x400 && (sticky || mantissa & 1 == 1)) {
            mantissa += 1
        }
        return Double(sign: .plus, exponent: binaryExponent + 11, significand: Double(mantissa))
    }
}
