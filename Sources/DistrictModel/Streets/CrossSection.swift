/// A street's cross-section: a carriageway centred on the centreline, then bands outward on each
/// side (parking, cycle, green strip, sidewalk), with a record of which widths were measured.
public struct CrossSection: Sendable, Equatable {
    /// One band beside the carriageway.
    public struct Band: Sendable, Equatable {
        public var category: SpaceCategory
        public var width: Double

        public init(_ category: SpaceCategory, _ width: Double) {
            self.category = category
            self.width = width
        }
    }

    /// Width of the central band, centred on the centreline.
    public var carriageway: Double
    /// Category of the central band: traffic, or shared / pedestrian / cycle for such streets.
    public var carriagewayCategory: SpaceCategory
    /// Bands from the carriageway edge outward, left of the direction of digitising.
    public var left: [Band]
    public var right: [Band]
    /// Values taken from defaults rather than the data (e.g. "carriageway", "sidewalk:left").
    public var defaulted: [String]
    /// Problems with the feature's own values, which were then ignored (e.g. "width=-3 ignored").
    public var warnings: [String]

    public init(carriageway: Double, carriagewayCategory: SpaceCategory = .traffic, left: [Band] = [], right: [Band] = [],
                defaulted: [String] = [], warnings: [String] = []) {
        self.carriageway = carriageway
        self.carriagewayCategory = carriagewayCategory
        self.left = left
        self.right = right
        self.defaulted = defaulted
        self.warnings = warnings
    }

    /// Building line to building line.
    public var totalWidth: Double {
        carriageway + left.reduce(0) { $0 + $1.width } + right.reduce(0) { $0 + $1.width }
    }

    /// Width per category across the whole section (metres of street per metre of length).
    public var widthByCategory: [SpaceCategory: Double] {
        var widths: [SpaceCategory: Double] = [carriagewayCategory: carriageway]
        for band in left + right { widths[band.category, default: 0] += band.width }
        return widths
    }

    /// The section as distance intervals from the centreline, per side: `(from, to, category)`.
    /// The carriageway contributes its half on each side.
    public func intervals(onLeft: Bool) -> [(from: Double, to: Double, category: SpaceCategory)] {
        var result: [(Double, Double, SpaceCategory)] = []
        var offset = carriageway / 2
        if offset > 0 { result.append((0, offset, carriagewayCategory)) }
        for band in (onLeft ? left : right) where band.width > 0 {
            result.append((offset, offset + band.width, band.category))
            offset += band.width
        }
        return result
    }
}
