import Foundation
import GeoJSON
import Testing

/// Files that are plainly not GeoJSON are named by their first bytes, with what reads them.
@Suite struct ForeignFormatTests {
    func recognised(_ bytes: [UInt8], _ name: String = "in.dat") -> ForeignFormat? {
        ForeignFormat.recognise(Data(bytes), name: name)
    }

    @Test func eachFormatByItsMagic() {
        #expect(recognised([0x00, 0x00, 0x27, 0x0A] + [UInt8](repeating: 0, count: 96), "data/ROADS2.shp")?.name == "an ESRI Shapefile")
        #expect(recognised([0x00, 0x00, 0x27, 0x0A], "data/ROADS2.shp")?.advice.contains("ogr2ogr -f GeoJSON ROADS2.geojson data/ROADS2.shp") == true)
        let gpkg = recognised(Array("SQLite format 3".utf8) + [0, 16, 0], "out/compare.gpkg")
        #expect(gpkg?.name.hasPrefix("an SQLite database") == true && gpkg?.advice.contains("ogrinfo out/compare.gpkg") == true)
        #expect(recognised([0x50, 0x4B, 0x03, 0x04, 20, 0])?.name.hasPrefix("a ZIP archive") == true)
        #expect(recognised([0x1F, 0x8B, 8, 0], "v.geojson.gz")?.advice.contains("zcat v.geojson.gz") == true)
        #expect(recognised([0, 0, 0, 13, 10, 9] + Array("OSMHeader".utf8) + [0, 0])?.name == "an OSM PBF extract")
        #expect(recognised(Array("\u{FEFF}<?xml version='1.0'?><osm version='0.6'>".utf8))?.name == "OSM XML")
        #expect(recognised(Array("<?xml version='1.0'?><kml>".utf8))?.name.hasPrefix("XML") == true)
    }

    /// GeoJSON, with or without a byte-order mark or leading blanks, is nobody's foreign format.
    @Test func geoJSONIsNotForeign() {
        #expect(recognised(Array("{\"type\": \"FeatureCollection\", \"features\": []}".utf8)) == nil)
        #expect(recognised(Array("\u{FEFF}\n  {\"type\": \"Feature\"}".utf8)) == nil)
        #expect(recognised([]) == nil)
    }
}
