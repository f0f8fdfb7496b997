import DistrictModel
import GeometryEngine

/// A noise map: levels at receivers on a regular grid over the study area (4 m high, outside
/// buildings), and the areas of each END Lden band as polygons.
///
/// A value for the map writers (GeoPackage, HTML): points as numbers, band polygons as WKB.
public struct NoiseGrid: Sendable, Equatable {
    public struct Point: Sendable, Equatable {
        public var x: Double
        public var y: Double
        public var levels: FacadeLevels

        public init(x: Double, y: Double, levels: FacadeLevels) {
            self.x = x
            self.y = y
            self.levels = levels
        }
    }

    /// The area where Lden lies in `lower ..< upper` (either open): the grid cells of the points
    /// in that band merged, less the buildings.
    public struct Band: Sendable, Equatable {
        /// `<55`, `55-60`, ..., `>=75`.
        public var name: String
        /// Inclusive lower edge, dB (nil for the lowest band).
        public var lower: Double?
        /// Exclusive upper edge, dB (nil for the highest band).
        public var upper: Double?
        /// Square metres of the polygon.
        public var area: Double
        /// Points of the grid in this band.
        public var pointCount: Int
        /// Polygon or multipolygon, ISO WKB, little-endian, 2D, in the district's metric CRS.
        public var wkb: [UInt8]

        public func contains(_ lden: Double) -> Bool {
            (lower.map { lden >= $0 } ?? true) && (upper.map { lden < $0 } ?? true)
        }
    }

    /// Metres between neighbouring points; each point stands for the square of this side around it.
    public var spacing: Double
    /// Receiver height, m (END strategic maps: 4 m).
    public var height: Double
    /// The study area the grid covers: the extent of the street layer, in the district's CRS.
    public var extent: Envelope?
    /// Grid points outside buildings, row by row from the south-west corner.
    public var points: [Point]
    /// The bands that hold any point, lowest first.
    public var bands: [Band]

    public init(spacing: Double, height: Double, extent: Envelope?, points: [Point], bands: [Band]) {
        self.spacing = spacing
        self.height = height
        self.extent = extent
        self.points = points
        self.bands = bands
    }

    /// The band edges of END reporting (Directive 2002/49/EC Annex VI 1.5: Lden 55-59, 60-64,
    /// 65-69, 70-74, >= 75 dB): a band holds its lower edge, and levels below 55 dB form one band.
    public static let bandEdges: [Double] = [55, 60, 65, 70, 75]

    /// The band a Lden value falls in (0 = below 55 dB).
    public static func bandIndex(lden: Double) -> Int {
        bandEdges.filter { lden >= $0 }.count
    }

    public static func bandName(_ index: Int) -> String {
        let edges = bandEdges.map { String(Int($0)) }
        if index == 0 { return "<" + edges[0] }
        if index == edges.count { return ">=" + edges[edges.count - 1] }
        return "\(edges[index - 1])-\(edges[index])"
    }

    /// At most this many points: a finer grid over a larger area is refused before any work
    /// (1,000,000 points at 10 m is 100 km2, and hours of CNOSSOS-EU).
    public static let maximumPoints = 1_000_000

    /// The study area (the extent of the street layer) and the grid's columns and rows over it:
    /// points at the centres of `spacing`-wide squares that tile the extent from its south-west
    /// corner. nil without streets; fails for a spacing that is not a positive number or a grid of
    /// more than `maximumPoints`, so a command can refuse it before any work.
    public static func layout(of district: District, spacing: Double) throws(NoiseGridError) -> (extent: Envelope, columns: Int, rows: Int)? {
        guard spacing.isFinite, spacing > 0 else { throw NoiseGridError("the grid spacing must be a positive number of metres, got \(spacing)") }
        let extent = district.streets.compactMap { $0.geometry.envelope }.reduce(nil) { $0?.union($1) ?? $1 }
        guard let extent else { return nil }
        let columns = max(1, (extent.width / spacing).rounded(.up)), rows = max(1, (extent.height / spacing).rounded(.up))
        guard columns * rows <= Double(maximumPoints) else {
            throw NoiseGridError("a \(spacing) m noise grid over the street layer's \(Int(extent.width)) x \(Int(extent.height)) m "
                                 + "would hold \(Int(columns * rows)) points (at most \(maximumPoints)): use a larger spacing")
        }
        return (extent, Int(columns), Int(rows))
    }
}

/// A noise grid that cannot be computed: too many points, or a GEOS failure naming the feature.
public struct NoiseGridError: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
