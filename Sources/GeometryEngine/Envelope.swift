/// An axis-aligned bounding box, the currency of spatial-index queries.
public struct Envelope: Sendable, Equatable, CustomStringConvertible {
    public var minX: Double
    public var minY: Double
    public var maxX: Double
    public var maxY: Double

    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }

    public var width: Double { maxX - minX }
    public var height: Double { maxY - minY }
    public var center: (x: Double, y: Double) { ((minX + maxX) / 2, (minY + maxY) / 2) }

    /// The box grown by `distance` on every side: the search window for "everything within d".
    public func expanded(by distance: Double) -> Envelope {
        Envelope(minX: minX - distance, minY: minY - distance, maxX: maxX + distance, maxY: maxY + distance)
    }

    /// The smallest box holding both.
    public func union(_ other: Envelope) -> Envelope {
        Envelope(minX: Swift.min(minX, other.minX), minY: Swift.min(minY, other.minY),
                 maxX: Swift.max(maxX, other.maxX), maxY: Swift.max(maxY, other.maxY))
    }

    public func intersects(_ other: Envelope) -> Bool {
        minX <= other.maxX && other.minX <= maxX && minY <= other.maxY && other.minY <= maxY
    }

    /// The box around a flat `x, y` buffer, or nil for an empty one.
    public init?(xy: [Double]) {
        guard xy.count >= 2 else { return nil }
        var box = Envelope(minX: xy[0], minY: xy[1], maxX: xy[0], maxY: xy[1])
        var index = 2
        while index + 1 < xy.count {
            box.minX = Swift.min(box.minX, xy[index]); box.maxX = Swift.max(box.maxX, xy[index])
            box.minY = Swift.min(box.minY, xy[index + 1]); box.maxY = Swift.max(box.maxY, xy[index + 1])
            index += 2
        }
        self = box
    }

    public var description: String { "[\(minX), \(minY) - \(maxX), \(maxY)]" }
}
