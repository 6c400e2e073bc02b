import Foundation
import Testing

/// The real prompt in a pseudo-terminal (tmux): Tab completion, history across
/// sessions, Ctrl-C, Ctrl-D and paging. Skipped when tmux is not installed.
@Suite(.enabled(if: TerminalSession.isAvailable, "tmux is not installed"))
struct InteractivePromptTests {
    let fixture: ReplFixture

    init() throws {
        fixture = try ReplFixture()
    }

    func startPrompt(rows: Int = 30, environment extra: [String: String] = [:]) throws -> TerminalSession {
        let session = try TerminalSession(
            arguments: ["--db", fixture.databasePath],
            environment: fixture.environment.merging(["TERM": "screen"]) { $1 }.merging(extra) { $1 }, rows: rows)
        try session.waitFor("concord>")
        return session
    }

    /// Waits until the screen ends with an empty prompt (the last command has finished).
    func waitForPrompt(_ session: TerminalSession) throws {
        try session.waitFor("an empty prompt") { $0.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("concord>") }
    }

    @Test func tabCompletesAnEntityNameInQuotes() throws {
        let session = try startPrompt()
        try session.type("alias zanzibar")
        try session.press("Tab")
        // Two names share the beginning: it completes to it, inside a quote.
        try session.waitFor("concord> alias \"Zanzibar")
        try session.type("l")
        try session.press("Tab")
        try session.waitFor("concord> alias \"Zanzibar Listening Council\"")
        try session.abandonLine()
        // An id completes too.
        try session.type("alias body:00000000000000a2")
        // Two ids share the beginning: the second Tab lists them.
        try session.press("BSpace", "Tab")
        try session.press("Tab")
        try session.waitFor("body:00000000000000a1")
        try session.abandonLine()
        try session.type("link ZLC memb")
        try session.press("Tab")
        try session.waitFor("concord> link ZLC member_of")
        try session.abandonLine()
        try session.press("C-d")
        try session.waitFor("[exit 0]")
    }

    @Test func historySurvivesARestartAndCtrlRSearchesIt() throws {
        let first = try startPrompt()
        try first.type("help search")
        try first.press("Enter")
        try first.waitFor("USAGE")
        // Keys typed before the line editor is back may be discarded when it sets the terminal up.
        try waitForPrompt(first)
        try first.type("search disappearance --limit 1 ")
        try first.press("Enter")
        try first.waitFor("a third prompt") { $0.components(separatedBy: "concord>").count >= 4 }
        try first.press("C-d")
        try first.waitFor("[exit 0]")
        let historyFile = fixture.stateHome + "/concord/history"
        #expect(FileManager.default.fileExists(atPath: historyFile))

        let second = try startPrompt()
        try second.press("Up")
        try second.waitFor("concord> search disappearance --limit 1")
        try second.press("C-u")
        try second.press("C-r")
        try second.type("hel")
        try second.waitFor("help search")
        try second.press("Enter")
        try second.waitFor("USAGE")
        try second.press("C-d")
        try second.waitFor("[exit 0]")
    }

    @Test func ctrlCAbandonsTheLineAndThePromptKeepsRunning() throws {
        let session = try startPrompt()
        try session.type("search this line is abandoned")
        try session.press("C-c")
        try session.waitFor("^C")
        try session.waitFor("a new prompt") { $0.components(separatedBy: "concord>").count >= 3 }
        try session.abandonLine()
        try session.type("help search")
        try session.press("Enter")
        try session.waitFor("USAGE")
        #expect(try !session.screen().contains("no paragraph matches"), "the abandoned line did not run")
        try session.press("C-d")
        try session.waitFor("[exit 0]")
    }

    @Test func ctrlDOnAnEmptyLineExitsWithStatusZero() throws {
        let session = try startPrompt()
        try session.type("x")
        try session.press("C-d")  // not empty: deletes nothing, stays
        try session.press("C-u", "C-d")
        try session.waitFor("[exit 0]")
    }

    @Test func errorsAtThePromptAreOneLineAndItKeepsRunning() throws {
        let session = try startPrompt()
        try session.type("serch x")
        try session.press("Enter")
        try session.waitFor("did you mean 'search'")
        try session.type("search x --frobnicate")
        try session.press("Enter")
        try session.waitFor("unknown option '--frobnicate'")
        #expect(try !session.screen().contains("USAGE"))
        try session.type("quit")
        try session.press("Enter")
        try session.waitFor("[exit 0]")
    }

    @Test func outputTallerThanTheScreenGoesThroughThePager() throws {
        let session = try startPrompt(rows: 12, environment: ["PAGER": "sed 's/^/paged: /'"])
        try session.type("help")
        try session.press("Enter")
        try session.waitFor("paged: ")
        try session.type("help search")
        try session.press("Enter")
        try session.waitFor("paged:   -h, --help")
        // Keys typed while the pager runs belong to the pager's terminal mode: wait for the prompt.
        try waitForPrompt(session)
        try session.press("C-d")
        try session.waitFor("[exit 0]")
        let short = try startPrompt(rows: 40, environment: ["PAGER": "sed 's/^/paged: /'"])
        try short.type("quit")
        try short.press("Enter")
        try short.waitFor("[exit 0]")
        #expect(try !short.screen().contains("paged: "))
    }
}
