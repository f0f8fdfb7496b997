/// A scale bar of a round length (1, 2 or 5 times a power of ten metres, about a fifth of the map's
/// width), in the band below the map: two halves, black and white, labelled.
struct ScaleBar {
    var frame: MapFrame

    /// The round length in metres.
    var length: Double {
        let target = frame.extent.width / 5
        var power = 1.0
        while power * 10 <= target { power *= 10 }
        while power > target && power > 0.01 { power /= 10 }
        return [5.0, 2, 1].map { $0 * power }.first { $0 <= target } ?? power
    }

    static func label(metres: Double) -> String {
        metres >= 1000 ? "\(MapFrame.number(metres / 1000)) km" : "\(MapFrame.number(metres)) m"
    }

    var svg: String {
        let units = length * MapFrame.unitsPerMetre
        let font = frame.fontSize
        let x = font, y = Double(frame.height) + Double(frame.footerHeight) * 0.62
        let barHeight = font * 0.45
        let n = MapFrame.number
        return "<g class=\"scale-bar\">"
            + "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(units / 2))\" height=\"\(n(barHeight))\" fill=\"#222\"/>"
            + "<rect x=\"\(n(x + units / 2))\" y=\"\(n(y))\" width=\"\(n(units / 2))\" height=\"\(n(barHeight))\" fill=\"#fff\" stroke=\"#222\"/>"
            + "<text x=\"\(n(x))\" y=\"\(n(y - font * 0.3))\" font-size=\"\(n(font))\">0</text>"
            + "<text x=\"\(n(x + units))\" y=\"\(n(y - font * 0.3))\" font-size=\"\(n(font))\" text-anchor=\"middle\">"
            + XMLText.escape(Self.label(metres: length)) + "</text></g>"
    }
}

/// A north arrow at the right of the band below the map. The maps are drawn in the district's
/// projected CRS with y up, so grid north is up (UTM's convergence from true north is under 2
/// degrees in a district).
struct NorthArrow {
    var frame: MapFrame

    var svg: String {
        let font = frame.fontSize
        let size = Double(frame.footerHeight) * 0.8
        let cx = Double(frame.width) - font * 2, top = Double(frame.height) + Double(frame.footerHeight) * 0.1
        let n = MapFrame.number
        let tip = "\(n(cx)),\(n(top))", left = "\(n(cx - size * 0.3)),\(n(top + size))", right = "\(n(cx + size * 0.3)),\(n(top + size))"
        let notch = "\(n(cx)),\(n(top + size * 0.72))"
        return "<g class=\"north-arrow\"><polygon points=\"\(tip) \(left) \(notch)\" fill=\"#222\"/>"
            + "<polygon points=\"\(tip) \(notch) \(right)\" fill=\"#fff\" stroke=\"#222\"/>"
            + "<text x=\"\(n(cx - size * 0.55))\" y=\"\(n(top + size * 0.8))\" font-size=\"\(n(font))\" text-anchor=\"end\">N</text></g>"
    }
}
