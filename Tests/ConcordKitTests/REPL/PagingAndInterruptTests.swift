import Foundation
import Testing

/// The prompt as people start it: typed at an interactive job-control shell (`bash -i`,
/// which gives each command a process group of its own), and started directly with no shell
/// in front. A command taller than the screen goes through the real `less`; `q` and Ctrl-C
/// leave it for a working prompt; Ctrl-C stops a query that would never end.
@Suite(
    .enabled(if: TerminalSession.isAvailable, "tmux is not installed"),
    .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/less"), "less is not installed"),
    .enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/bash"), "bash is not installed"))
struct PagingAndInterruptTests {
    typealias Front = TerminalSession.Front

    let fixture: ReplFixture

    init() throws {
        fixture = try ReplFixture()
    }

    /// `less` with Concord's default options (an empty `LESS` is not a choice).
    var environment: [String: String] {
        fixture.environment.merging(["TERM": "screen", "PAGER": "less", "LESS": ""]) { $1 }
    }

    func startPrompt(_ front: Front, rows: Int = 15, extra: [String: String] = [:]) throws -> TerminalSession {
        try TerminalSession.prompt(
            front, databasePath: fixture.databasePath, environment: environment.merging(extra) { $1 }, rows: rows)
    }

    static func lastLine(_ screen: String) -> String {
        screen.split(separator: "\n").last.map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
    }

    /// Waits until the screen ends with an empty prompt.
    func waitForPrompt(_ session: TerminalSession) throws {
        try session.waitFor("an empty prompt") { Self.lastLine($0) == "concord>" }
    }

    /// Waits until `less` shows its first screen and waits for a key (its `:` prompt at the bottom).
    func waitForPager(_ session: TerminalSession) throws {
        try session.waitFor("less waiting for a key") { Self.lastLine($0) == ":" }
    }

    @Test(arguments: Front.allCases)
    func aTallCommandPagesAndQReturnsToAWorkingPrompt(front: Front) throws {
        let session = try startPrompt(front)
        try session.typeLine("entities")
        try waitForPager(session)
        try session.press("q")
        try waitForPrompt(session)
        // The next command runs, and history and line editing still work.
        try session.typeLine("find Zanzibar")
        try session.waitFor("Zanzibar Harbour Board")
        try waitForPrompt(session)
        try session.press("Up")
        try session.waitFor("concord> find Zanzibar")
        try session.press("C-a")
        try session.type("#")
        try session.waitFor("concord> #find Zanzibar")
        try session.press("C-u", "C-d")
        if front == .interactiveShell {
            try session.waitFor("the shell's prompt again") { Self.lastLine($0) == TerminalSession.shellPrompt.trimmingCharacters(in: .whitespaces) }
        } else {
            try session.waitFor("[exit 0]")
        }
    }

    @Test(arguments: Front.allCases)
    func ctrlCWhilePagingReturnsToThePrompt(front: Front) throws {
        let session = try startPrompt(front)
        try session.typeLine("entities")
        try waitForPager(session)
        try session.press("C-c")
        try waitForPrompt(session)
        try session.typeLine("find Quilliam")
        try session.waitFor("Ms. Quilliam-Oduya")
        try waitForPrompt(session)
    }

    @Test(arguments: Front.allCases)
    func ctrlCStopsAQueryThatWouldNeverEnd(front: Front) throws {
        let session = try startPrompt(front)
        let before = try fixture.fingerprint()
        // A Ctrl-C that reaches the prompt before it has read the line abandons the line (as in any
        // libedit prompt), and one between reading and starting the query stops nothing: on a busy
        // machine either can happen, so type the query again after an abandoned line and press
        // again until a Ctrl-C lands while the query runs.
        var interrupted = false
        for _ in 0..<10 where !interrupted {
            try session.typeLine("sql WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c")
            try session.waitFor("the query echoed") { $0.contains("SELECT count(*) FROM c") }
            for _ in 0..<5 where !interrupted {
                try session.press("C-c")
                interrupted = (try? session.waitFor("interrupted", timeout: 3)) != nil
                if !interrupted, Self.lastLine(try session.screen()) == "concord>" { break }
            }
        }
        #expect(interrupted)
        try waitForPrompt(session)
        try session.typeLine("sql SELECT 'still ' || 'alive'")
        try session.waitFor("still alive")
        #expect(try fixture.fingerprint() == before)
    }

    @Test(arguments: Front.allCases)
    func withNoPagerTheWholeTextIsPrinted(front: Front) throws {
        let session = try startPrompt(front, rows: 12, extra: ["PAGER": "/nonexistent/pager"])
        try session.typeLine("help")
        // The list ends with quit; everything was printed, then the prompt came back.
        try session.waitFor("Leave Concord")
        try waitForPrompt(session)
    }
}
