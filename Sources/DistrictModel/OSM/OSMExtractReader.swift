import Foundation
import GeoJSON

/// Reads an OSM extract (`.osm.pbf`, `.osm` XML) through osmium into the GeoJSON features the
/// loader reads, with the objects osmium could not assemble as problems and a note of the tool's
/// version and the data's date.
///
/// Steps, all in a temporary directory removed afterwards:
/// 1. `osmium extract` when a clip is given (`superblock extract`): the area with its margin, with
///    the `smart` strategy so that multipolygons crossing the edge stay whole (after `osmium sort`
///    when the file is not sorted, as editors' files often are not);
/// 2. `osmium export -f geojson -e` of the whole file (after `osmium sort` when it is not sorted):
///    ways become lines or, closed with an area tag, polygons; multipolygon relations are
///    assembled; every tag is kept; the features `OSMTagFilter.toolkit` matches are kept;
/// 3. `osmium cat -f opl` of the ways and relations, of which `OSMAssemblyCheck` expects a feature
///    from those the filter matches;
/// 4. `osmium fileinfo -j` of the input, for the replication timestamp in its header.
public struct OSMExtractReader: Sendable {
    public var osmium: Osmium
    public var filter: OSMTagFilter

    public init(osmium: Osmium, filter: OSMTagFilter = .toolkit) {
        self.osmium = osmium
        self.filter = filter
    }

    /// With the `osmium` on the PATH.
    public static func onPath() throws(OSMReadError) -> OSMExtractReader {
        OSMExtractReader(osmium: try Osmium.locate())
    }

    /// Reads `url`; `name` stands for the file in problems and notes. With `clip`, only what lies in
    /// its area with the margin (or, for complete ways and multipolygons, reaches into it) is read.
    public func read(_ url: URL, name: String, clip: ExtractArea? = nil) throws(OSMReadError) -> OSMExtractResult {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("superblock-osm-\(UUID().uuidString)", isDirectory: true)
        do { try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true) } catch {
            throw OSMReadError.scratch("\(scratch.path): \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: scratch) }

        var source = url.path
        if let clip {
            let clipped = scratch.appendingPathComponent("clipped.osm.pbf").path
            let polygon = scratch.appendingPathComponent("margin.geojson")
            try clip.writeMarginPolygon(to: polygon)
            let arguments = { (input: String) in ["extract", input, "-p", polygon.path, "-s", "smart", "-o", clipped, "--overwrite", "--no-progress"] }
            var run = try osmium.run(arguments(source), scratch: scratch)
            if run.status != 0, run.standardError.contains("out of order") {
                // `extract` needs objects sorted by type and id; files saved by editors often are not.
                let sorted = scratch.appendingPathComponent("sorted.osm.pbf").path
                try check(osmium.run(["sort", source, "-o", sorted, "--overwrite", "--no-progress"], scratch: scratch), "sort")
                run = try osmium.run(arguments(sorted), scratch: scratch)
            }
            try check(run, "extract")
            source = clipped
        }
        // No `osmium tags-filter` first: keeping the objects its filter references, it spends
        // 1.5 s and 1.6 GB on Geneva's 2 MB extract (its sets of node ids span ids up to 12.5
        // billion), where exporting everything takes 0.2 s and 20 MB. The filter is applied to
        // what comes out (`identify`) and to what was expected (`OSMAssemblyCheck`).
        let config = scratch.appendingPathComponent("export.json")
        let exported = scratch.appendingPathComponent("export.geojson")
        do { try Data(OSMTagFilter.exportConfiguration.utf8).write(to: config) } catch {
            throw OSMReadError.scratch("\(config.path): \(error.localizedDescription)")
        }
        let exportArguments = { (input: String) in
            ["export", input, "-c", config.path, "-f", "geojson", "-o", exported.path, "--overwrite", "--no-progress", "-e"]
        }
        var export = try osmium.run(exportArguments(source), scratch: scratch)
        if export.status != 0, export.standardError.contains("out of order") {
            // `export` needs objects sorted by type and id, as `extract` does.
            let sorted = scratch.appendingPathComponent("sorted.osm.pbf").path
            try check(osmium.run(["sort", source, "-o", sorted, "--overwrite", "--no-progress"], scratch: scratch), "sort")
            source = sorted
            export = try osmium.run(exportArguments(source), scratch: scratch)
        }
        try check(export, "export")

        var collection: FeatureCollection
        do { collection = try GeoJSONReader().read(contentsOf: exported) } catch {
            throw OSMReadError.unreadableOutput(error.description)
        }
        let exportedObjects = Self.identify(&collection, filter: filter)

        let objects = scratch.appendingPathComponent("objects.opl").path
        try check(osmium.run(["cat", source, "-t", "way", "-t", "relation", "-f", "opl,add_metadata=false", "-o", objects,
                              "--overwrite", "--no-progress"], scratch: scratch), "cat")
        let opl: String
        do { opl = try String(contentsOfFile: objects, encoding: .utf8) } catch {
            throw OSMReadError.unreadableOutput("\(objects): \(error.localizedDescription)")
        }
        let assembly = OSMAssemblyCheck(filter: filter)
        let problems = assembly.problems(expected: assembly.expectedObjects(opl: opl), exported: exportedObjects,
                                         errors: export.standardError, file: name)

        let version = try osmium.version(scratch: scratch)
        let timestamp = try replicationTimestamp(of: url, scratch: scratch)
        let date = timestamp.map { "data as of \($0) (replication timestamp)" } ?? "no replication timestamp in its header"
        let note = "\(name): read with \(version); \(date)"
        return OSMExtractResult(collection: collection, problems: problems, notes: [note], timestamp: timestamp, osmiumVersion: version)
    }

    /// The `osmosis_replication_timestamp` of the file's header, else its `timestamp` option
    /// (osmium writes both; XML files may carry only the second), nil when it has neither.
    func replicationTimestamp(of url: URL, scratch: URL) throws(OSMReadError) -> String? {
        let info = try osmium.run(["fileinfo", "-j", url.path], scratch: scratch)
        try check(info, "fileinfo")
        guard let data = info.standardOutput.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let header = object["header"] as? [String: Any], let options = header["option"] as? [String: Any] else { return nil }
        for key in ["osmosis_replication_timestamp", "timestamp"] {
            if let value = options[key] as? String, !value.isEmpty { return value }
        }
        return nil
    }

    /// Gives every feature its OSM id (`w123`) as feature id, drops the attribute properties, and
    /// keeps only the features the tag filter asks for: `tags-filter` also keeps what those need
    /// (a street's crossing nodes, a multipolygon's fence ways), which osmium exports when tagged.
    /// Returns the objects that gave a feature.
    static func identify(_ collection: inout FeatureCollection, filter: OSMTagFilter) -> Set<OSMObjectID> {
        var objects = Set<OSMObjectID>()
        var kept: [Feature] = []
        kept.reserveCapacity(collection.features.count)
        for var feature in collection.features {
            let type = feature.properties.removeValue(forKey: "@osm_type")?.stringValue
            let id = feature.properties.removeValue(forKey: "@osm_id")?.doubleValue
            guard let type, let id, let object = OSMObjectID(typeName: type, id: Int64(id)) else { continue }
            let tags = feature.properties.compactMapValues(\.stringValue)
            guard filter.matches(type: object.type, tags: tags) else { continue }
            feature.id = object.featureID
            objects.insert(object)
            kept.append(feature)
        }
        collection.features = kept
        return objects
    }

    private func check(_ run: Osmium.Run, _ command: String) throws(OSMReadError) {
        guard run.status == 0 else {
            let message = run.standardError.split(separator: "\n").filter { !$0.hasPrefix("Geometry error") }.joined(separator: "; ")
            throw OSMReadError.failed(command: command, status: run.status, message: message)
        }
    }
}

/// What reading an extract gives: features ready for the loader, the objects that gave none, and
/// the note for the report.
public struct OSMExtractResult: Sendable {
    public var collection: FeatureCollection
    public var problems: [LoadProblem]
    public var notes: [String]
    /// The header's replication timestamp (ISO 8601), when it has one.
    public var timestamp: String?
    public var osmiumVersion: String
}

/// Which input files are OSM extracts rather than GeoJSON.
public enum OSMFileType {
    /// The endings osmium reads without being told the format.
    public static let suffixes = [".osm.pbf", ".pbf", ".osm", ".osm.gz", ".osm.bz2"]

    public static func isExtract(_ path: String) -> Bool {
        let lower = path.lowercased()
        return suffixes.contains { lower.hasSuffix($0) }
    }
}
