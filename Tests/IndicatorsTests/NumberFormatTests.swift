import Foundation
@testable import Reports
import Testing

/// The fast fixed-point formatter writes what printf's `%.Nf` writes, or declines.
@Suite struct NumberFormatTests {
    @Test func fastFixedMatchesPrintf() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        var checked = 0, declined = 0
        for k in 0..<20_000 {
            let magnitude = pow(10, Double(k % 9) - 3)
            var values = [(next() - 0.5) * magnitude, Double(k) / 8, -Double(k) / 200, Double(k) * 0.005]
            values.append(values[0].rounded() + 0.5)
            for value in values {
                for digits in 0...6 {
                    guard let fast = NumberFormat.fastFixed(value, digits) else { declined += 1; continue }
                    #expect(fast == String(format: "%.\(digits)f", locale: nil, value), "\(value) to \(digits) digits")
                    checked += 1
                }
            }
        }
        #expect(checked > 600_000 && declined < checked / 10)
        #expect(NumberFormat.fixed(1234.5678, 2) == "1234.57" && NumberFormat.fixed(-0.004, 2) == "0.00" && NumberFormat.fixed(7, 0) == "7")
    }
}
