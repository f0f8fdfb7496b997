import Testing
import Projection

@Suite struct MetricCRSTests {
    @Test(arguments: [
        (2.17, 41.39, "EPSG:25831"),     // Barcelona
        (-3.37, 47.74, "EPSG:25830"),    // Lorient
        (-74.0, 40.7, "EPSG:32618"),     // New York
        (151.2, -33.9, "EPSG:32756"),    // Sydney
        (-0.13, 51.51, "EPSG:25830"),    // London, just west of Greenwich
        (0.0, 51.48, "EPSG:25831"),      // Greenwich: a zone edge belongs to the zone to the east
        (15.63, 78.22, "EPSG:25833"),    // Longyearbyen, Svalbard
        (5.32, 60.39, "EPSG:25831"),     // Bergen: plain strip, not Norway's widened 32V
        (33.36, 35.17, "EPSG:25836"),    // Nicosia
        (-15.42, 28.1, "EPSG:32628"),    // Las Palmas: Canary Islands are outside the European box
        (-16.92, 32.65, "EPSG:32628"),   // Funchal, Madeira: likewise
        (-21.9, 64.15, "EPSG:32627"),    // Reykjavik: west of ETRS89's area
        (139.7, 35.7, "EPSG:32654"),     // Tokyo
        (-58.4, -34.6, "EPSG:32721"),    // Buenos Aires
        (180.0, 0.0, "EPSG:32601"),      // the antimeridian starts zone 1
        (-180.0, -0.5, "EPSG:32701"),
        (179.99, -0.5, "EPSG:32760"),
        (190.0, 10.0, "EPSG:32602"),     // 0...360 longitudes wrap: 190 E is 170 W
        (0.0, 0.0, "EPSG:32631"),        // the equator counts as north
    ])
    func utmZoneOfACentre(longitude: Double, latitude: Double, expected: String) {
        #expect(MetricCRS.utm(longitude: longitude, latitude: latitude) == expected)
    }

    @Test func zoneNamesFollowEPSG() {
        #expect(UTMZone(longitude: 2.17, latitude: 41.39).description == "ETRS89 / UTM zone 31N")
        #expect(UTMZone(longitude: 151.2, latitude: -33.9).description == "WGS 84 / UTM zone 56S")
        #expect(UTMZone(longitude: -74, latitude: 40.7) == UTMZone(number: 18, isNorthern: true, datum: .wgs84))
    }

    /// Every code MetricCRS can return exists in PROJ's database and is projected.
    @Test func everyChosenCRSExists() throws {
        let context = try ProjectionContext()
        var codes: Set<String> = []
        for number in 1...60 {
            codes.insert(UTMZone(number: number, isNorthern: true, datum: .wgs84).crs)
            codes.insert(UTMZone(number: number, isNorthern: false, datum: .wgs84).crs)
        }
        for longitude in stride(from: -16.0, through: 40.0, by: 2.0) {
            codes.insert(MetricCRS.utm(longitude: longitude, latitude: 50))
        }
        for code in codes.sorted() {
            #expect(try !MetricCRS.isGeographic(code, context: context), "\(code)")
        }
    }

    @Test(arguments: [
        ("EPSG:4326", true),
        ("OGC:CRS84", true),
        ("EPSG:4258", true),              // ETRS89
        ("EPSG:4230", true),              // ED50
        ("EPSG:4979", true),              // WGS 84 3D
        ("EPSG:25831", false),
        ("EPSG:3857", false),
        ("EPSG:4978", false),             // WGS 84 geocentric
        ("EPSG:4326+5773", true),         // WGS 84 + EGM96 height: compound, geographic horizontally
        ("EPSG:25831+5782", false),       // ETRS89 / UTM 31N + Alicante height
        ("+proj=longlat +ellps=intl +towgs84=-87,-98,-121 +type=crs", true),  // bound CRS
    ])
    func geographicOrNot(definition: String, expected: Bool) throws {
        let context = try ProjectionContext()
        #expect(try MetricCRS.isGeographic(definition, context: context) == expected)
    }
}

@Suite("CRS identity")
struct CoordinateSystemTests {
    @Test("EPSG:25831 has its authority code, name and a WKT 1 definition naming UTM zone 31N")
    func utm31() throws {
        let identity = try CoordinateSystem.identity(of: "EPSG:25831")
        #expect(identity.authority == "EPSG" && identity.code == 25831)
        #expect(identity.name == "ETRS89 / UTM zone 31N")
        #expect(identity.wkt.hasPrefix("PROJCS[\"ETRS89 / UTM zone 31N\"") && identity.wkt.contains("AUTHORITY[\"EPSG\",\"25831\"]"))
        #expect(try CoordinateSystem.wkt(of: "EPSG:4326").hasPrefix("GEOGCS[\"WGS 84\""))
        #expect(throws: ProjectionError.self) { try CoordinateSystem.identity(of: "EPSG:999999") }
    }
}
