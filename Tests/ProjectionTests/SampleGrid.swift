/// Test data: flat x, y buffers of WGS 84 longitudes and latitudes.
enum SampleGrid {
    /// `points` positions on a regular grid over Barcelona (about 12 x 8 km), longitude first.
    static func barcelona(points: Int, offset: Double = 0) -> [Double] {
        var xy: [Double] = []
        xy.reserveCapacity(2 * points)
        for index in 0..<points {
            xy.append(2.05 + Double(index % 1000) * 0.00015 + offset)
            xy.append(41.32 + Double(index / 1000) * 0.0007 + offset)
        }
        return xy
    }
}
