import Foundation
import Testing
@testable import ConcordKit

/// The reader's rules on texts it has never seen: hyphenation decided from the
/// document's own words, running heads and feet, footnotes at the page foot.
@Suite struct UnseenLayoutTests {
    private func vocabulary(_ text: String) -> HyphenationRepair {
        HyphenationRepair(vocabulary: DocumentVocabulary(lines: text.components(separatedBy: "\n")))
    }

    @Test func aWordBrokenAcrossLinesIsJoined() {
        let repair = vocabulary("the protec-\ntion of migrants")
        #expect(repair.join("the protec-", "tion of migrants") == "the protection of migrants")
        #expect(repair.join("the par-", "ticipation of") == "the participation of")
    }

    @Test func aCompoundKeepsItsHyphen() {
        let repair = vocabulary("a rights-\nbased approach; policies are based on rights; follow-up")
        #expect(repair.join("a rights-", "based approach") == "a rights-based approach")
        #expect(repair.join("the follow-", "up to") == "the follow-up to")
        #expect(repair.join("COVID-", "19 pandemic") == "COVID-19 pandemic")
        #expect(repair.join("the Inter-", "American Commission") == "the Inter-American Commission")
    }

    @Test func theDocumentsOwnSpellingDecides() {
        // "cooperation" is printed solid elsewhere, so the break is joined…
        let solid = vocabulary("co-\noperation; cooperation among States")
        #expect(solid.join("co-", "operation") == "cooperation")
        // …and "co-responsibility" is printed hyphenated elsewhere, so the hyphen stays.
        let hyphenated = vocabulary("co-\nresponsibility; the co-responsibility of States")
        #expect(hyphenated.join("co-", "responsibility") == "co-responsibility")
    }

    @Test func aLineWithoutHyphenJoinsWithASpace() {
        #expect(vocabulary("").join("human", "rights") == "human rights")
        #expect(vocabulary("").join("returns", "— whether") == "returns — whether")
    }

    @Test func runningHeadsAndFeetAreDroppedAndTheSymbolKept() {
        let text = """
            1. The Committee met in Geneva and the Chair opened the session with a statement on the
            work of the Committee and its

            GE.21-10203 (E)

            E/C.12/2021/SR.5

            2

            working methods during the pandemic.

            2. The Committee adopted its agenda.
            """
        let document = DocumentReader().read(text: text, sourceName: "sr5.txt")
        #expect(document.symbol == "E/C.12/2021/SR.5")
        #expect(document.numbers == [1, 2])
        #expect(document.paragraph(numbered: 1)?.text
            == "The Committee met in Geneva and the Chair opened the session with a statement on the work of the Committee and its working methods during the pandemic.")
    }

    @Test func footnotesAtThePageFootAreSeparateParagraphs() {
        let text = """
            1. The Special Rapporteur presented a report to the Council.1 The report was
            discussed at length by the members of the Council and by

            1 See A/HRC/47/30, para. 12.
            2 Ibid.
             observers, who welcomed it.2

            2. The Council adopted its conclusions.
            """
        let document = DocumentReader().read(text: text, sourceName: "report.txt")
        #expect(document.body.map(\.text) == [
            "The Special Rapporteur presented a report to the Council. The report was discussed at length by the members of the Council and by observers, who welcomed it.",
            "The Council adopted its conclusions.",
        ])
        #expect(document.paragraphs.filter { $0.kind == .footnote }.map(\.text) == ["See A/HRC/47/30, para. 12.", "Ibid."])
    }

    @Test func anEmptyTextHasNoParagraphs() {
        let document = DocumentReader().read(text: "\n\n   \n", sourceName: "empty.txt")
        #expect(document.paragraphs.isEmpty)
        #expect(document.kind == .other)
    }
}
