import GeometryEngine

/// The projection of a map: the district's metric CRS scaled to decimetres (one SVG user unit is
/// 0.1 m, so coordinates are whole numbers), y flipped so north is up, and a viewBox fitted to the
/// data with a margin and a band below it for the scale bar and north arrow.
struct MapFrame: Sendable {
    struct GridPoint: Equatable {
        var x: Int
        var y: Int
    }

    /// SVG user units per metre.
    static let unitsPerMetre = 10.0

    /// The data's extent in metres, with its margin.
    let extent: Envelope
    /// The width in CSS pixels the map is laid out at (a full-width map, or half of it side by
    /// side): labels and the scale bar are sized so they read the same at either width.
    let displayWidth: Double

    /// - Parameter extent: the data's bounding box; nil or degenerate extents become a 100 m square.
    init(extent: Envelope?, displayWidth: Double = 900) {
        var box = extent ?? Envelope(minX: 0, minY: 0, maxX: 100, maxY: 100)
        if box.width < 1 || box.height < 1 { box = box.expanded(by: 50) }
        let margin = max(box.width, box.height) * 0.02
        self.extent = box.expanded(by: margin)
        self.displayWidth = displayWidth
    }

    var width: Int { Int((extent.width * Self.unitsPerMetre).rounded(.up)) }
    var height: Int { Int((extent.height * Self.unitsPerMetre).rounded(.up)) }

    /// User units per CSS pixel at the display width.
    var unitsPerPixel: Double { Double(width) / displayWidth }

    /// Text size in user units: 11 px on screen.
    var fontSize: Double { 11 * unitsPerPixel }

    /// The band below the map for the scale bar and the north arrow.
    var footerHeight: Int { Int((fontSize * 3.2).rounded()) }

    var viewBox: String { "0 0 \(width) \(height + footerHeight)" }

    func gridPoint(x: Double, y: Double) -> GridPoint {
        GridPoint(x: Int(((x - extent.minX) * Self.unitsPerMetre).rounded()),
                  y: Int(((extent.maxY - y) * Self.unitsPerMetre).rounded()))
    }

    /// The points of a flat buffer on the grid, consecutive repeats dropped.
    func gridPoints(_ xy: [Double]) -> [GridPoint] {
        var points: [GridPoint] = []
        points.reserveCapacity(xy.count / 2)
        var i = 0
        while i + 1 < xy.count {
            let point = gridPoint(x: xy[i], y: xy[i + 1])
            if points.last != point { points.append(point) }
            i += 2
        }
        return points
    }

    /// A number in user units, one decimal at most (for text positions and sizes).
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
