extension DistrictFeature {
    /// The ring of a street mapped as a closed way tagged `area=yes` (a square, a pedestrian area):
    /// OSM draws such areas as lines, and the street-space allocation reads them as polygons. Nil
    /// for every other feature.
    public var closedAreaRing: [Double]? {
        guard attributes.string("area") == "yes", case .lineString(let xy) = geometry, xy.count >= 8,
              xy[0] == xy[xy.count - 2], xy[1] == xy[xy.count - 1] else { return nil }
        return xy
    }
}
