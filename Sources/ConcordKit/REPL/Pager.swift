import Foundation

/// Shows text through the user's pager (`$PAGER`, default `less -R`).
///
/// Used only at an interactive prompt, for output longer than the screen; when
/// the pager cannot be started the text is written to standard output instead.
struct Pager: Sendable {
    /// The shell command that pages: `$PAGER` when set and not blank, else `less -R`.
    let command: String
    let environment: [String: String]

    init(environment: [String: String]) {
        let chosen = environment["PAGER"]?.trimmingCharacters(in: .whitespaces) ?? ""
        self.command = chosen.isEmpty ? "less -R" : chosen
        self.environment = environment
    }

    /// Pipes `text` into the pager and waits for the user to leave it; `false` if it could not run.
    func show(_ text: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        var environment = self.environment
        // Like git: quit at once if it fits, keep colours, leave the text on screen.
        if environment["LESS"] == nil { environment["LESS"] = "FRX" }
        process.environment = environment
        let input = Pipe()
        process.standardInput = input
        do {
            try process.run()
        } catch {
            return false
        }
        // The user may quit before reading everything: a broken pipe is expected (SIGPIPE is ignored).
        try? input.fileHandleForWriting.write(contentsOf: Data(text.utf8))
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        return true
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
            isTerminal: true, usesColor: environment["NO_COLOR"] == nil,
            width: TerminalSize.columns(STDOUT_FILENO) ?? 80,
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
