import Foundation
import Synchronization

/// Runs a per-source computation on all cores in fixed chunks and returns the chunks' results in
/// chunk order, so that sums combined from them are the same whatever the number of threads.
enum SourceChunks {
    static let chunkSize = 32

    /// - Parameters:
    ///   - sources: the items to split (source nodes, origin zones).
    ///   - makeWorker: a worker's state (its own search arrays), made once per thread.
    ///   - body: one chunk's result, given the worker state and the chunk's sources.
    static func map<Worker, Result: Sendable>(_ sources: [Int], makeWorker: @Sendable () -> Worker,
                                              body: @Sendable (inout Worker, ArraySlice<Int>) -> Result) -> [Result] {
        let chunks = stride(from: 0, to: sources.count, by: chunkSize).map { $0..<min($0 + chunkSize, sources.count) }
        guard !chunks.isEmpty else { return [] }
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, chunks.count))
        let next = Mutex(0)
        let results = Mutex([Int: Result]())
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            var worker = makeWorker()
            while true {
                let chunk = next.withLock { value -> Int in
                    defer { value += 1 }
                    return value
                }
                guard chunk < chunks.count else { break }
                let result = body(&worker, sources[chunks[chunk]])
                results.withLock { $0[chunk] = result }
            }
        }
        let collected = results.withLock { $0 }
        return chunks.indices.map { collected[$0]! }
    }
}
