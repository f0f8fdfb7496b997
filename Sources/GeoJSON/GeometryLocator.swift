/// Names a place inside a geometry for error messages: "Polygon ring 1 position 4",
/// "MultiPolygon polygon 2 ring 0". Indices are 0-based, like feature indices.
///
/// Only built into text when an error is thrown; on the hot path it is a few integers.
struct GeometryLocator {
    var type: GeometryType
    var part: Int? = nil
    var ring: Int? = nil

    func part(_ index: Int) -> GeometryLocator {
        var locator = self
        locator.part = index
        return locator
    }

    func ring(_ index: Int) -> GeometryLocator {
        var locator = self
        locator.ring = index
        return locator
    }

    var description: String {
        var text = type.name
        if let part { text += " \(type.partName) \(part)" }
        if let ring { text += " ring \(ring)" }
        return text
    }

    /// The place of one position; a Point has only the one, so it is just "Point".
    func position(_ index: Int) -> String {
        type == .point ? description : "\(description) position \(index)"
    }
}
