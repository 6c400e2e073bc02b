import Foundation
import Testing
@testable import ConcordKit

/// Control characters from data are shown, never sent to the terminal.
@Suite struct TerminalTextTests {
    @Test func controlCharactersBecomeVisible() {
        #expect(TerminalText.escaped("a\u{1B}]0;title\u{07}b") == "a^[]0;title^Gb")
        #expect(TerminalText.escaped("x\u{1B}[2Jy\u{0}\u{7F}") == "x^[[2Jy^@^?")
        #expect(TerminalText.escaped("\u{9B}31m\u{202E}abc\u{2028}") == "<U+009B>31m<U+202E>abc<U+2028>")
        #expect(TerminalText.escaped("line\nnext\ttab\r") == "line^Jnext^Itab^M")
        #expect(TerminalText.escaped("Café Ωmega — ok") == "Café Ωmega — ok")
    }

    @Test func wholeLinesKeepTheirLayoutAndOnlyOurColours() {
        #expect(TerminalText.escapedKeepingLines("a\tb\r\nc\u{1B}[31md\re") == "a\tb\r\nc^[[31md^Me")
        #expect(TerminalText.escapedKeepingLayout("\u{1B}[1;33mname\u{1B}[0m\n") == "\u{1B}[1;33mname\u{1B}[0m\n")
        #expect(TerminalText.escapedKeepingLayout("\u{1B}]52;c;aGk=\u{07}\u{1B}[2J") == "^[]52;c;aGk=^G^[[2J")
    }

    @Test func aConsoleAndATableNeverPassAnEscapeThrough() {
        let buffer = Console.buffer()
        buffer.console.line("name: Evil\u{1B}]0;pwned\u{07}")
        let table = TextTable(header: ["id", "name"], rows: [["p1", "Bad\u{1B}[2J\nName"]]).lines()
        #expect(buffer.text == "name: Evil^[]0;pwned^G\n")
        #expect(table.allSatisfy { !$0.contains("\u{1B}") && !$0.contains("\n") })
        #expect(CSVGraphFormat.field("a,\u{1B}b") == "\"a,^[b\"")
    }
}
