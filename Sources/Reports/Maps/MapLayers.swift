import DistrictModel
import GeoPackage
import GeometryEngine
import Projection

/// Turns our tables and features into GeoPackage layers: a table's columns typed (REAL for numbers,
/// TEXT else), each row with its feature's geometry as WKB through GEOS.
///
/// Holds a GEOS context, so it lives in the task that builds the layers.
struct MapLayers {
    let context = GeometryContext()

    /// The feature's geometry as ISO WKB; a GEOS failure names the feature.
    func wkb(_ feature: DistrictFeature) throws(GeometryError) -> [UInt8] {
        try GeometryError.naming(feature.origin) { () throws(GeometryError) in try context.geometry(from: feature.geometry).wkb() }
    }

    func area(_ feature: DistrictFeature) throws(GeometryError) -> Double {
        try context.geometry(of: feature).area
    }

    /// Identifiers and names stay text whatever they look like ("123" is an OSM id, not a number).
    static func isText(_ column: String) -> Bool {
        column == "id" || column == "name" || column.hasSuffix("_id")
    }

    /// The columns of `table`: REAL when every non-empty cell is a number, else TEXT.
    static func columns(of table: CSVTable) -> [FeatureLayer.Column] {
        table.header.enumerated().map { index, name in
            let numeric = !isText(name) && table.rows.allSatisfy { row in
                index >= row.count || row[index].isEmpty || Double(row[index]) != nil
            }
            return FeatureLayer.Column(name, numeric ? .real : .text)
        }
    }

    /// A row's values for `columns`; empty cells and numbers that are not finite are NULL.
    static func values(_ row: [String], _ columns: [FeatureLayer.Column]) -> [SQLValue] {
        columns.indices.map { index in
            guard index < row.count, !row[index].isEmpty else { return .null }
            switch columns[index].type {
            case .real, .integer: return Double(row[index]).flatMap { $0.isFinite ? .real($0) : nil } ?? .null
            case .text: return .text(row[index])
            }
        }
    }

    static func number(_ value: Double?) -> SQLValue {
        value.flatMap { $0.isFinite ? .real($0) : nil } ?? .null
    }

    static func text(_ value: String?) -> SQLValue {
        value.flatMap { $0.isEmpty ? nil : .text($0) } ?? .null
    }

    /// A layer of `features` with the columns and rows of `table` (row i belongs to feature i).
    func layer(_ name: String, title: String, table: CSVTable, features: [DistrictFeature], styles: [LayerStyle] = [],
               emptyType: GeometryTypeName = .geometry) throws(GeometryError) -> FeatureLayer {
        let columns = Self.columns(of: table)
        var rows: [FeatureLayer.Feature] = []
        for (index, feature) in features.enumerated() {
            rows.append(FeatureLayer.Feature(wkb: try wkb(feature), values: Self.values(index < table.rows.count ? table.rows[index] : [], columns)))
        }
        return FeatureLayer(name: name, title: title, columns: columns, features: rows, emptyType: emptyType, styles: styles)
    }

    /// The GeoPackage file `name` holding `layers` in `crs`, written when the output set is
    /// staged. The CRS's WKT comes from PROJ; a CRS without an authority code gets a custom srs_id.
    static func file(_ name: String, layers: [FeatureLayer], crs: String) throws(OutputError) -> OutputFile {
        let writer: GeoPackageWriter
        do {
            let identity = try CoordinateSystem.identity(of: crs)
            let wgs84 = try CoordinateSystem.identity(of: "EPSG:4326")
            let coded = identity.authority != nil && identity.code != nil
            let reference = SpatialReference(
                srsID: coded && identity.authority == "EPSG" ? identity.code! : SpatialReference.customSRSID, name: identity.name,
                organization: coded ? identity.authority! : "NONE",
                organizationCode: coded ? identity.code! : SpatialReference.customSRSID, definition: identity.wkt, description: crs)
            writer = GeoPackageWriter(crs: reference, wgs84: SpatialReference(
                srsID: 4326, name: "WGS 84 geodetic", organization: "EPSG", organizationCode: 4326, definition: wgs84.wkt,
                description: "longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid"))
        } catch {
            throw OutputError(path: name, message: "cannot describe the CRS \(crs): \(error)")
        }
        return .writer(name) { url throws(OutputError) in
            do throws(GeoPackageError) { try writer.write(layers, to: url.path) } catch {
                throw OutputError(path: url.path, message: "\(error.attempt): \(error.message)")
            }
        }
    }
}
