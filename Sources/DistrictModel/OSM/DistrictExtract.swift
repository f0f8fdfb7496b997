import Foundation
import GeoJSON
import GeometryEngine

/// A district file cut from an OSM extract (`superblock extract`): the features of the area, and
/// those of its margin flagged `superblock:context=yes`, in WGS 84 longitude/latitude.
///
/// A feature is reported when any part of it reaches into the district (a street crossing its edge
/// belongs to it); a feature wholly in the margin is context. The margin is as wide as the largest
/// search radius of the analyses, so a facade at the district's edge hears the streets and reaches
/// the parks beyond it.
public struct DistrictExtract: Sendable {
    public var collection: FeatureCollection
    /// Objects of the extract osmium could not assemble.
    public var problems: [LoadProblem]
    public var notes: [String]
    /// Features in the margin (flagged as context).
    public var contextCount: Int

    /// Reads `url` (named `name` in messages), clipped to `area` with its margin when given.
    public static func make(from url: URL, name: String, area: ExtractArea?, reader: OSMExtractReader) throws(DistrictExtractError) -> DistrictExtract {
        var result: OSMExtractResult
        do { result = try reader.read(url, name: name, clip: area) } catch { throw DistrictExtractError(file: name, message: error.description) }
        var contextCount = 0
        if let area {
            do { contextCount = try flagContext(&result.collection, district: area.district) } catch {
                throw DistrictExtractError(file: name, message: "cannot test features against the area: \(error.message)")
            }
        }
        return DistrictExtract(collection: result.collection, problems: result.problems, notes: result.notes, contextCount: contextCount)
    }

    /// Sets `superblock:context=yes` on every feature that does not reach into `district`; returns
    /// how many. A geometry GEOS cannot build stays reported: the loader names its problem.
    static func flagContext(_ collection: inout FeatureCollection, district: GeoJSONGeometry) throws(GeometryError) -> Int {
        let context = GeometryContext()
        let area = try PreparedGeometry(try context.geometry(from: district))
        var count = 0
        for index in collection.features.indices {
            guard let value = collection.features[index].geometry, let geometry = try? context.geometry(from: value) else { continue }
            if !area.intersects(geometry) {
                collection.features[index].properties[ContextMargin.key] = .string("yes")
                count += 1
            }
        }
        return count
    }

    /// Writes the district file atomically (osmium's 7 decimals: about 1 cm).
    public func write(to url: URL) throws(DistrictExtractError) {
        do { try GeoJSONWriter(coordinatePrecision: 7).write(collection, to: url) } catch {
            throw DistrictExtractError(file: url.relativePath, message: "cannot write: \(error.description)")
        }
    }
}

public struct DistrictExtractError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var message: String

    public var description: String { "\(file): \(message)" }
}
