internal import CGEOS
import Synchronization

/// `GEOS_init_r` sets a process-wide "initialised" flag without a lock, so two tasks creating
/// contexts at the same moment race (DESIGN.md section 2). Creation and destruction are serialised.
private let contextLifecycleLock = Mutex<Void>(())

/// One GEOS reentrant context: every geometry operation runs through one.
///
/// Not `Sendable` on purpose. GEOS contexts must never be shared between threads, and Swift 6's
/// strict concurrency enforces that for us: parallel work uses a task group whose children each
/// create their own context and hand back Sendable values (coordinates, numbers, WKB).
public final class GeometryContext {
    let handle: OpaquePointer
    /// Owned separately so its address can be registered with GEOS before `self` is fully initialised.
    private let messages: MessageSink

    public init() {
        let sink = MessageSink()
        let handle = contextLifecycleLock.withLock { _ in GEOS_init_r()! }
        let userData = Unmanaged.passUnretained(sink).toOpaque()
        GEOSContext_setErrorMessageHandler_r(handle, { message, userData in
            guard let message, let userData else { return }
            Unmanaged<MessageSink>.fromOpaque(userData).takeUnretainedValue().lastError = String(cString: message)
        }, userData)
        GEOSContext_setNoticeMessageHandler_r(handle, { message, userData in
            guard let message, let userData else { return }
            Unmanaged<MessageSink>.fromOpaque(userData).takeUnretainedValue().lastNotice = String(cString: message)
        }, userData)
        self.handle = handle
        self.messages = sink
    }

    deinit {
        let handle = self.handle
        contextLifecycleLock.withLock { _ in GEOS_finish_r(handle) }
    }

    /// The GEOS version string of the linked library, e.g. "3.11.1-CAPI-1.17.1".
    public static var libraryVersion: String { String(cString: GEOSversion()) }

    /// The last error GEOS reported on this context, cleared when read by `takeError`.
    func takeError() -> String? {
        defer { messages.lastError = nil }
        return messages.lastError
    }

    /// Wraps a pointer returned by GEOS, turning NULL into an error carrying GEOS's message.
    func owning(_ pointer: OpaquePointer?, _ operation: StaticString) throws(GeometryError) -> Geometry {
        guard let pointer else {
            throw GeometryError(operation: "\(operation)", message: takeError() ?? "GEOS returned no result")
        }
        return Geometry(owning: pointer, context: self)
    }
}

/// Receives GEOS's messages for one context.
final class MessageSink {
    var lastError: String?
    var lastNotice: String?
}
