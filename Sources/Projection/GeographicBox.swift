/// A longitude/latitude rectangle in degrees, such as a datum's area of use.
public struct GeographicBox: Sendable, Hashable {
    public var west: Double
    public var south: Double
    public var east: Double
    public var north: Double

    public init(west: Double, south: Double, east: Double, north: Double) {
        self.west = west
        self.south = south
        self.east = east
        self.north = north
    }

    /// Edges count as inside. Boxes crossing the antimeridian are not supported (none is needed).
    public func contains(longitude: Double, latitude: Double) -> Bool {
        (west...east).contains(longitude) && (south...north).contains(latitude)
    }
}
