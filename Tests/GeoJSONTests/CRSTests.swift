import Foundation
import GeoJSON
import Testing

@Suite struct CRSTests {
    private func crsMember(_ name: String) -> String {
        #""crs": {"type": "name", "properties": {"name": "\#(name)"}}, "#
    }

    @Test(arguments: [
        ("urn:ogc:def:crs:EPSG::25831", "EPSG:25831"),
        ("urn:ogc:def:crs:EPSG:6.6:25831", "EPSG:25831"),
        ("EPSG:25831", "EPSG:25831"),
        ("epsg:4326", "EPSG:4326"),
        (" EPSG:2056 ", "EPSG:2056"),
        ("urn:ogc:def:crs:OGC:1.3:CRS84", "OGC:CRS84"),
        ("urn:ogc:def:crs:OGC::CRS84", "OGC:CRS84"),
        ("CRS84", "OGC:CRS84"),
        ("http://www.opengis.net/def/crs/EPSG/0/25831", "EPSG:25831"),
        ("https://www.opengis.net/def/crs/OGC/1.3/CRS84", "OGC:CRS84"),
        ("ETRS89 / UTM zone 31N", "ETRS89 / UTM zone 31N"),
    ])
    func namesAreNormalised(name: String, normalised: String) {
        #expect(CRSName.normalize(name) == normalised)
    }

    @Test func legacyURNsAreTheFormGDALWrites() {
        #expect(CRSName.legacyURN(for: "EPSG:25831") == "urn:ogc:def:crs:EPSG::25831")
        #expect(CRSName.legacyURN(for: "OGC:CRS84") == "urn:ogc:def:crs:OGC:1.3:CRS84")
        #expect(CRSName.legacyURN(for: "urn:ogc:def:crs:EPSG::3857") == "urn:ogc:def:crs:EPSG::3857")
        #expect(CRSName.legacyURN(for: "ETRS89 / UTM zone 31N") == "ETRS89 / UTM zone 31N")
    }

    @Test func onlyWGS84NamesAreGeographic() {
        #expect(CRSName.isGeographic("urn:ogc:def:crs:OGC:1.3:CRS84"))
        #expect(CRSName.isGeographic("EPSG:4326"))
        #expect(!CRSName.isGeographic("EPSG:25831"))
        #expect(!CRSName.isGeographic("EPSG:3857"))
    }

    @Test func legacyCRSMemberFormsAreRead() throws {
        #expect(try decode(collectionText(extraMembers: crsMember("urn:ogc:def:crs:EPSG::25831"))).crs == "EPSG:25831")
        #expect(try decode(collectionText(extraMembers: crsMember("urn:ogc:def:crs:OGC:1.3:CRS84"))).crs == "OGC:CRS84")
        let epsgForm = #""crs": {"type": "EPSG", "properties": {"code": 2056}}, "#
        #expect(try decode(collectionText(extraMembers: epsgForm)).crs == "EPSG:2056")
        let linkForm = #""crs": {"type": "link", "properties": {"href": "http://example.com/crs.prj", "type": "esriwkt"}}, "#
        #expect(try decode(collectionText(extraMembers: linkForm)).crs == "http://example.com/crs.prj")
        #expect(try decode(collectionText(extraMembers: #""crs": null, "#)).crs == nil)
        #expect(try decode(collectionText()).crs == nil)
    }

    private let projectedLine = featureText(geometryText("LineString", "[[430512.25, 4581234.5], [430600, 4581300]]"))

    @Test func projectedCoordinatesAreAcceptedWhenTheCRSSaysSo() throws {
        let before = try decode(collectionText(projectedLine, extraMembers: crsMember("urn:ogc:def:crs:EPSG::25831")))
        #expect(before.crs == "EPSG:25831")
        #expect(before.features[0].geometry == .lineString([430512.25, 4581234.5, 430600, 4581300]))

        // "crs" after "features": the reader looks ahead before calling the coordinates out of range.
        let after = #"{"type": "FeatureCollection", "features": [\#(projectedLine)], "crs": {"type": "name", "properties": {"name": "EPSG:25831"}}}"#
        let collection = try decode(after)
        #expect(collection.crs == "EPSG:25831")
        #expect(collection.features[0].geometry == .lineString([430512.25, 4581234.5, 430600, 4581300]))
    }

    @Test func geographicCRSStillChecksTheRange() throws {
        let declared = decodingError(collectionText(projectedLine, extraMembers: crsMember("EPSG:4326")))
        #expect(declared?.kind == .coordinateOutOfRange(lon: 430512.25, lat: 4581234.5))
        let after = #"{"type": "FeatureCollection", "features": [\#(projectedLine)], "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}}}"#
        #expect(decodingError(after)?.kind == .coordinateOutOfRange(lon: 430512.25, lat: 4581234.5))
    }

    @Test func theRangeCheckCanBeTurnedOff() throws {
        let collection = try decode(collectionText(projectedLine), checksGeographicRange: false)
        #expect(collection.features[0].geometry == .lineString([430512.25, 4581234.5, 430600, 4581300]))
    }

    @Test func aBareFeatureWithAProjectedCRSIsAccepted() throws {
        let text = #"{"type": "Point", "coordinates": [430512.25, 4581234.5], "crs": {"type": "name", "properties": {"name": "EPSG:25831"}}}"#
        #expect(try decode(text) == FeatureCollection(features: [Feature(geometry: .point(x: 430512.25, y: 4581234.5))], crs: "EPSG:25831"))
    }
}
