import Foundation

/// Files that are plainly not GeoJSON, recognised by their first bytes, so that a Shapefile or a
/// GeoPackage gets "this is a Shapefile; convert it with ..." rather than "invalid JSON at line 1,
/// column 1: found byte 0x0". City open data comes in these formats as often as in GeoJSON.
public struct ForeignFormat: Sendable, Equatable {
    /// What the file is, e.g. "an ESRI Shapefile".
    public var name: String
    /// What to do instead, with a command.
    public var advice: String

    /// GDAL's converter, as a newcomer on Debian gets it (`gdal-bin`), for the file named `input`.
    static func ogr2ogr(_ input: String, layer: String = "") -> String {
        let stem = ((input as NSString).lastPathComponent as NSString).deletingPathExtension
        return "convert it to GeoJSON first, e.g. `ogr2ogr -f GeoJSON \(stem.isEmpty ? "OUT" : stem).geojson \(input)\(layer)` "
            + "(GDAL; Debian package gdal-bin)"
    }

    /// The format of `data` when its first bytes name one we know and it is not GeoJSON; `name`
    /// is the file's name as the user gave it, for the advice's command.
    public static func recognise(_ data: Data, name: String) -> ForeignFormat? {
        let head = [UInt8](data.prefix(64))
        func starts(_ magic: [UInt8]) -> Bool { head.count >= magic.count && Array(head.prefix(magic.count)) == magic }
        // ESRI Shapefile and its index (.shx): file code 9994, big-endian (ESRI white paper, 1998).
        if starts([0x00, 0x00, 0x27, 0x0A]) { return ForeignFormat(name: "an ESRI Shapefile", advice: ogr2ogr(name)) }
        if starts(Array("SQLite format 3".utf8) + [0]) {
            return ForeignFormat(name: "an SQLite database (a GeoPackage?)", advice: ogr2ogr(name, layer: " LAYER") + "; `ogrinfo \(name)` lists the layers")
        }
        if starts([0x50, 0x4B, 0x03, 0x04]) { return ForeignFormat(name: "a ZIP archive (a zipped Shapefile or KMZ?)", advice: "unzip it, then convert what it holds to GeoJSON (`ogr2ogr -f GeoJSON OUT.geojson FILE.shp`, GDAL)") }
        if starts([0x1F, 0x8B]) { return ForeignFormat(name: "a gzip-compressed file", advice: "decompress it (`gunzip -k \(name)`) or read it through a pipe: `superblock info <(zcat \(name))`") }
        // An OSM PBF blob header: a length, then the type string "OSMHeader".
        if head.count > 16, String(decoding: head[4..<min(head.count, 24)], as: UTF8.self).contains("OSMHeader") {
            return ForeignFormat(name: "an OSM PBF extract", advice: "give it the ending .osm.pbf: superblock knows OSM extracts by their ending and reads them through osmium")
        }
        let text = String(decoding: head.drop { $0 == 0xEF || $0 == 0xBB || $0 == 0xBF || $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }, as: UTF8.self)
        if text.hasPrefix("<") {
            if text.contains("<osm") { return ForeignFormat(name: "OSM XML", advice: "give it the ending .osm: superblock knows OSM extracts by their ending and reads them through osmium") }
            return ForeignFormat(name: "XML (GML or KML?)", advice: ogr2ogr(name))
        }
        return nil
    }
}
