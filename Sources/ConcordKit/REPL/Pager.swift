import CConcordTerminal
import Foundation

/// Shows text through the user's pager (`$PAGER`, default `less` with `LESS=FRXK`).
///
/// Used only at an interactive prompt, for output longer than the screen. The pager
/// runs in Concord's own process group, the terminal's foreground group, so it can
/// read keys behind a job-control shell and without one (see
/// ``ChildProcess/runInForeground(_:input:environment:)``); Concord ignores Ctrl-C
/// while it runs, so Ctrl-C is the pager's alone. When the pager cannot be started
/// (or the shell cannot find it) the caller writes the text itself.
struct Pager: Sendable {
    /// The shell command that pages: `$PAGER` when set and not blank, else `less`.
    let command: String
    let environment: [String: String]

    /// Exit statuses with which `sh -c` says the command could not be found or run.
    static let notRunnableStatuses: Set<Int32> = [126, 127]

    init(environment: [String: String]) {
        let chosen = environment["PAGER"]?.trimmingCharacters(in: .whitespaces) ?? ""
        self.command = chosen.isEmpty ? "less" : chosen
        self.environment = environment
    }

    /// The pager's environment: like git, `LESS=FRX` (quit at once if it fits, keep colours,
    /// leave the text on screen) plus `K` (Ctrl-C quits back to the prompt), unless `LESS` is set.
    var pagerEnvironment: [String: String] {
        var environment = self.environment
        if (environment["LESS"] ?? "").isEmpty { environment["LESS"] = "FRXK" }
        return environment
    }

    /// Pipes `text` into the pager and waits for the user to leave it; `false` if it could not run.
    func show(_ text: String) -> Bool {
        concord_terminal_ignore_interrupt()
        defer { concord_terminal_resume_interrupt() }
        guard let status = try? ChildProcess.runInForeground(
            ["/bin/sh", "-c", command], input: Data(text.utf8), environment: pagerEnvironment)
        else { return false }
        return !Self.notRunnableStatuses.contains(status)
    }
}

/// Collects one command's output at the prompt and, once the command is done,
/// writes it to the terminal or through the ``Pager`` when it is taller than the screen.
final class PagedOutput: @unchecked Sendable {
    private let lock = NSLock()
    private var buffer = ""
    private let pager: Pager
    private let write: @Sendable (String) -> Void

    /// The console commands write to (a terminal, coloured unless `NO_COLOR` is set).
    let console: Console

    init(environment: [String: String], write: @escaping @Sendable (String) -> Void = PagedOutput.standardOutput) {
        self.pager = Pager(environment: environment)
        self.write = write
        let collector = Collector()
        console = Console(
            isTerminal: true, usesColor: Console.colorAllowed(by: environment),
            width: Console.terminalWidth(of: STDOUT_FILENO, environment: environment),
            sink: { collector.owner?.append($0) })
        collector.owner = self
    }

    private func append(_ text: String) {
        lock.lock()
        buffer += text
        lock.unlock()
    }

    /// Shows what was collected since the last call, paged when it does not fit.
    func flush() {
        lock.lock()
        let text = buffer
        buffer = ""
        lock.unlock()
        guard !text.isEmpty else { return }
        let rows = TerminalSize.rows(STDOUT_FILENO) ?? 24
        let columns = TerminalSize.columns(STDOUT_FILENO) ?? 80
        if Self.screenLines(text, columns: columns) >= rows, pager.show(text) { return }
        write(text)
    }

    /// How many terminal rows `text` takes at `columns` wide (colour codes take none).
    static func screenLines(_ text: String, columns: Int) -> Int {
        let width = max(columns, 1)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if text.hasSuffix("\n") { lines.removeLast() }
        return lines.reduce(0) { total, line in
            let visible = line.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression).count
            return total + max(1, (visible + width - 1) / width)
        }
    }

    @Sendable static func standardOutput(_ text: String) {
        try? FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
    }

    /// Breaks the reference cycle between the console's sink and its owner.
    private final class Collector: @unchecked Sendable {
        weak var owner: PagedOutput?
    }
}
