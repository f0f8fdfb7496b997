import Foundation
import Testing
import Projection

/// Web Mercator inflates areas by 1 / cos^2(latitude); UTM stays within 0.1 %.
@Suite struct DistortionTests {
    @Test func webMercatorIsFlaggedAndUTMIsNot() throws {
        let context = try ProjectionContext()
        let mercator = try #require(try MetricCRS.arealScale(of: "EPSG:3857", longitude: 2.17, latitude: 41.39, context: context))
        let cosine = cos(41.39 * Double.pi / 180)
        #expect(abs(mercator - 1 / (cosine * cosine)) < 0.01)
        let utm = try #require(try MetricCRS.arealScale(of: "EPSG:25831", longitude: 2.17, latitude: 41.39, context: context))
        #expect(abs(utm - 1) < MetricCRS.maximumArealDistortion)
        #expect(try MetricCRS.arealScale(of: "EPSG:4326", longitude: 2.17, latitude: 41.39, context: context) == nil)
    }

    @Test func areaOfUseComesFromTheEPSGDatabase() throws {
        let context = try ProjectionContext()
        let utm31 = try #require(try MetricCRS.areaOfUse(of: "EPSG:25831", context: context))
        #expect(utm31.contains(longitude: 2.17, latitude: 41.39))
        #expect(!utm31.contains(longitude: 37.45, latitude: 3.21))  // northing and easting swapped
        #expect(try MetricCRS.areaOfUse(of: "+proj=utm +zone=31 +ellps=GRS80 +type=crs", context: context) == nil)
    }
}
