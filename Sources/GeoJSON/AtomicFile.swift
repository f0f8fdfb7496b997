import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces a file's contents all at once, or not at all.
///
/// The data goes to a hidden temporary file in the destination's directory (the same file system,
/// so the final `rename(2)` is atomic), is flushed with `fsync`, and is then renamed over the
/// destination. Readers see the old file or the new one, never a mixture; on failure the temporary
/// file is removed and the destination is untouched.
enum AtomicFile {
    static func write(_ data: Data, to url: URL) throws(GeoJSONError) {
        let source = url.sourceName
        let destination = url.path
        let directory = url.deletingLastPathComponent().path
        let temporary = directory + "/.\(url.lastPathComponent).\(UUID().uuidString).tmp"

        func failure(_ action: String, _ code: Int32) -> GeoJSONError {
            GeoJSONError(source: source, kind: .io("cannot \(action): \(String(cString: strerror(code)))"))
        }

        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else { throw failure("create a temporary file in \(directory)", errno) }
        let writeError = data.withUnsafeBytes { raw -> Int32? in
            var offset = 0
            while offset < raw.count {
                let written = Foundation.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return fsync(descriptor) == 0 ? nil : errno
        }
        let closeError = close(descriptor) == 0 ? nil : errno
        if let code = writeError ?? closeError {
            unlink(temporary)
            throw failure("write \(temporary)", code)
        }
        guard rename(temporary, destination) == 0 else {
            let code = errno
            unlink(temporary)
            throw failure("replace \(destination)", code)
        }
    }
}
