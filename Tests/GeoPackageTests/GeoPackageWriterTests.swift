import Foundation
import GeoPackage
import Testing
import TestSupport

/// Little-endian ISO WKB built by hand, so the writer is checked against bytes it did not make.
enum WKB {
    static func header(_ type: UInt32) -> [UInt8] { [1] + withUnsafeBytes(of: type.littleEndian, Array.init) }
    static func count(_ n: Int) -> [UInt8] { withUnsafeBytes(of: UInt32(n).littleEndian, Array.init) }
    static func xy(_ values: [Double]) -> [UInt8] { values.flatMap { withUnsafeBytes(of: $0.bitPattern.littleEndian, Array.init) } }
    static func point(_ x: Double, _ y: Double) -> [UInt8] { header(1) + xy([x, y]) }
    static func line(_ xy: [Double]) -> [UInt8] { header(2) + count(xy.count / 2) + self.xy(xy) }
    static func multiLine(_ lines: [[Double]]) -> [UInt8] { header(5) + count(lines.count) + lines.flatMap(line) }
    static func polygon(_ ring: [Double]) -> [UInt8] { header(3) + count(1) + count(ring.count / 2) + xy(ring) }
}

@Suite("GeoPackage writer")
struct GeoPackageWriterTests {
    static let crs = SpatialReference(srsID: 25831, name: "ETRS89 / UTM zone 31N", organization: "EPSG", organizationCode: 25831,
                                      definition: "PROJCS[\"ETRS89 / UTM zone 31N\"]")
    static let wgs84 = SpatialReference(srsID: 4326, name: "WGS 84", organization: "EPSG", organizationCode: 4326, definition: "GEOGCS[\"WGS 84\"]")

    /// Two layers: lines mixing single and multi (promoted to MULTILINESTRING), and points with a
    /// NULL value; a style on the first.
    static func write(to path: String) throws {
        let lines = FeatureLayer(
            name: "roads", title: "Roads", columns: [.init("id", .text), .init("width_m", .real)],
            features: [.init(wkb: WKB.line([0, 0, 10, 0]), values: [.text("a"), .real(12.5)]),
                       .init(wkb: WKB.multiLine([[20, 5, 30, 5], [30, 5, 30, 40]]), values: [.text("b"), .null])],
            styles: [LayerStyle(name: "by width", qml: "<qgis/>", isDefault: true)])
        let points = FeatureLayer(name: "sites", columns: [.init("level", .real)],
                                  features: [.init(wkb: WKB.point(5, 6), values: [.real(61.2)])])
        let empty = FeatureLayer(name: "nothing", columns: [.init("id", .text)], emptyType: .polygon)
        try GeoPackageWriter(crs: crs, wgs84: wgs84).write([lines, points, empty], to: path)
    }

    @Test("required tables, pragmas and rows; blobs decode to what was written; the R-tree holds each envelope")
    func writesAGeoPackage() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gpkg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("test.gpkg").path
        try Self.write(to: path)

        let db = try SQLiteConnection(path: path)
        #expect(try db.query("PRAGMA application_id") == [[.integer(0x4750_4B47)]])
        #expect(try db.query("PRAGMA user_version") == [[.integer(10300)]])
        #expect(try db.query("SELECT srs_id, organization, organization_coordsys_id FROM gpkg_spatial_ref_sys ORDER BY srs_id")
            == [[.integer(-1), .text("NONE"), .integer(-1)], [.integer(0), .text("NONE"), .integer(0)],
                [.integer(4326), .text("EPSG"), .integer(4326)], [.integer(25831), .text("EPSG"), .integer(25831)]])
        #expect(try db.query("SELECT table_name, data_type, identifier, min_x, min_y, max_x, max_y, srs_id FROM gpkg_contents ORDER BY table_name")
            == [[.text("nothing"), .text("features"), .text("nothing"), .null, .null, .null, .null, .integer(25831)],
                [.text("roads"), .text("features"), .text("Roads"), .real(0), .real(0), .real(30), .real(40), .integer(25831)],
                [.text("sites"), .text("features"), .text("sites"), .real(5), .real(6), .real(5), .real(6), .integer(25831)]])
        #expect(try db.query("SELECT table_name, column_name, geometry_type_name, srs_id, z, m FROM gpkg_geometry_columns ORDER BY table_name")
            == [[.text("nothing"), .text("geom"), .text("POLYGON"), .integer(25831), .integer(0), .integer(0)],
                [.text("roads"), .text("geom"), .text("MULTILINESTRING"), .integer(25831), .integer(0), .integer(0)],
                [.text("sites"), .text("geom"), .text("POINT"), .integer(25831), .integer(0), .integer(0)]])
        #expect(try db.query("SELECT table_name, column_name, extension_name, scope FROM gpkg_extensions ORDER BY table_name")
            == ["nothing", "roads", "sites"].map { [.text($0), .text("geom"), .text("gpkg_rtree_index"), .text("write-only")] })

        let roads = try db.query("SELECT fid, geom, id, width_m FROM roads ORDER BY fid")
        #expect(roads.map { Array($0[2...]) } == [[.text("a"), .real(12.5)], [.text("b"), .null]])
        let first = try GeoPackageBinary.decode(try #require(roads[0][1].blob))
        #expect(first.srsID == 25831 && !first.isEmpty)
        #expect(first.envelope == BoundingBox(minX: 0, maxX: 10, minY: 0, maxY: 0))
        // The single line was promoted: a one-part MultiLineString around the original bytes.
        #expect(first.wkb == WKB.header(5) + WKB.count(1) + WKB.line([0, 0, 10, 0]))
        let second = try GeoPackageBinary.decode(try #require(roads[1][1].blob))
        #expect(second.wkb == WKB.multiLine([[20, 5, 30, 5], [30, 5, 30, 40]]))
        #expect(second.envelope == BoundingBox(minX: 20, maxX: 30, minY: 5, maxY: 40))
        #expect(try db.query("SELECT id, minx, maxx, miny, maxy FROM rtree_roads_geom ORDER BY id")
            == [[.integer(1), .real(0), .real(10), .real(0), .real(0)], [.integer(2), .real(20), .real(30), .real(5), .real(40)]])
        #expect(try db.query("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'roads'") == [[.integer(6)]])
        #expect(try db.query("SELECT f_table_name, f_geometry_column, styleName, styleQML, useAsDefault FROM layer_styles")
            == [[.text("roads"), .text("geom"), .text("by width"), .text("<qgis/>"), .integer(1)]])
        #expect(try db.query("PRAGMA integrity_check") == [[.text("ok")]])
    }

    @Test("bad layers fail naming the layer and feature, and leave nothing half-written in the transaction")
    func refusesBadLayers() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gpkg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let writer = GeoPackageWriter(crs: Self.crs, wgs84: Self.wgs84)
        let truncated = FeatureLayer(name: "roads", columns: [], features: [.init(wkb: WKB.point(1, 2), values: []),
                                                                            .init(wkb: Array(WKB.line([0, 0, 1, 1]).dropLast(3)), values: [])])
        #expect { try writer.write([truncated], to: folder.appendingPathComponent("a.gpkg").path) } throws: { error in
            "\(error)".contains("feature 1 of layer \"roads\"") && "\(error)".contains("truncated")
        }
        let wrongCount = FeatureLayer(name: "sites", columns: [.init("a", .real)], features: [.init(wkb: nil, values: [])])
        #expect { try writer.write([wrongCount], to: folder.appendingPathComponent("b.gpkg").path) } throws: { error in
            "\(error)".contains("feature 0 of layer \"sites\"")
        }
        let badName = FeatureLayer(name: "Roads; DROP", columns: [])
        #expect(throws: GeoPackageError.self) { try writer.write([badName], to: folder.appendingPathComponent("c.gpkg").path) }
        // Checks run before the file is created.
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("a.gpkg").path))
    }

    @Test("the narrowest column type fits every feature")
    func fittingTypes() {
        #expect(GeometryTypeName.fitting([.polygon, .polygon]) == .polygon)
        #expect(GeometryTypeName.fitting([.polygon, .multiPolygon]) == .multiPolygon)
        #expect(GeometryTypeName.fitting([.lineString, .polygon]) == .geometry)
        #expect(GeometryTypeName.fitting([], fallback: .point) == .point)
    }

    @Test("ogrinfo reads the file: every layer, its geometry type and count (make setup installs gdal-bin)")
    func ogrinfoReadsIt() throws {
        let ogrinfo = try #require(OGRInfo.path, "ogrinfo is missing: `make setup` installs gdal-bin")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gpkg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("test.gpkg").path
        try Self.write(to: path)
        let (status, output) = try OGRInfo.summary(of: path, executable: ogrinfo)
        #expect(status == 0)
        #expect(!output.contains("ERROR") && !output.contains("Warning"), "\(output)")
        #expect(output.contains("Layer name: roads") && output.contains("Geometry: Multi Line String") && output.contains("Feature Count: 2"))
        #expect(output.contains("Layer name: sites") && output.contains("Geometry: Point") && output.contains("Feature Count: 1"))
        #expect(output.contains("Layer name: nothing") && output.contains("Feature Count: 0"))
    }
}
