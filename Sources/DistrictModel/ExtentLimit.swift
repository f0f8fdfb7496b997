import GeoJSON
import GeometryEngine

/// The largest district the toolkit analyses, and the check that refuses a larger one.
///
/// Why: grids, receivers and spatial indexes are sized from the extent. One street in Sydney among
/// Barcelona's, or an easting of 1e12, used to ask for tens of gigabytes and run for minutes before
/// failing. A superblock study covers a few km; 100 km x 100 km holds any city, so anything larger is
/// a data error, and the error names the features lying far from the rest.
public enum ExtentLimit {
    /// Width and height limit in metres (100 km).
    public static let maximumSide = 100_000.0

    /// Vertices one feature may have. The largest building or park outline of a city has a few
    /// thousand; a million is a broken export, and buffering or noding it would run for minutes.
    public static let maximumVertices = 1_000_000

    /// nil when the features fit in the limit; otherwise an error naming the outlying features.
    static func check(_ features: [DistrictFeature], crs: String) -> DistrictLoadError? {
        let boxes = features.compactMap { feature in feature.geometry.envelope.map { (feature, $0) } }
        guard let extent = boxes.map(\.1).reduce(nil, { $0?.union($1) ?? $1 }) else { return nil }
        let width = extent.maxX - extent.minX, height = extent.maxY - extent.minY
        guard !(width <= maximumSide && height <= maximumSide) else { return nil }

        // The outliers: features whose box lies far from the median of all feature centres.
        let xs = boxes.map(\.1.center.x).sorted(), ys = boxes.map(\.1.center.y).sorted()
        let medianX = xs[xs.count / 2], medianY = ys[ys.count / 2]
        let reach = maximumSide / 2
        let outliers = boxes.filter { _, box in
            !(box.minX >= medianX - reach && box.maxX <= medianX + reach && box.minY >= medianY - reach && box.maxY <= medianY + reach)
        }.map(\.0)
        let listed = outliers.prefix(5).map(\.origin.description).joined(separator: "; ")
        let more = outliers.count > 5 ? " and \(outliers.count - 5) more" : ""
        let file = outliers.first?.origin.file ?? features.first?.origin.file ?? "-"
        return DistrictLoadError(
            file: file,
            message: "the data spans \(kilometres(width)) x \(kilometres(height)) km in \(crs), more than the "
                + "\(Int(maximumSide / 1000)) km x \(Int(maximumSide / 1000)) km a district may span; "
                + (outliers.isEmpty ? "no single feature stands out" : "far from the rest: \(listed)\(more)"))
    }

    static func kilometres(_ metres: Double) -> String {
        guard metres.isFinite, metres < 1e15 else { return "\(metres / 1000)" }
        return String(Int64((metres / 1000).rounded()))
    }
}

/// Exact duplicate geometries within a layer: 100,000 copies of one street made the street-space
/// overlay quadratic. The first copy is kept; every later one is skipped and reported.
enum DuplicateGeometries {
    static func remove(from features: [DistrictFeature]) -> (kept: [DistrictFeature], problems: [LoadProblem]) {
        var seen: [GeometryKey: FeatureOrigin] = [:]
        var kept: [DistrictFeature] = []
        var problems: [LoadProblem] = []
        kept.reserveCapacity(features.count)
        for feature in features {
            // Trees may stand on one point legitimately (two records of one tree are rare and harmless).
            guard feature.layer != .tree else { kept.append(feature); continue }
            let key = GeometryKey(layer: feature.layer, geometry: feature.geometry)
            if let first = seen[key] {
                problems.append(LoadProblem(origin: feature.origin, message: "the same \(feature.layer) geometry as \(first)", action: .skipped))
            } else {
                seen[key] = feature.origin
                kept.append(feature)
            }
        }
        return (kept, problems)
    }

    struct GeometryKey: Hashable {
        var layer: Layer
        var geometry: GeoJSONGeometryKey

        init(layer: Layer, geometry: GeoJSONGeometry) {
            self.layer = layer
            self.geometry = GeoJSONGeometryKey(geometry)
        }
    }
}

/// A hashable stand-in for a geometry: its type and every coordinate, bit for bit.
struct GeoJSONGeometryKey: Hashable {
    var type: String
    var coordinates: [[Double]]

    init(_ geometry: GeoJSONGeometry) {
        type = geometry.typeName
        var buffers: [[Double]] = []
        geometry.forEachBuffer { buffers.append($0) }
        coordinates = buffers
    }
}

extension GeoJSONGeometry {
    func forEachBuffer(_ body: ([Double]) -> Void) {
        switch self {
        case .point(let x, let y): body([x, y])
        case .multiPoint(let xy), .lineString(let xy): body(xy)
        case .multiLineString(let lines): lines.forEach(body)
        case .polygon(let rings): rings.forEach(body)
        case .multiPolygon(let polygons): polygons.forEach { $0.forEach(body) }
        case .geometryCollection(let members): members.forEach { $0.forEachBuffer(body) }
        }
    }
}
