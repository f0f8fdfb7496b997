import DistrictModel
import Foundation
import GeoJSON
import Indicators

/// The cells `superblock detect` writes: one Polygon per cell in the district's metric CRS (named
/// in the legacy `crs` member that QGIS and GDAL read), with the properties documented in the
/// README. The names `layer`, `id`, `area_m2`, `perimeter_m`, `residents`,
/// `interior_street_length_m`, `interior_streets`, `through_route` and `through_route_path` are a
/// contract; the file loads again as the `superblock` layer of `plan`, `compare` and `analyze`.
public struct CellsGeoJSON: Sendable {
    public var cells: [SuperblockCell]
    public var crs: String

    public init(cells: [SuperblockCell], crs: String) {
        self.cells = cells
        self.crs = crs
    }

    static func number(_ value: Double, _ digits: Int) -> PropertyValue {
        let scale = pow(10, Double(digits))
        return .number((value * scale).rounded() / scale)
    }

    public var collection: FeatureCollection {
        let features = cells.map { cell -> Feature in
            var properties: [String: PropertyValue] = [
                "layer": "superblock", "id": .string(cell.id),
                "area_m2": Self.number(cell.area, 2), "area_ha": Self.number(cell.area / 10_000, 4),
                "perimeter_m": Self.number(cell.perimeter, 2), "residents": Self.number(cell.residents, 1),
                "interior_street_length_m": Self.number(cell.interiorStreetLength, 2),
                "interior_streets": .string(cell.interiorStreetIDs.joined(separator: ";")),
                "interior_street_count": .number(Double(cell.interiorStreets.count)),
                "through_route": .string(cell.throughRoute == nil ? "no" : "yes"),
                "faces": .number(Double(cell.faces)), "size": .string(cell.size.rawValue),
            ]
            if let name = cell.name { properties["name"] = .string(name) }
            if let route = cell.throughRoute {
                properties["through_route_path"] = .string(route.streetIDs.joined(separator: ";"))
                properties["through_route_length_m"] = Self.number(route.length, 2)
                properties["through_route_around_m"] = Self.number(route.aroundLength, 2)
            }
            return Feature(properties: properties, geometry: cell.geometry)
        }
        return FeatureCollection(features: features, crs: crs)
    }

    /// Writes atomically, coordinates to the centimetre.
    public func write(to url: URL) throws(OutputError) {
        do {
            try GeoJSONWriter(coordinatePrecision: 2).write(collection, to: url)
        } catch {
            throw OutputError(path: url.path, message: error.description)
        }
    }

    /// The terminal table.
    public var table: String {
        var table = TextTable(header: ["cell", "ha", "perimeter m", "residents", "interior streets", "interior m", "through route", "size"],
                              rightAligned: [1, 2, 3, 4, 5])
        for cell in cells {
            let route = cell.throughRoute.map { "yes (\(NumberFormat.fixed($0.length, 0)) m vs \(NumberFormat.fixed($0.aroundLength, 0)) m round)" } ?? "no"
            table.rows.append([cell.id, NumberFormat.fixed(cell.area / 10_000, 2), NumberFormat.fixed(cell.perimeter, 0),
                               NumberFormat.grouped(cell.residents), "\(cell.interiorStreets.count)",
                               NumberFormat.fixed(cell.interiorStreetLength, 0), route, cell.size.rawValue])
        }
        return table.rendered
    }
}
