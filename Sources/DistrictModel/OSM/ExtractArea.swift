import Foundation
import GeoJSON
import GeometryEngine
import Projection

/// The district `superblock extract` cuts out of an OSM extract, and the same area grown by the
/// context margin, both in WGS 84 longitude/latitude.
///
/// The margin is measured in metres: the area goes to the UTM zone of its centre, is buffered there
/// (GEOS, round joins) and comes back to degrees, so it is 300 m wide on every side at any latitude.
public struct ExtractArea: Sendable {
    /// The district itself: features that reach into it are reported.
    public var district: GeoJSONGeometry
    /// The district and its margin: what is read from the extract.
    public var withMargin: GeoJSONGeometry
    public var marginMetres: Double

    /// A longitude/latitude box, `--bbox W,S,E,N`.
    public static func box(west: Double, south: Double, east: Double, north: Double,
                           margin: Double = ContextMargin.metres) throws(ExtractAreaError) -> ExtractArea {
        guard [west, east].allSatisfy({ (-180...180).contains($0) }), [south, north].allSatisfy({ (-90...90).contains($0) }) else {
            throw ExtractAreaError(source: "--bbox", message: "longitudes must lie in -180 ... 180 and latitudes in -90 ... 90")
        }
        guard west < east, south < north else {
            throw ExtractAreaError(source: "--bbox", message: "give W,S,E,N with W < E and S < N")
        }
        let ring = [west, south, east, south, east, north, west, north, west, south]
        return try ExtractArea(district: .polygon([ring]), margin: margin, source: "--bbox")
    }

    /// The polygons of a GeoJSON file, `--polygon AREA.geojson` (lon/lat unless the file's legacy
    /// `crs` member names another CRS); several polygons are merged.
    public static func polygon(file url: URL, margin: Double = ContextMargin.metres) throws(ExtractAreaError) -> ExtractArea {
        let source = url.relativePath
        let collection: FeatureCollection
        do { collection = try GeoJSONReader(checksGeographicRange: false).read(contentsOf: url) } catch {
            throw ExtractAreaError(source: source, message: error.description)
        }
        var polygons: [[[Double]]] = []
        for feature in collection.features {
            switch feature.geometry {
            case .polygon(let rings): polygons.append(rings)
            case .multiPolygon(let parts): polygons += parts
            default: continue
            }
        }
        guard !polygons.isEmpty else { throw ExtractAreaError(source: source, message: "holds no Polygon or MultiPolygon") }
        var district = GeoJSONGeometry.multiPolygon(polygons)
        if let crs = collection.crs, !CRSName.isGeographic(crs) {
            do {
                let projection = try ProjectionContext()
                let transformer = try CoordinateTransformer(from: crs, to: "OGC:CRS84", context: projection)
                var failed = false
                district = district.mapBuffers { xy in
                    var lonLat = xy
                    if !transformer.transform(&lonLat).failedIndices.isEmpty { failed = true }
                    return lonLat
                }
                if failed { throw ExtractAreaError(source: source, message: "coordinates cannot be transformed from \(crs) to WGS 84") }
            } catch let error as ExtractAreaError {
                throw error
            } catch {
                throw ExtractAreaError(source: source, message: "\(error)")
            }
        }
        return try ExtractArea(district: district, margin: margin, source: source)
    }

    init(district: GeoJSONGeometry, margin: Double, source: String) throws(ExtractAreaError) {
        self.district = district
        marginMetres = margin
        guard let box = district.bounds, box.minX >= -180, box.maxX <= 180, box.minY >= -80, box.maxY <= 84 else {
            throw ExtractAreaError(source: source, message: "the area must lie within longitudes -180 ... 180 and latitudes -80 ... 84 (UTM)")
        }
        let utm = MetricCRS.utm(longitude: (box.minX + box.maxX) / 2, latitude: (box.minY + box.maxY) / 2)
        do {
            let projection = try ProjectionContext()
            let toMetres = try CoordinateTransformer(from: "OGC:CRS84", to: utm, context: projection)
            let toDegrees = try CoordinateTransformer(from: utm, to: "OGC:CRS84", context: projection)
            let metric = district.mapBuffers { xy in
                var copy = xy
                _ = toMetres.transform(&copy)
                return copy
            }
            let context = GeometryContext()
            let area = try context.geometry(from: metric)
            guard area.isValid, area.area > 0 else {
                throw ExtractAreaError(source: source, message: "the area is not a valid polygon" + (area.validityProblem.map { ": \($0)" } ?? ""))
            }
            let grown = try area.buffer(margin)
            withMargin = grown.geoJSON.mapBuffers { xy in
                var copy = xy
                _ = toDegrees.transform(&copy)
                return copy
            }
        } catch let error as ExtractAreaError {
            throw error
        } catch {
            throw ExtractAreaError(source: source, message: "\(error)")
        }
    }

    /// A GeoJSON file of the area with its margin, for `osmium extract -p`.
    func writeMarginPolygon(to url: URL) throws(OSMReadError) {
        let collection = FeatureCollection(features: [Feature(geometry: withMargin)])
        do { try GeoJSONWriter(coordinatePrecision: 7).write(collection, to: url) } catch {
            throw OSMReadError.scratch("\(url.path): \(error.description)")
        }
    }
}

/// A `--bbox` or `--polygon` that cannot be used, with what is wrong.
public struct ExtractAreaError: Error, Sendable, CustomStringConvertible {
    public var source: String
    public var message: String

    public var description: String { "\(source): \(message)" }
}
