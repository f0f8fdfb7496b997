import Foundation

extension DistrictLoader {
    /// An OSM extract, read through osmium (`OSMExtractReader`); any failure names the file.
    static func readExtract(_ url: URL) throws(DistrictLoadError) -> NamedCollection {
        let name = url.relativePath
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw DistrictLoadError(file: name, message: "cannot read the file")
        }
        do {
            let result = try OSMExtractReader.onPath().read(url, name: name)
            return NamedCollection(name: name, collection: result.collection, problems: result.problems, notes: result.notes, isOSMExtract: true)
        } catch {
            throw DistrictLoadError(file: name, message: error.description)
        }
    }
}
