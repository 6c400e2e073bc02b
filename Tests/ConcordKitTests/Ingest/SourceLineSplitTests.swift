import Foundation
import Testing
@testable import ConcordKit

/// The byte-level line splitter gives exactly the lines Foundation's `enumerateLines`
/// gave (the reference it replaced), on every seed and on each kind of line break.
@Suite struct SourceLineSplitTests {
    static func reference(_ text: String) -> [String] {
        var lines: [String] = []
        text.enumerateLines { line, _ in lines.append(line) }
        return lines
    }

    @Test func splitsEverySeedAsEnumerateLinesDid() throws {
        let seeds = try SeedCorpus.files(in: TestKnowledgeBase.repositoryRoot + "/seeds")
        #expect(seeds.count == 5)
        for seed in seeds {
            let lines = SourceLine.rawLines(of: seed.text)
            #expect(lines == Self.reference(seed.text), "\(seed.name)")
            #expect(lines.count > 10)
        }
    }

    @Test(arguments: [
        "", "\n", "a", "a\n", "a\n\n", "\n\na", "a\r\nb", "a\n\rb", "a\rb\r", "a\r\n\r\nb", "a\u{85}b", "a\u{2028}b\u{2029}c",
        "a\u{0B}b\u{0C}c", "é\u{2027}ü\u{2030}", "a\u{C2}", "tail\r", "ends in e\u{301}\n", " \t lead\n\u{0C}page",
    ])
    func splitsEachKindOfBreakAsEnumerateLinesDid(_ text: String) {
        #expect(SourceLine.rawLines(of: text) == Self.reference(text))
    }
}
