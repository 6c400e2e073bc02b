import Foundation
import Testing

/// Tab at the real prompt, typed behind an interactive `bash -i` and with no shell in front:
/// names complete from any word, with or without accents, unquoted with spaces, and a second
/// Tab lists what the first could not choose between.
@Suite(
    .enabled(if: TerminalSession.isAvailable, "tmux is not installed"),
    .enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/bash"), "bash is not installed"))
struct CompletionAtThePromptTests {
    let fixture: ReplFixture

    init() throws {
        fixture = try ReplFixture()
    }

    func startPrompt(_ front: TerminalSession.Front) throws -> TerminalSession {
        try TerminalSession.prompt(
            front, databasePath: fixture.databasePath, environment: fixture.environment.merging(["TERM": "screen"]) { $1 })
    }

    /// Types `text`, presses Tab, and waits for the line to read `expected`; then abandons the line.
    func expectCompletion(_ session: TerminalSession, typing text: String, gives expected: String) throws {
        try session.type(text)
        try session.press("Tab")
        try session.waitFor("concord> " + expected)
        try session.abandonLine()
    }

    @Test(arguments: TerminalSession.Front.allCases)
    func namesCompleteAsPeopleTypeThem(front: TerminalSession.Front) throws {
        let session = try startPrompt(front)
        try expectCompletion(session, typing: "show Boter", gives: "show \"Mr. Botero Navarro\"")
        try expectCompletion(session, typing: "show Mr. Bot", gives: "show Mr. Botero Navarro")
        try expectCompletion(session, typing: "show Landa", gives: "show \"Ms. Landázuri de Mora\"")
        try expectCompletion(session, typing: "show Traoré", gives: "show \"Ms. Traoré Bazie\"")
        // An accent just before the cursor (libedit then counts the cursor in characters, not bytes).
        try expectCompletion(session, typing: "show Lié", gives: "show \"Ms. Martinez Liévano\"")
        try expectCompletion(session, typing: "show Landá", gives: "show \"Ms. Landázuri de Mora\"")
        try expectCompletion(session, typing: "show Lie", gives: "show \"Ms. Martinez Liévano\"")
        // A one-word and a many-word name sharing a beginning: the shared part, then both listed.
        let prompts = try session.count(of: "concord>")
        try session.typeLine("add body \"Guatemalan Migration Board\"")
        try session.waitForAnotherPrompt(than: prompts)
        #expect(try session.screen().contains("added body Guatemalan Migration Board (body:"))
        try session.type("show Guatem")
        try session.press("Tab")
        try session.waitFor("concord> show Guatemala")
        try session.press("Tab")
        try session.waitFor("Guatemalan Migration Board (body)")
        try session.abandonLine()
        // Several names end with "Lewis": the second Tab lists them with their kinds.
        try session.type("show Lewis")
        try session.press("Tab")
        try session.press("Tab")
        try session.waitFor("Benjamin Lewis (person)")
        try session.abandonLine()
        // Two names begin with OHCHR: the first Tab gives the shared beginning, the second lists them.
        try session.type("show OHC")
        try session.press("Tab")
        try session.waitFor("concord> show OHCHR")
        try session.press("Tab")
        try session.waitFor("OHCHR Recommended Principles and Guidelines on Human Rights (instrument)")
        try session.waitFor("OHCHR (body)")
        try session.press("C-c")
        try session.typeLine("quit")
    }
}
