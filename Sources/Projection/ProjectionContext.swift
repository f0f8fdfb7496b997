internal import CPROJ

/// One PROJ threading context: every CRS lookup and transformation runs through one.
///
/// Not `Sendable` on purpose. A PROJ context, and every object created in it, may be used by one
/// thread at a time; Swift 6's strict concurrency enforces that for us. Parallel work uses a task
/// group whose children each create their own context and hand back Sendable values (numbers,
/// coordinate buffers, reports).
///
/// Network access is switched off: the toolkit must give the same answer offline, and must never
/// stall on a download of a transformation grid. Operations that need a missing grid are skipped,
/// which `CoordinateTransformer.accuracyNote` reports.
public final class ProjectionContext {
    let handle: OpaquePointer
    /// Owned separately so its address can be handed to PROJ before `self` is fully initialised.
    private let messages: MessageSink

    public init() throws(ProjectionError) {
        guard let handle = proj_context_create() else {
            throw ProjectionError(reason: .contextUnavailable, attempt: "create a PROJ context", crs: [])
        }
        let sink = MessageSink()
        proj_log_func(handle, Unmanaged.passUnretained(sink).toOpaque(), MessageSink.callback)
        proj_context_set_enable_network(handle, 0)
        self.handle = handle
        self.messages = sink
    }

    deinit {
        // Every PROJ object holds a strong reference to its context, so none is left to outlive it.
        proj_context_destroy(handle)
    }

    /// The PROJ version this module was built against, e.g. "9.1.1", for reports that must say
    /// how their numbers were made. Read from the header: `proj_info()` fills a shared static
    /// structure and is not safe to call from several tasks at once.
    public static var libraryVersion: String { "\(PROJ_VERSION_MAJOR).\(PROJ_VERSION_MINOR).\(PROJ_VERSION_PATCH)" }

    /// Forgets earlier log messages, so the next failure quotes only what PROJ said about it.
    func clearMessages() {
        _ = messages.take()
    }

    /// PROJ's explanation of the failure just seen: what it logged, else the text of its error
    /// number (skipping the uninformative "Unknown error (code n)").
    func failureMessage(errorNumber: Int32? = nil) -> String? {
        if let logged = messages.take() { return logged }
        let number = errorNumber ?? proj_context_errno(handle)
        guard number != 0, let text = proj_context_errno_string(handle, number) else { return nil }
        let message = String(cString: text)
        return message.hasPrefix("Unknown error") ? nil : message
    }
}
