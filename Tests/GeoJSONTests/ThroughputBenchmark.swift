import Foundation
import GeoJSON
import Testing

/// Reader and writer throughput on ~50 MB of Overpass-style road LineStrings. Skipped unless the
/// environment sets GEOJSON_BENCH=1; meaningful only in release builds:
///
///     GEOJSON_BENCH=1 swift test -c release --filter ThroughputBenchmark
@Suite struct ThroughputBenchmark {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["GEOJSON_BENCH"] == "1"))
    func decodeAndEncodeThroughput() throws {
        let synthetic = SyntheticCollection.roads(byteCount: 50 * 1_048_576)
        let data = Data(synthetic.text.utf8)
        let mebibytes = Double(data.count) / 1_048_576

        var sequentialReader = GeoJSONReader()
        sequentialReader.decodesConcurrently = false
        var decoded = FeatureCollection(features: [])
        var sequentialCPUSeconds = Double.infinity
        let sequentialSeconds = try bestOf(5, before: { decoded = FeatureCollection(features: []) }) {
            let cpuStart = threadCPUSeconds()
            decoded = try sequentialReader.decode(data, source: "bench.geojson")
            sequentialCPUSeconds = min(sequentialCPUSeconds, threadCPUSeconds() - cpuStart)
        }
        #expect(decoded == synthetic.expected)
        let concurrentSeconds = try bestOf(5, before: { decoded = FeatureCollection(features: []) }) {
            decoded = try GeoJSONReader().decode(data, source: "bench.geojson")
        }
        #expect(decoded == synthetic.expected)

        var encoded = Data()
        let encodeSeconds = bestOf(5, before: { encoded = Data() }) { encoded = GeoJSONWriter().encode(decoded) }
        #expect(try GeoJSONReader().decode(encoded, source: "bench-out.geojson").features.count == decoded.features.count)

        let cores = ProcessInfo.processInfo.activeProcessorCount
        // CPU time is what a busy machine cannot steal; wall-clock time is what a user waits.
        print(String(format: "GeoJSON decode, 1 thread: %.1f MiB, %d features in %.3f s = %.1f MiB/s "
                     + "(%.1f MiB per CPU second)", mebibytes, decoded.features.count, sequentialSeconds,
                     mebibytes / sequentialSeconds, mebibytes / sequentialCPUSeconds))
        print(String(format: "GeoJSON decode, %d cores: %.1f MiB in %.3f s = %.1f MiB/s",
                     cores, mebibytes, concurrentSeconds, mebibytes / concurrentSeconds))
        print(String(format: "GeoJSON encode: %.1f MiB in %.3f s = %.1f MiB/s",
                     Double(encoded.count) / 1_048_576, encodeSeconds, Double(encoded.count) / 1_048_576 / encodeSeconds))
    }

    /// CPU time consumed by the calling thread so far.
    private func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }

    /// The shortest of `runs` timings of `body`; `before` runs untimed first (to free the previous
    /// result, whose deallocation would otherwise be charged to the next run).
    private func bestOf(_ runs: Int, before: () -> Void, _ body: () throws -> Void) rethrows -> Double {
        var best = Double.infinity
        for _ in 0..<runs {
            before()
            let start = ContinuousClock.now
            try body()
            let elapsed = ContinuousClock.now - start
            best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        }
        return best
    }
}
