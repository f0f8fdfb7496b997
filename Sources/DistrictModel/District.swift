import GeoJSON
import GeometryEngine

/// A loaded district: every feature sorted into its layer, in one metric CRS, with the problems
/// met on the way. A value: it crosses tasks freely, and analyses derive everything else from it.
public struct District: Sendable {
    /// The projected CRS all coordinates are in (e.g. "EPSG:25831").
    public var crs: String
    /// The CRS each input file was read in, by file.
    public var sourceCRS: [String: String]
    /// Notes about the transformation (e.g. an ED50 source transformed without its grid).
    public var transformNotes: [String]
    public var features: [DistrictFeature] {
        didSet { layers = Self.sorted(features) }
    }
    /// The features by layer, kept in step with `features`: layers are read once per street or
    /// building in places, and filtering every feature each time made `compare` quadratic.
    private var layers: [Layer: [DistrictFeature]] = [:]
    public var problems: [LoadProblem]
    /// Features no layer rule recognised (neither a `layer` property nor a known OSM tag).
    public var unclassifiedCount: Int
    /// The data's bounding box in longitude/latitude, for reports and maps.
    public var geographicExtent: Envelope?
    /// Warnings about the district as a whole (a metric CRS replaced because it distorts areas).
    public var warnings: [String] = []
    /// Notes about the inputs for the report (an OSM extract's osmium version and date).
    public var inputNotes: [String] = []

    public init(crs: String, sourceCRS: [String: String] = [:], transformNotes: [String] = [], features: [DistrictFeature],
                problems: [LoadProblem] = [], unclassifiedCount: Int = 0, geographicExtent: Envelope? = nil) {
        self.crs = crs
        self.sourceCRS = sourceCRS
        self.transformNotes = transformNotes
        self.features = features
        layers = Self.sorted(features)
        self.problems = problems
        self.unclassifiedCount = unclassifiedCount
        self.geographicExtent = geographicExtent
    }

    /// The features of one layer, in input order.
    public func features(in layer: Layer) -> [DistrictFeature] {
        layers[layer] ?? []
    }

    private static func sorted(_ features: [DistrictFeature]) -> [Layer: [DistrictFeature]] {
        Dictionary(grouping: features, by: \.layer)
    }

    public var streets: [DistrictFeature] { features(in: .street) }
    public var greens: [DistrictFeature] { features(in: .green) }
    public var buildings: [DistrictFeature] { features(in: .building) }
    public var vacantLots: [DistrictFeature] { features(in: .vacant) }
    public var cells: [DistrictFeature] { features(in: .superblock) }
    public var trees: [DistrictFeature] { features(in: .tree) }
    public var censusAreas: [DistrictFeature] { features(in: .census) }

    /// Feature count per layer, every layer listed.
    public var layerCounts: [Layer: Int] {
        var counts = Dictionary(uniqueKeysWithValues: Layer.allCases.map { ($0, 0) })
        for feature in features { counts[feature.layer, default: 0] += 1 }
        return counts
    }

    /// The bounding box in the metric CRS.
    public var extent: Envelope? {
        features.compactMap { $0.geometry.envelope }.reduce(nil) { $0?.union($1) ?? $1 }
    }
}

extension GeoJSONGeometry {
    /// The bounding box as an `Envelope`, nil when empty.
    public var envelope: Envelope? {
        bounds.map { Envelope(minX: $0.minX, minY: $0.minY, maxX: $0.maxX, maxY: $0.maxY) }
    }
}
