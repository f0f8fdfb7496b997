import Testing
import Projection

/// Reference coordinates from PROJ's own command-line tool, which reads EPSG:4326 as latitude,
/// longitude: `echo "41.387 2.17" | cs2cs EPSG:4326 EPSG:25831 -f %.4f`. The transformer must
/// give the same numbers with longitude first.
@Suite struct KnownPointTests {
    static let millimetre = 0.001

    @Test func placaDeCatalunyaInETRS89UTM31() throws {
        let context = try ProjectionContext()
        let transformer = try CoordinateTransformer(from: "EPSG:4326", to: "EPSG:25831", context: context)
        let point = try transformer.transform(x: 2.17, y: 41.387)
        #expect(abs(point.x - 430605.3064) < Self.millimetre)
        #expect(abs(point.y - 4582051.5055) < Self.millimetre)
        #expect(transformer.accuracyNote == nil)
    }

    @Test func lorientInLambert93() throws {
        // echo "47.74 -3.37" | cs2cs EPSG:4326 EPSG:2154 -f %.4f  (PROJ 9.1.1, Debian 12)
        let context = try ProjectionContext()
        let transformer = try CoordinateTransformer(from: "EPSG:4326", to: "EPSG:2154", context: context)
        let point = try transformer.transform(x: -3.37, y: 47.74)
        #expect(abs(point.x - 223115.1101) < Self.millimetre)
        #expect(abs(point.y - 6756980.0894) < Self.millimetre)
    }

    @Test func lorientInETRS89UTM30() throws {
        // echo "47.74 -3.37" | cs2cs EPSG:4326 EPSG:25830 -f %.4f
        let context = try ProjectionContext()
        let transformer = try CoordinateTransformer(from: "EPSG:4326", to: MetricCRS.utm(longitude: -3.37, latitude: 47.74),
                                                    context: context)
        let point = try transformer.transform(x: -3.37, y: 47.74)
        #expect(abs(point.x - 472261.2871) < Self.millimetre)
        #expect(abs(point.y - 5287469.2488) < Self.millimetre)
    }

    @Test func sydneyInTheSouthernHemisphere() throws {
        // echo "-33.9 151.2" | cs2cs EPSG:4326 EPSG:32756 -f %.4f
        let context = try ProjectionContext()
        let transformer = try CoordinateTransformer(from: "EPSG:4326", to: "EPSG:32756", context: context)
        let point = try transformer.transform(x: 151.2, y: -33.9)
        #expect(abs(point.x - 333568.9410) < Self.millimetre)
        #expect(abs(point.y - 6247473.3368) < Self.millimetre)
        #expect(transformer.accuracyNote == nil)
    }

    /// OGC:CRS84 is WGS 84 with longitude first by definition; normalisation must leave it alone.
    @Test func crs84AgreesWithEPSG4326() throws {
        let context = try ProjectionContext()
        let fromEPSG = try CoordinateTransformer(from: "EPSG:4326", to: "EPSG:25831", context: context)
        let fromOGC = try CoordinateTransformer(from: "OGC:CRS84", to: "EPSG:25831", context: context)
        let a = try fromEPSG.transform(x: 2.17, y: 41.387)
        let b = try fromOGC.transform(x: 2.17, y: 41.387)
        #expect(a == b)
    }

    /// WKT and PROJJSON are accepted as well as codes, and give the same operation.
    @Test func wktAndPROJJSONDefinitions() throws {
        let context = try ProjectionContext()
        let wkt = """
            PROJCRS["ETRS89 / UTM zone 31N",BASEGEOGCRS["ETRS89",DATUM["European Terrestrial Reference System 1989",\
            ELLIPSOID["GRS 1980",6378137,298.257222101,LENGTHUNIT["metre",1]]],ID["EPSG",4258]],\
            CONVERSION["UTM zone 31N",METHOD["Transverse Mercator",ID["EPSG",9807]],\
            PARAMETER["Latitude of natural origin",0,ANGLEUNIT["degree",0.0174532925199433]],\
            PARAMETER["Longitude of natural origin",3,ANGLEUNIT["degree",0.0174532925199433]],\
            PARAMETER["Scale factor at natural origin",0.9996,SCALEUNIT["unity",1]],\
            PARAMETER["False easting",500000,LENGTHUNIT["metre",1]],\
            PARAMETER["False northing",0,LENGTHUNIT["metre",1]]],\
            CS[Cartesian,2],AXIS["easting",east,ORDER[1],LENGTHUNIT["metre",1]],\
            AXIS["northing",north,ORDER[2],LENGTHUNIT["metre",1]],ID["EPSG",25831]]
            """
        let projjson = """
            {"type":"GeographicCRS","name":"WGS 84","datum":{"type":"GeodeticReferenceFrame","name":"World Geodetic System 1984",
            "ellipsoid":{"name":"WGS 84","semi_major_axis":6378137,"inverse_flattening":298.257223563}},
            "coordinate_system":{"subtype":"ellipsoidal","axis":[
            {"name":"Geodetic latitude","abbreviation":"Lat","direction":"north","unit":"degree"},
            {"name":"Geodetic longitude","abbreviation":"Lon","direction":"east","unit":"degree"}]},
            "id":{"authority":"EPSG","code":4326}}
            """
        let transformer = try CoordinateTransformer(from: projjson, to: wkt, context: context)
        let point = try transformer.transform(x: 2.17, y: 41.387)
        #expect(abs(point.x - 430605.3064) < Self.millimetre)
        #expect(abs(point.y - 4582051.5055) < Self.millimetre)
    }
}
