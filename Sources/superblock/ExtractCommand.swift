import ArgumentParser
import DistrictModel
import Foundation
import GeoJSON

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Cut a district file out of an OSM extract (.osm.pbf, .osm), for editing before analyze or plan.",
        discussion: """
            osmium (package osmium-tool) reads the extract: the objects the toolkit uses (streets, buildings, \
            green and vacant land, trees, superblock keys) with all their tags, multipolygons assembled. With \
            --bbox or --polygon, the area is kept with a margin of \(Int(ContextMargin.metres)) m (the largest \
            search radius: 250 m noise, 300 m green access); features wholly in the margin carry \
            \(ContextMargin.key)=yes: the analyses use them as noise sources, screens, green areas and \
            street-space neighbours but report no row or total for them. Writes OUTPUT as a GeoJSON \
            FeatureCollection in WGS 84; ids are OSM's (w123, r45, n6).
            """
    )

    @Argument(help: "The OSM extract (.osm.pbf, .pbf, .osm, .osm.gz, .osm.bz2).", completion: .file(extensions: ["pbf", "osm"]))
    var file: String

    @Option(name: [.short, .customLong("output")], help: "GeoJSON file for the district.")
    var output: String

    @Option(help: "The district as a longitude/latitude box W,S,E,N (WGS 84 degrees).")
    var bbox: String?

    @Option(help: "The district as the polygons of a GeoJSON file.", completion: .file(extensions: ["geojson", "json"]))
    var polygon: String?

    func validate() throws {
        if bbox != nil && polygon != nil { throw ValidationError("Give --bbox or --polygon, not both.") }
        if let bbox, Self.box(bbox) == nil { throw ValidationError("--bbox takes four numbers W,S,E,N, got '\(bbox)'.") }
        if !OSMFileType.isExtract(file) {
            throw ValidationError("\(file) is not an OSM extract: give a file ending in " + OSMFileType.suffixes.joined(separator: ", ") + ".")
        }
    }

    static func box(_ text: String) -> [Double]? {
        let values = text.split(separator: ",", omittingEmptySubsequences: false).map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard values.count == 4, values.allSatisfy({ $0?.isFinite == true }) else { return nil }
        return values.compactMap { $0 }
    }

    func run() throws {
        try InputFiles.checkExist([file] + (polygon.map { [$0] } ?? []))
        let area: ExtractArea?
        do {
            if let bbox, let values = Self.box(bbox) {
                area = try ExtractArea.box(west: values[0], south: values[1], east: values[2], north: values[3])
            } else if let polygon {
                area = try ExtractArea.polygon(file: URL(fileURLWithPath: polygon))
            } else {
                area = nil
            }
        } catch {
            throw CommandFailure(error.description)
        }
        let extract: DistrictExtract
        do {
            let reader = try OSMExtractReader.onPath()
            extract = try DistrictExtract.make(from: URL(fileURLWithPath: file), name: file, area: area, reader: reader)
            try extract.write(to: URL(fileURLWithPath: output))
        } catch let error as OSMReadError {
            throw CommandFailure("\(file): \(error.description)")
        } catch {
            throw CommandFailure("\(error)")
        }
        print(ExtractSummary(extract: extract, extractName: file).text)
        print("\nWrote \(output): \(extract.collection.features.count) features, \(extract.contextCount) of them context")
    }
}
