/// A GeoJSON Feature: a geometry with properties (RFC 7946 section 3.2).
public struct Feature: Sendable, Equatable {
    /// The feature's `"id"` member. RFC 7946 allows a string or a number; numbers become text here
    /// (integral ones without a fraction, `4744966`) so callers compare one type. Nil when the member is
    /// absent: ids kept in properties (`osm_id`) are the caller's to read, since their meaning varies.
    public var id: String?
    public var properties: [String: PropertyValue]
    /// Nil for `"geometry": null`, which RFC 7946 allows for unlocated features.
    public var geometry: GeoJSONGeometry?
    /// Property keys the file gives more than once (the last value is kept): a sign of a broken
    /// export that the reader cannot fix but the user should hear about.
    public var duplicatePropertyKeys: [String] = []

    public init(id: String? = nil, properties: [String: PropertyValue] = [:], geometry: GeoJSONGeometry?) {
        self.id = id
        self.properties = properties
        self.geometry = geometry
    }
}
