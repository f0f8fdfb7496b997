import ArgumentParser
import DistrictModel
import Indicators
import Foundation

/// The files and reading options every analysing command shares.
struct DistrictInput: ParsableArguments {
    @Argument(help: "GeoJSON district files; their features are merged.", completion: .file(extensions: ["geojson", "json"]))
    var files: [String]

    @Option(help: "CRS of the input coordinates (e.g. EPSG:25831), overriding the files' own. Default: WGS84 lon/lat.")
    var crs: String?

    @Option(name: .customLong("metric-crs"), help: "CRS for metric work. Default: a projected input CRS, else the UTM zone of the data (ETRS89 in Europe).")
    var metricCRS: String?

    @Option(help: "What to do with invalid polygons: repair (GEOS make-valid) or skip. Both are counted in the report.")
    var invalid: InvalidGeometryPolicy = .repair

    func validate() throws {
        if files.isEmpty { throw ValidationError("Give at least one GeoJSON file.") }
        for file in files where !FileManager.default.fileExists(atPath: file) {
            throw ValidationError("\(file): no such file.")
        }
    }

    var options: LoadOptions {
        LoadOptions(inputCRS: crs, metricCRS: metricCRS, invalidGeometry: invalid)
    }

    func loadDistrict() throws -> District {
        do {
            return try DistrictLoader(options: options).load(files.map { URL(fileURLWithPath: $0) })
        } catch {
            throw CommandFailure(error.description)
        }
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
