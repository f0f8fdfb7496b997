import Foundation
import GeoJSON

/// Decodes `text` as the file "test.geojson".
func decode(_ text: String, checksGeographicRange: Bool = true) throws(GeoJSONError) -> FeatureCollection {
    try GeoJSONReader(checksGeographicRange: checksGeographicRange).decode(Data(text.utf8), source: "test.geojson")
}

/// The error decoding `text` throws, or nil when it decodes.
func decodingError(_ text: String, checksGeographicRange: Bool = true) -> GeoJSONError? {
    do {
        _ = try decode(text, checksGeographicRange: checksGeographicRange)
        return nil
    } catch {
        return error
    }
}

/// A FeatureCollection's text around the given features' texts.
func collectionText(_ features: String..., extraMembers: String = "") -> String {
    collectionText(features, extraMembers: extraMembers)
}

func collectionText(_ features: [String], extraMembers: String = "") -> String {
    #"{"type":"FeatureCollection",\#(extraMembers)"features":["# + features.joined(separator: ",") + "]}"
}

/// A Feature's text with the given geometry text (`null` allowed).
func featureText(_ geometry: String, id: String? = nil, properties: String = "{}") -> String {
    let idMember = id.map { #""id":\#($0),"# } ?? ""
    return #"{"type":"Feature",\#(idMember)"properties":\#(properties),"geometry":\#(geometry)}"#
}

/// A geometry object's text.
func geometryText(_ type: String, _ coordinates: String) -> String {
    #"{"type":"\#(type)","coordinates":\#(coordinates)}"#
}

/// Decodes a collection holding one feature with this geometry and returns the geometry.
func decodeGeometry(_ type: String, _ coordinates: String) throws(GeoJSONError) -> GeoJSONGeometry? {
    try decode(collectionText(featureText(geometryText(type, coordinates)))).features.first?.geometry
}

/// The error for a collection whose feature 0 (or `index`) has this geometry.
func geometryError(_ type: String, _ coordinates: String, id: String? = nil) -> GeoJSONError? {
    decodingError(collectionText(featureText(geometryText(type, coordinates), id: id)))
}

/// A fresh empty directory for file tests.
func makeTemporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("GeoJSONTests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The UTF-8 offset of the first occurrence of `needle` in `text`.
func byteOffset(of needle: String, in text: String) throws -> Int {
    let haystack = Array(text.utf8)
    let pattern = Array(needle.utf8)
    for start in 0...(haystack.count - pattern.count) where Array(haystack[start..<(start + pattern.count)]) == pattern {
        return start
    }
    throw CocoaError(.formatting)
}
