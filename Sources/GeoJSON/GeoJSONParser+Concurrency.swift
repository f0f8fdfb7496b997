import Dispatch
import Foundation
import Synchronization

/// Reading one large `"features"` array on several cores.
///
/// The array is cut into chunks at guessed element boundaries, each read by its own parser at the
/// same time. A guess (a `}, {` in the text) may be wrong: it can sit inside a GeometryCollection or
/// a string. So every chunk but the last reads until the cursor lands exactly on the next chunk's
/// start, which proves that start a real boundary; a chunk that overshoots simply reads on to the end
/// of the array, and the chunks after it are discarded. The features, their order and the first
/// error are therefore exactly those of a sequential read; a bad guess only wastes work.
extension GeoJSONParser {
    /// Below this many bytes per chunk (a few milliseconds of reading), starting threads costs more
    /// than it saves.
    static let minimumChunkBytes = 1 << 20

    static let chunksPerCore = 4

    /// How one chunk's read ended.
    struct ChunkOutcome: Sendable {
        var features: [Feature]
        /// The offset after the last element read: the next chunk's start, or past the array's `]`.
        var endIndex: Int
        /// Whether the chunk stopped exactly at the next chunk's start.
        var reachedNextChunk: Bool
        var error: GeoJSONError?
    }

    /// Reads the rest of the features array (the cursor is at its first element) in parallel chunks;
    /// nil, having read nothing, when the array is too small or there is one core.
    @available(macOS 15, iOS 18, tvOS 18, watchOS 11, visionOS 2, *)
    mutating func parseFeaturesConcurrently() throws(GeoJSONError) -> [Feature]? {
        guard let data = sharedData, let featuresStart else { return nil }
        let remaining = scanner.end - scanner.index
        // Several chunks per core, handed out as cores come free, so one core that the system gives
        // to another process does not leave the others waiting for its half.
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let chunkCount = min(cores * Self.chunksPerCore, remaining / Self.minimumChunkBytes, 64)
        guard cores >= 2 else { return nil }
        guard chunkCount >= 2 else { return nil }
        let starts = [scanner.index] + guessedElementStarts(count: chunkCount - 1)
        guard starts.count >= 2 else { return nil }

        let source = scanner.source
        let rangeCheck = rangeCheck
        let outcomes = Mutex<[ChunkOutcome?]>(Array(repeating: nil, count: starts.count))
        DispatchQueue.concurrentPerform(iterations: starts.count) { chunk in
            let outcome = Self.readChunk(
                of: data, source: source, rangeCheck: rangeCheck, featuresStart: featuresStart,
                from: starts[chunk], stoppingAt: chunk + 1 < starts.count ? starts[chunk + 1] : nil)
            outcomes.withLock { $0[chunk] = outcome }
        }

        // Stitch the chunks together in order, up to the first one that did not end where the next
        // began (the last chunk always ends at the array's "]").
        var features: [Feature] = []
        for case let outcome? in outcomes.withLock({ $0 }) {
            if let error = outcome.error { throw error.shiftingFeatureIndex(by: features.count) }
            features.append(contentsOf: outcome.features)
            if !outcome.reachedNextChunk {
                scanner.index = outcome.endIndex
                return features
            }
        }
        // Unreachable: the last chunk has no next chunk to reach.
        throw scanner.error(.invalidJSON, detail: "features array ended unexpectedly")
    }

    /// One worker's read, from its own view of the shared bytes.
    private static func readChunk(
        of data: Data, source: String, rangeCheck: GeographicRangeCheck, featuresStart: Int,
        from start: Int, stoppingAt stop: Int?
    ) -> ChunkOutcome {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var parser = GeoJSONParser(
                bytes: raw.bindMemory(to: UInt8.self), source: source, rangeCheck: rangeCheck, sharedData: nil)
            parser.featuresStart = featuresStart
            parser.scanner.index = start
            var features: [Feature] = []
            do throws(GeoJSONError) {
                let reachedStop = try parser.parseFeatureElements(into: &features, stoppingAt: stop)
                return ChunkOutcome(features: features, endIndex: parser.scanner.index,
                                    reachedNextChunk: reachedStop, error: nil)
            } catch {
                return ChunkOutcome(features: features, endIndex: parser.scanner.index,
                                    reachedNextChunk: false, error: error)
            }
        }
    }

    /// Up to `count` offsets, evenly spread after the cursor, where an element of the features array
    /// seems to start: a `{` after `}` and `,` (whitespace allowed). One that opens with
    /// `"type": "Feature"`, as most writers put it, is preferred, since a `}, {` alone also occurs
    /// between GeometryCollection members.
    private func guessedElementStarts(count: Int) -> [Int] {
        let begin = scanner.index
        let length = scanner.end - begin
        var starts: [Int] = []
        for part in 1...count {
            var offset = max(begin + length / (count + 1) * part, (starts.last ?? begin) + 1)
            let searchEnd = min(scanner.end, offset + Self.minimumChunkBytes / 2)
            var fallback: Int?
            while offset < searchEnd {
                if scanner.base[offset] == ASCII.comma, let start = elementStart(aroundCommaAt: offset) {
                    if opensWithFeatureType(at: start) {
                        fallback = start
                        break
                    }
                    fallback = fallback ?? start
                }
                offset += 1
            }
            if let start = fallback { starts.append(start) }
        }
        return starts
    }

    /// Whether the object at `start` begins with the member `"type": "Feature"`. A plain byte
    /// comparison: probing must stay cheap even where every other byte looks like a candidate.
    private func opensWithFeatureType(at start: Int) -> Bool {
        var offset = skippingWhitespace(from: start + 1)
        guard matches("\"type\"", at: offset) else { return false }
        offset = skippingWhitespace(from: offset + 6)
        guard scanner.byte(at: offset) == ASCII.colon else { return false }
        return matches("\"Feature\"", at: skippingWhitespace(from: offset + 1))
    }

    private func matches(_ literal: StaticString, at offset: Int) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard offset + length <= scanner.end else { return false }
        return UnsafeBufferPointer(start: scanner.base + offset, count: length).equals(literal)
    }

    private func skippingWhitespace(from offset: Int) -> Int {
        var offset = offset
        while offset < scanner.end, isWhitespace(scanner.base[offset]) { offset += 1 }
        return offset
    }

    private func isWhitespace(_ byte: UInt8) -> Bool {
        byte == ASCII.space || byte == ASCII.newline || byte == ASCII.carriageReturn || byte == ASCII.tab
    }

    /// The offset of the `{` after the comma at `comma`, if a `}` precedes the comma.
    private func elementStart(aroundCommaAt comma: Int) -> Int? {
        var before = comma - 1
        while before > 0, isWhitespace(scanner.base[before]) { before -= 1 }
        guard scanner.base[before] == ASCII.closeBrace else { return nil }
        let after = skippingWhitespace(from: comma + 1)
        guard after < scanner.end, scanner.base[after] == ASCII.openBrace else { return nil }
        return after
    }
}

extension GeoJSONError {
    /// This error with its feature index counted from `offset` features earlier.
    func shiftingFeatureIndex(by offset: Int) -> GeoJSONError {
        var error = self
        error.featureIndex = error.featureIndex.map { $0 + offset }
        return error
    }
}
