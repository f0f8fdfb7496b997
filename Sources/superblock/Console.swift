import ArgumentParser
import Foundation
import Indicators

/// `--quiet`, shared by the commands that run long (analyze, compare, plan, detect).
struct ConsoleOptions: ParsableArguments {
    @Flag(help: "Print nothing but errors: no progress bar, no warnings, no summary. The files are written as usual; the exit code tells success.")
    var quiet = false

    var console: Console { Console(quiet: quiet) }
}

/// What a command prints: the summary on standard output, warnings and the progress bar on
/// standard error. `--quiet` silences all of it but errors (which the argument parser prints);
/// the bar is drawn only when standard error is a terminal.
final class Console: Sendable {
    let quiet: Bool
    /// The bar, when standard error is a terminal and not `--quiet`.
    let bar: TerminalProgress?

    init(quiet: Bool, terminal: Bool = Console.standardErrorIsTerminal) {
        self.quiet = quiet
        bar = !quiet && terminal ? TerminalProgress() : nil
    }

    /// A console that prints everything and draws no bar (commands without `--quiet`).
    static var plain: Console { Console(quiet: false, terminal: false) }

    /// A terminal, and not one that cannot move the cursor.
    static var standardErrorIsTerminal: Bool {
        isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    /// The analysis's reporter (nil when nothing is drawn, so the loops skip it).
    var progress: (any ProgressReporter)? { bar }

    /// A stage the command runs itself (loading, street space, writing).
    func stage(_ name: String, total: Int? = nil) {
        bar?.beginStage(name, total: total)
    }

    /// Standard output, unless quiet; the bar is cleared first and stopped (the summary comes last).
    func print(_ text: String) {
        bar?.finish()
        guard !quiet else { return }
        Swift.print(text)
    }

    /// Warnings on standard error, unless quiet.
    func warn(_ lines: [String]) {
        guard !quiet, !lines.isEmpty else { return }
        bar?.clearLine()
        for line in lines { FileHandle.standardError.write(Data("warning: \(line)\n".utf8)) }
    }

    /// Clears the bar (at the end, and before an error is printed).
    func finish() {
        bar?.finish()
    }
}
