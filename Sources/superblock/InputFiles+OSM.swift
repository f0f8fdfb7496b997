import DistrictModel
import Foundation
import GeoJSON

extension InputFiles {
    /// One input file's features as the loader numbered them (so that a plan finds its streets by
    /// index): GeoJSON as written, an OSM extract as osmium exports it (WGS 84).
    static func collection(of path: String, checksGeographicRange: Bool) throws -> FeatureCollection {
        let url = URL(fileURLWithPath: path)
        do {
            if OSMFileType.isExtract(path) { return try OSMExtractReader.onPath().read(url, name: path).collection }
            return try GeoJSONReader(checksGeographicRange: checksGeographicRange).read(contentsOf: url)
        } catch let error as OSMReadError {
            throw CommandFailure("\(path): \(error.description)")
        } catch {
            throw CommandFailure("\(error)")
        }
    }
}
