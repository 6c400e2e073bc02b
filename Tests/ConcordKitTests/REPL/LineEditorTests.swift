import Testing
@testable import ConcordKit

/// The translation of completions into libedit's terms, and the history rules.
@Suite struct LineEditorTests {
    @Test func replacementsAreCutToTheWordLibeditFound() {
        // libedit splits `alias "Zanzibar Li` at the space: its word is `Li`.
        let typed = Array("alias \"Zanzibar Li".unicodeScalars)
        let completion = CompletionProvider.Completion(start: 6, candidates: ["\"Zanzibar Listening Council\""])
        #expect(LineEditorState.relative(completion, typed: typed, libeditStart: 16) == ["Listening Council\""])
        // When libedit's word starts earlier, the text between is kept.
        let earlier = CompletionProvider.Completion(start: 8, candidates: ["person"])
        #expect(LineEditorState.relative(earlier, typed: Array("add --x=pe".unicodeScalars), libeditStart: 4) == ["--x=person"])
    }

    @Test func theCommonBeginningIgnoresCaseButNeverShortensWhatWasTyped() {
        #expect(LineEditorState.commonPrefix(["Zanzibar Harbour", "zanzibar Listening"], atLeast: "zan") == "Zanzibar ")
        #expect(LineEditorState.commonPrefix(["refers_to", "represents"], atLeast: "re") == "re")
        #expect(LineEditorState.commonPrefix(["abc", "xyz"], atLeast: "q") == "q")
    }

    @Test func historyKeepsTrimmedNonBlankLines() {
        #expect(HistoryStore.entry(for: "show ZLC ") == "show ZLC")
        #expect(HistoryStore.entry(for: "   ") == nil)
        #expect(HistoryStore.entry(for: "  search x") == "  search x")
    }

    @Test func historyLivesInTheXDGStateFolder() {
        #expect(HistoryStore(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]).path == "/s/concord/history")
        #expect(HistoryStore(environment: ["HOME": "/h"]).path == "/h/.local/state/concord/history")
        // A relative XDG_STATE_HOME is invalid by the spec and ignored.
        #expect(HistoryStore(environment: ["XDG_STATE_HOME": "rel", "HOME": "/h"]).path == "/h/.local/state/concord/history")
    }

    @Test func screenLinesCountWrappingButNotColourCodes() {
        #expect(PagedOutput.screenLines("a\nb\n", columns: 80) == 2)
        #expect(PagedOutput.screenLines(String(repeating: "x", count: 81) + "\n", columns: 80) == 2)
        #expect(PagedOutput.screenLines("\u{1B}[1m" + String(repeating: "x", count: 80) + "\u{1B}[0m\n", columns: 80) == 1)
        #expect(PagedOutput.screenLines("\n\n", columns: 80) == 2)
    }

    @Test func thePagerIsPAGEROrLess() {
        #expect(Pager(environment: [:]).command == "less")
        #expect(Pager(environment: ["PAGER": "  "]).command == "less")
        #expect(Pager(environment: ["PAGER": "more"]).command == "more")
        // Like git's LESS=FRX, plus K so that Ctrl-C leaves the pager; a LESS of one's own is kept.
        #expect(Pager(environment: [:]).pagerEnvironment["LESS"] == "FRXK")
        #expect(Pager(environment: ["LESS": ""]).pagerEnvironment["LESS"] == "FRXK")
        #expect(Pager(environment: ["LESS": "R"]).pagerEnvironment["LESS"] == "R")
    }

    @Test func theTextBeforeTheCursorIsReadInBytesOrCharactersAsLibeditCounts() {
        // ASCII: bytes and characters agree.
        #expect(LineEditorState.lineBeforeCursor("show Lewis", point: 7, end: 10) == "show Le")
        // libedit counting characters once the line holds "é" (8 characters, 9 bytes).
        #expect(LineEditorState.lineBeforeCursor("show Lié", point: 8, end: 8) == "show Lié")
        #expect(LineEditorState.lineBeforeCursor("show Lié x", point: 8, end: 10) == "show Lié")
        // libedit counting bytes.
        #expect(LineEditorState.lineBeforeCursor("show Lié", point: 9, end: 9) == "show Lié")
    }
}
