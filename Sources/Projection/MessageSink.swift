internal import CPROJ

/// Collects the error messages PROJ logs on one context, so thrown errors can quote them.
///
/// PROJ reports *why* something failed only through its log ("proj_create: crs not found"); its
/// error numbers alone say little ("Unknown error (code 4096)"). Messages below the error level
/// (debug and trace, switched on with `PROJ_DEBUG`) are dropped rather than printed.
final class MessageSink {
    /// The distinct messages since the last `take()`, oldest first. Capped, because a bulk
    /// transform logs once per failed point and may fail a million times.
    private(set) var messages: [String] = []
    private let capacity = 4

    func record(_ message: String) {
        guard !messages.contains(message) else { return }
        if messages.count == capacity { messages.removeFirst() }
        messages.append(message)
    }

    /// The collected messages joined into one, or nil when PROJ said nothing; starts afresh.
    func take() -> String? {
        defer { messages.removeAll() }
        return messages.isEmpty ? nil : messages.joined(separator: "; ")
    }

    /// The C callback PROJ calls; the sink travels as the unretained user-data pointer.
    static let callback: PJ_LOG_FUNCTION = { userData, level, message in
        guard let userData, let message, level <= Int32(PJ_LOG_ERROR.rawValue) else { return }
        Unmanaged<MessageSink>.fromOpaque(userData).takeUnretainedValue().record(String(cString: message))
    }
}
