/// The object member names the parser acts on. Every other name is a foreign member (RFC 7946
/// section 6.1) and is skipped.
///
/// Classified straight from the UTF-8 bytes, because building a `String` for every key of every
/// feature and geometry would cost an allocation check and a hash per member.
enum MemberName {
    case type, id, properties, geometry, features, coordinates, geometries, crs, other

    init(utf8 name: UnsafeBufferPointer<UInt8>) {
        switch name.count {
        case 2: self = name.equals("id") ? .id : .other
        case 3: self = name.equals("crs") ? .crs : .other
        case 4: self = name.equals("type") ? .type : .other
        case 8: self = name.equals("geometry") ? .geometry : name.equals("features") ? .features : .other
        case 10: self = name.equals("properties") ? .properties : name.equals("geometries") ? .geometries : .other
        case 11: self = name.equals("coordinates") ? .coordinates : .other
        default: self = .other
        }
    }
}
