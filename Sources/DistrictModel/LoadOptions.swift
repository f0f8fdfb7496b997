/// What to do with a polygon GEOS finds invalid (self-intersections, bow-ties, spikes).
public enum InvalidGeometryPolicy: String, Sendable, CaseIterable {
    /// Repair with GEOS make-valid (structure method) and keep the polygonal result.
    case repair
    /// Leave the feature out.
    case skip
}

/// How district files are read.
public struct LoadOptions: Sendable {
    /// CRS of the input coordinates when the files do not say (`--crs`); overrides a file's legacy
    /// `crs` member. nil means RFC 7946's WGS84 lon/lat.
    public var inputCRS: String?
    /// CRS for all metric work (`--metric-crs`); nil chooses: a projected input CRS as it is, or the
    /// UTM zone of the data's centre (ETRS89 zones in Europe).
    public var metricCRS: String?
    public var invalidGeometry: InvalidGeometryPolicy

    public init(inputCRS: String? = nil, metricCRS: String? = nil, invalidGeometry: InvalidGeometryPolicy = .repair) {
        self.inputCRS = inputCRS
        self.metricCRS = metricCRS
        self.invalidGeometry = invalidGeometry
    }
}
