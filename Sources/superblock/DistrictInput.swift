import ArgumentParser
import DistrictModel
import Indicators
import Foundation

/// The files and reading options every analysing command shares.
struct DistrictInput: ParsableArguments {
    @Argument(help: "District files (GeoJSON, or OSM extracts .osm.pbf/.osm read through osmium); their features are merged.", completion: .file(extensions: ["geojson", "json", "pbf", "osm"]))
    var files: [String]

    @Option(help: "CRS of the input coordinates (e.g. EPSG:25831), overriding the files' own. Default: WGS84 lon/lat.")
    var crs: String?

    @Option(name: .customLong("metric-crs"), help: "CRS for metric work. Default: a projected input CRS, else the UTM zone of the data (ETRS89 in Europe).")
    var metricCRS: String?

    @Option(help: "What to do with invalid polygons: repair (GEOS make-valid) or skip. Both are counted in the report.")
    var invalid: InvalidGeometryPolicy = .repair

    func validate() throws {
        if files.isEmpty { throw ValidationError("Give at least one GeoJSON file.") }
    }

    var options: LoadOptions {
        LoadOptions(inputCRS: crs, metricCRS: metricCRS, invalidGeometry: invalid)
    }

    func loadDistrict(console: Console = .plain) throws -> District {
        try InputFiles.load(files, options: options, console: console)
    }
}

/// Loading input files the same way in every command: a missing file is bad input (exit 1, not
/// the usage error 64 it once was), files are named by the path the user gave, and district-wide
/// warnings (a metric CRS replaced) go to standard error.
enum InputFiles {
    static func checkExist(_ paths: [String]) throws {
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw CommandFailure("\(path): no such file")
            }
            if isDirectory.boolValue { throw CommandFailure("\(path): is a directory, not a GeoJSON file") }
        }
    }

    static func load(_ paths: [String], options: LoadOptions, console: Console = .plain) throws -> District {
        try checkExist(paths)
        let district: District
        do {
            district = try DistrictLoader(options: options).load(paths.map { URL(fileURLWithPath: $0) })
        } catch {
            throw CommandFailure(error.description)
        }
        console.warn(district.warnings)
        return district
    }
}

extension InvalidGeometryPolicy: ExpressibleByArgument {}

/// A failure already explained to the user: printed as is, exit code 1.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

extension GreenOptions.Access: ExpressibleByArgument {}
