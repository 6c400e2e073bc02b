import Foundation
import ConcordKit
import Testing

/// Drives the real `concord` binary in a pseudo-terminal through tmux, for
/// end-to-end tests of the interactive prompt (completion, history, Ctrl-C, Ctrl-D,
/// paging), started either directly or typed at an interactive `bash -i`.
///
/// Each session runs on its own tmux server (a private socket), so tests never
/// see each other or the user's tmux. The screen is read with `capture-pane`;
/// tests wait for what they expect with a deadline instead of sleeping.
final class TerminalSession {
    /// Why a terminal test could not go on.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let socket = "concord-test-" + UUID().uuidString.prefix(8)
    private let target = "main"

    /// `true` when tmux is installed (CI installs it).
    static var isAvailable: Bool {
        (try? run(["tmux", "-V"]).status) == 0
    }

    /// Starts `concord arguments…` in a 100-column terminal of `rows` rows with `environment`
    /// added, with no shell in front (like a terminal multiplexer starting it directly). When it
    /// exits, the pane shows `[exit N]` with its exit status.
    convenience init(arguments: [String], environment: [String: String], rows: Int = 30) throws {
        let command = Self.commandLine(arguments)
        // The pane stays a while after concord exits, for the last capture; deinit ends it all.
        try self.init(script: "env \(Self.assignments(environment)) \(command); echo \"[exit $?]\"; sleep 30", rows: rows)
    }

    /// Starts an interactive job-control shell (`bash -i`, prompt `shell$ `) in a 100-column terminal
    /// of `rows` rows with `environment` added, as people run Concord; type commands with ``typeLine(_:)``
    /// or ``startConcord(_:)``. The shell puts each command it runs in a process group of its own
    /// and gives that group the terminal, which is what a pager must cope with.
    static func interactiveShell(environment: [String: String], rows: Int = 30) throws -> TerminalSession {
        var variables = environment
        variables["PS1"] = shellPrompt
        variables["HISTFILE"] = "/dev/null"
        let session = try TerminalSession(script: "env \(assignments(variables)) bash --norc --noprofile -i", rows: rows)
        // capture-pane drops trailing spaces.
        try session.waitFor(shellPrompt.trimmingCharacters(in: .whitespaces))
        return session
    }

    /// The interactive shell's prompt.
    static let shellPrompt = "shell$ "

    /// What runs in front of Concord in the terminal: an interactive job-control shell (which gives
    /// each command a process group of its own) at whose prompt `concord` is typed, or nothing.
    enum Front: String, CaseIterable, CustomTestStringConvertible {
        case interactiveShell
        case nothing
        var testDescription: String { rawValue }
    }

    /// Concord's prompt on `databasePath`, started behind `front`, once it shows.
    static func prompt(
        _ front: Front, databasePath: String, environment: [String: String], rows: Int = 30
    ) throws -> TerminalSession {
        let session: TerminalSession
        switch front {
        case .interactiveShell:
            session = try interactiveShell(environment: environment, rows: rows)
            try session.startConcord(["--db", databasePath])
        case .nothing:
            session = try TerminalSession(arguments: ["--db", databasePath], environment: environment, rows: rows)
        }
        try session.waitFor("concord>")
        return session
    }

    /// Waits until the screen shows more of Concord's prompts than the `prompts` it showed before.
    func waitForAnotherPrompt(than prompts: Int) throws {
        try waitFor("a fresh prompt") { $0.components(separatedBy: "concord>").count - 1 > prompts }
    }

    /// Ctrl-C, then waits for the fresh prompt: keys typed before the interrupt is handled
    /// would reach the abandoned line, so the next keys must wait for it.
    func abandonLine() throws {
        let prompts = try count(of: "concord>")
        try press("C-c")
        try waitForAnotherPrompt(than: prompts)
    }

    /// Types `concord arguments…` at the shell's prompt and presses Enter.
    func startConcord(_ arguments: [String]) throws {
        try typeLine(Self.commandLine(arguments))
    }

    /// Types `text` and presses Enter.
    func typeLine(_ text: String) throws {
        try type(text)
        try press("Enter")
    }

    private init(script: String, rows: Int) throws {
        // The tmux server inherits the client's output: give it no pipe, or reading would wait for the server to end.
        let started = try Self.run(
            ["tmux", "-u", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", target, "-x", "100", "-y", String(rows), script],
            capturingOutput: false)
        guard started.status == 0 else { throw Failure(description: "tmux did not start (status \(started.status))") }
    }

    private static func commandLine(_ arguments: [String]) -> String {
        ([ConcordProcess.executable] + arguments).map(shellQuoted).joined(separator: " ")
    }

    private static func assignments(_ environment: [String: String]) -> String {
        environment.map { "\($0.key)=\(shellQuoted($0.value))" }.sorted().joined(separator: " ")
    }

    deinit {
        _ = try? Self.run(["tmux", "-L", socket, "kill-server"])
    }

    /// Types `text` literally (no key names).
    func type(_ text: String) throws {
        _ = try Self.run(["tmux", "-L", socket, "send-keys", "-t", target, "-l", text])
    }

    /// Presses keys by tmux name: "Enter", "Tab", "C-c", "C-d", "Up".
    func press(_ keys: String...) throws {
        _ = try Self.run(["tmux", "-L", socket, "send-keys", "-t", target] + keys)
    }

    /// The screen as text (bells and cursor motions are already interpreted by tmux).
    func screen() throws -> String {
        try Self.run(["tmux", "-L", socket, "capture-pane", "-p", "-t", target]).output
    }

    /// Waits until the screen satisfies `condition`; throws with the screen after `timeout` seconds.
    @discardableResult
    func waitFor(_ what: String, timeout: TimeInterval = 15, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            usleep(50_000)
        }
        throw Failure(description: "timed out waiting for \(what); the screen was:\n\(last)")
    }

    /// Waits until the screen shows `text`.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 15) throws -> String {
        try waitFor("'\(text)'", timeout: timeout) { $0.contains(text) }
    }

    /// The number of times `text` appears on the screen.
    func count(of text: String) throws -> Int {
        try screen().components(separatedBy: text).count - 1
    }

    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Runs a program (tmux) to completion. Through ``ChildProcess`` (posix_spawn and
    /// waitpid): Foundation's Process can hang on exited tmux clients under the test runner.
    @discardableResult
    static func run(_ arguments: [String], capturingOutput: Bool = true) throws -> (status: Int32, output: String) {
        let result = try ChildProcess.run(arguments, capture: capturingOutput)
        return (result.status, String(decoding: result.output + result.errors, as: UTF8.self))
    }
}
