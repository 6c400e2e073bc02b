import Foundation
import Testing
@testable import ConcordKit

/// The byte-level reading of ASCII lines counts the same words and compounds as reading
/// them a scalar at a time.
@Suite struct DocumentVocabularyTests {
    static func expectSame(_ lines: [String]) {
        let fast = DocumentVocabulary(lines: lines)
        let reference = DocumentVocabulary(lines: lines, asciiFastPath: false)
        #expect(fast.counts == reference.counts)
        #expect(fast.compounds == reference.compounds)
    }

    @Test func everySeedGivesTheSameVocabularyBothWays() throws {
        for seed in try SeedCorpus.files(in: TestKnowledgeBase.repositoryRoot + "/seeds") {
            let lines = SourceLine.rawLines(of: seed.text)
            Self.expectSame(lines)
            #expect(DocumentVocabulary(lines: lines).counts.count > 100)
        }
    }

    @Test func hyphensCapitalsAndPunctuationCountTheSameBothWays() {
        Self.expectSame([
            "Rights-based, rights-BASED and -leading or trailing- hyphens; a--b, x-y-z, COVID-19 and 3-year",
            "state-", "-", "", "ALL CAPS LINE", "end-of-line-", "o'clock Peoples' follow-up.",
        ])
        #expect(DocumentVocabulary(lines: ["Rights-based rights-based"]).compounds == ["rights-based"])
        #expect(DocumentVocabulary(lines: ["Rights-based rights-based"]).count("RIGHTS") == 2)
    }
}
