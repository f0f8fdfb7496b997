import Foundation

/// Reads GeoJSON (RFC 7946, plus the legacy `"crs"` member) into a `FeatureCollection`.
///
/// A single pass over the UTF-8 bytes, with coordinates decoded straight into flat buffers: the
/// toolkit reads city-wide files of hundreds of megabytes, where `JSONSerialization` was five times
/// slower and used seven times the memory. A large `"features"` array is read on all cores (see
/// `decodesConcurrently`). Everything is validated on the way, and the first problem
/// stops the read with an error naming the file, feature, geometry part and text position; partial
/// results are never returned, because an analysis over silently dropped streets would look plausible
/// and be wrong.
///
/// What is accepted beyond a plain FeatureCollection, and why:
/// - A bare Feature or Geometry at the top level becomes a one-feature collection (single-shape
///   exports and API responses come that way).
/// - 3D positions: Z is dropped, since the analysis is planar. Mixing 2D and 3D positions within one
///   geometry is refused, as it usually means corrupt data.
/// - Members in any order, foreign members, `"bbox"` (ignored), a UTF-8 byte order mark.
/// - `"geometry": null`, a missing `"geometry"`, and `"properties": null`.
public struct GeoJSONReader: Sendable {
    /// Whether positions must be plausible WGS 84 degrees; see `init(checksGeographicRange:)`.
    public var checksGeographicRange: Bool

    /// Whether a `"features"` array of a few megabytes or more may be split across processor cores.
    /// On by default; the result, errors included, is the same either way. Turn it off when the caller
    /// already reads several files at once and the cores are busy: splitting costs about a fifth more
    /// CPU time in exchange for the shorter wait.
    public var decodesConcurrently = true

    /// - Parameter checksGeographicRange: When true (the default), a longitude outside [-180, 180] or
    ///   latitude outside [-90, 90] is an error - but only in files without a `"crs"` member or with one
    ///   naming EPSG:4326 or OGC:CRS84; files declaring a projected CRS hold metres, legitimately.
    public init(checksGeographicRange: Bool = true) {
        self.checksGeographicRange = checksGeographicRange
    }

    /// Reads the file at `url`. Errors name it by the path the URL was made from.
    public func read(contentsOf url: URL) throws(GeoJSONError) -> FeatureCollection {
        let source = url.sourceName
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            // Devices and pipes (`/dev/null`, `<(zcat ...)`) cannot be mapped; mapping one failed
            // with "Permission denied". Read them as a stream before giving up.
            guard let handle = try? FileHandle(forReadingFrom: url), let streamed = try? handle.readToEnd() ?? Data() else {
                throw GeoJSONError(source: source, kind: .io("cannot read file: \(Self.reason(for: error))"))
            }
            data = streamed
        }
        return try decode(data, source: source)
    }

    /// Decodes GeoJSON text; `source` names the data in errors (a file name, a URL, "stdin").
    public func decode(_ data: Data, source: String) throws(GeoJSONError) -> FeatureCollection {
        guard !data.isEmpty else {
            throw GeoJSONError(source: source, kind: .invalidJSON, detail: "the data is empty",
                               location: TextLocation(byteOffset: 0, line: 1, column: 1))
        }
        if let format = ForeignFormat.recognise(data, name: source) { throw GeoJSONError(source: source, kind: .foreignFormat(format)) }
        let outcome: Result<FeatureCollection, GeoJSONError> = data.withUnsafeBytes { raw in
            var parser = GeoJSONParser(
                bytes: raw.bindMemory(to: UInt8.self), source: source,
                rangeCheck: checksGeographicRange ? .pending : .off,
                sharedData: decodesConcurrently ? data : nil)
            do throws(GeoJSONError) {
                return .success(try parser.parseDocument())
            } catch {
                return .failure(error.resolvingLocation(in: raw.bindMemory(to: UInt8.self)))
            }
        }
        switch outcome {
        case .success(let collection): return collection
        case .failure(let error): throw error
        }
    }
}

extension GeoJSONError {
    /// This error with the line and column of its location counted in `bytes`.
    func resolvingLocation(in bytes: UnsafeBufferPointer<UInt8>) -> GeoJSONError {
        var error = self
        error.location = location.map { TextLocation(byteOffset: $0.byteOffset, in: bytes) }
        return error
    }
}

extension GeoJSONReader {
    /// The plainest account of a file error: the operating system's ("No such file or directory")
    /// when Foundation wraps one, else Foundation's own description.
    static func reason(for error: any Error) -> String {
        if let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? any Error {
            let posix = underlying as NSError
            if posix.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(posix.code))) }
        }
        return error.localizedDescription
    }
}

extension URL {
    /// How errors name a file: the path as the caller wrote it (relative stays relative).
    var sourceName: String { isFileURL ? relativePath : absoluteString }
}
