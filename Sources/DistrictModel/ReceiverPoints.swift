import Foundation
import GeoJSON
import Projection

/// A point where noise levels are wanted (a sensor site, a noise-map node), in the district's
/// metric CRS.
public struct ReceiverPoint: Sendable, Equatable {
    public var id: String
    public var x: Double
    public var y: Double
    /// Height above the ground, m.
    public var height: Double

    /// The height of a receiver without a `height` property: 4 m, as END maps and facade receivers.
    public static let defaultHeight = 4.0

    public init(id: String, x: Double, y: Double, height: Double = Self.defaultHeight) {
        self.id = id
        self.x = x
        self.y = y
        self.height = height
    }

    /// Reads the Point features of a GeoJSON file (id from `id`, else the feature id, else its
    /// index; height from `height`, else 4 m) and moves them into `metricCRS`. The file's own CRS
    /// is used unless `inputCRS` overrides it. Anything else than a point, or a height outside
    /// (0, 500] m, is an error naming the file and the feature.
    public static func load(_ url: URL, inputCRS: String?, metricCRS: String) throws(DistrictLoadError) -> [ReceiverPoint] {
        let collection: FeatureCollection
        do {
            collection = try GeoJSONReader(checksGeographicRange: inputCRS == nil).read(contentsOf: url)
        } catch {
            let feature = error.featureIndex.map { "feature \($0)" + (error.featureID.map { " (id \($0))" } ?? "") + ": " } ?? ""
            throw DistrictLoadError(file: url.path, message: feature + error.message)
        }
        var points: [ReceiverPoint] = []
        var xy: [Double] = []
        for (index, feature) in collection.features.enumerated() {
            let attributes = Attributes(feature.properties)
            let id = attributes.string("id") ?? feature.id ?? String(index)
            guard case .point(let x, let y)? = feature.geometry else {
                throw DistrictLoadError(file: url.path, message: "feature \(index) (id \(id)): a receiver must be a Point, not \(feature.geometry?.typeName ?? "nothing")")
            }
            var height = ReceiverPoint.defaultHeight
            if let value = attributes.number("height") {
                guard value.isFinite, value > 0, value <= 500 else {
                    throw DistrictLoadError(file: url.path, message: "feature \(index) (id \(id)): height \(value) is outside 0 ... 500 m")
                }
                height = value
            }
            points.append(ReceiverPoint(id: id, x: x, y: y, height: height))
            xy += [x, y]
        }
        let crs = inputCRS ?? collection.crs ?? "OGC:CRS84"
        guard crs != metricCRS, !points.isEmpty else { return points }
        do {
            let context = try ProjectionContext()
            let transformer = try CoordinateTransformer(from: crs, to: metricCRS, context: context)
            if let failed = transformer.transform(&xy).failedIndices.first {
                throw DistrictLoadError(file: url.path, message: "feature \(failed) (id \(points[failed].id)): cannot be transformed from \(crs) to \(metricCRS)")
            }
        } catch let error as DistrictLoadError {
            throw error
        } catch {
            throw DistrictLoadError(file: url.path, message: "cannot transform from \(crs) to \(metricCRS): \(error)")
        }
        for index in points.indices {
            points[index].x = xy[2 * index]
            points[index].y = xy[2 * index + 1]
        }
        return points
    }
}
