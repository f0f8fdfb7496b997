/// Where a long analysis says how far it is: stages, and items done in the long loops (noise
/// receivers, buildings in the green analysis). The command line draws a bar from it on a
/// terminal; the library never prints.
///
/// Calls come from many tasks at once (the noise sums run in a task group), so implementations
/// are thread-safe and `advance` must be cheap: an atomic add, no drawing (the command line
/// redraws on its own clock, 10 times a second).
public protocol ProgressReporter: Sendable {
    /// A stage begins, replacing the previous one; `total` is its item count when it counts items.
    func beginStage(_ name: String, total: Int?)
    /// `count` more items of the current stage are done.
    func advance(by count: Int)
}

extension ProgressReporter {
    /// The same reporter with every stage name prefixed (`before: noise`), for the two layouts of
    /// a comparison.
    public func prefixed(_ prefix: String) -> any ProgressReporter {
        PrefixedProgress(base: self, prefix: prefix)
    }
}

struct PrefixedProgress: ProgressReporter {
    var base: any ProgressReporter
    var prefix: String

    func beginStage(_ name: String, total: Int?) { base.beginStage(prefix + name, total: total) }
    func advance(by count: Int) { base.advance(by: count) }
}
