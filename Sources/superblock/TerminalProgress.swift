import Foundation
import Indicators
import Synchronization

/// The progress bar on standard error: the stage, a bar and the time left when the stage counts
/// items, else a spinner and the time spent; redrawn in place ten times a second by its own
/// thread (so `advance`, called from the analysis loops, is one atomic add) and cleared at the end.
/// Only made when standard error is a terminal (`Console`): nothing of it reaches a pipe or a file.
final class TerminalProgress: ProgressReporter {
    struct Stage {
        var name: String
        var total: Int?
        var started: Date
    }

    private struct State {
        var stage: Stage?
        /// Bumped by every start and `finish`: a drawing thread of an earlier generation stops.
        var generation = 0
        var running = false
        /// Whether the bar is on the screen.
        var drawn = false
        var tick = 0
    }

    private let done = Atomic<Int>(0)
    private let state = Mutex(State())
    private let write: @Sendable (String) -> Void

    /// Redraws per second.
    static let rate = 10.0

    init(write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
        self.write = write
    }

    /// The new stage is drawn at once (stages change seldom), so even a short one shows.
    func beginStage(_ name: String, total: Int?) {
        let start: Int? = state.withLock { state in
            let stage = Stage(name: name, total: total, started: Date())
            state.stage = stage
            done.store(0, ordering: .relaxed)
            write("\r\u{1B}[2K" + Self.line(stage: stage, done: 0, elapsed: 0, tick: state.tick))
            state.drawn = true
            guard !state.running else { return nil }
            state.running = true
            state.generation += 1
            return state.generation
        }
        if let generation = start {
            Thread { [self] in
                while redraw(generation) { Thread.sleep(forTimeInterval: 1 / Self.rate) }
            }.start()
        }
    }

    func advance(by count: Int) {
        done.add(count, ordering: .relaxed)
    }

    /// Draws the current line; false once `finish` was called.
    private func redraw(_ generation: Int) -> Bool {
        state.withLock { state in
            guard state.running, state.generation == generation, let stage = state.stage else { return false }
            state.tick += 1
            let line = Self.line(stage: stage, done: done.load(ordering: .relaxed), elapsed: Date().timeIntervalSince(stage.started), tick: state.tick)
            write("\r\u{1B}[2K" + line)
            state.drawn = true
            return true
        }
    }

    /// Wipes the line so that other output (a warning, the summary) starts on a clean line; the
    /// next redraw brings the bar back.
    func clearLine() {
        state.withLock { state in
            if state.drawn { write("\r\u{1B}[2K") }
            state.drawn = false
        }
    }

    /// Stops redrawing and clears the line.
    func finish() {
        state.withLock { state in
            state.running = false
            state.generation += 1
            state.stage = nil
            if state.drawn { write("\r\u{1B}[2K") }
            state.drawn = false
        }
    }

    /// One line, at most about 70 columns: `noise at facades  [#######.........]  41 %  1,120/2,732  about 9 s left`.
    static func line(stage: Stage, done: Int, elapsed: TimeInterval, tick: Int) -> String {
        let name = stage.name.count > 28 ? String(stage.name.prefix(27)) + "~" : stage.name
        guard let total = stage.total, total > 0 else {
            let spinner = ["|", "/", "-", "\\"][tick % 4]
            return "\(name)  \(spinner)  \(elapsed < 1 ? "0 s" : duration(elapsed))"
        }
        let fraction = min(max(Double(done) / Double(total), 0), 1)
        let width = 20
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "]"
        var text = "\(name)  \(bar) \(String(format: "%3d", Int(fraction * 100))) %  \(NumberFormatting.grouped(done))/\(NumberFormatting.grouped(total))"
        // An estimate once there is something to estimate from: the rate so far.
        if done > 0, elapsed >= 0.5, done < total {
            text += "  about \(duration(elapsed * Double(total - done) / Double(done))) left"
        }
        return text
    }

    /// `12 s`, `3 min 05 s`.
    static func duration(_ seconds: TimeInterval) -> String {
        let whole = Int(seconds.rounded())
        if seconds < 1 { return "under 1 s" }
        return whole < 60 ? "\(whole) s" : "\(whole / 60) min \(String(format: "%02d", whole % 60)) s"
    }
}

/// Thousands grouping for the bar's counts.
enum NumberFormatting {
    static func grouped(_ value: Int) -> String {
        let digits = String(value)
        var out = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return out
    }
}
