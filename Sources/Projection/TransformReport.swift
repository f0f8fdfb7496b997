/// What a bulk transform did: how many points it saw and which of them PROJ could not transform.
///
/// PROJ's bulk call only says how many points it *processed*; failures show up as infinite
/// coordinates in the output. The report turns that into indices, so a caller can name the
/// features that fell outside the operation's domain instead of silently carrying NaNs along.
public struct TransformReport: Sendable, Equatable {
    /// The number of x, y pairs in the buffer.
    public var pointCount: Int
    /// The indices of the points (pairs, not buffer positions) that failed, ascending. Their
    /// coordinates have been set to NaN.
    public var failedIndices: [Int]
    /// PROJ's explanation of the failures, e.g. "utm: Invalid latitude", or nil when none failed.
    public var failureMessage: String?

    public init(pointCount: Int, failedIndices: [Int] = [], failureMessage: String? = nil) {
        self.pointCount = pointCount
        self.failedIndices = failedIndices
        self.failureMessage = failureMessage
    }

    /// True when every point was transformed.
    public var allSucceeded: Bool { failedIndices.isEmpty }
}
