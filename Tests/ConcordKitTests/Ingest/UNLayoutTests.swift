import Testing
@testable import ConcordKit

/// The reader on layouts the seeds do not show: hard-wrapped text without blank lines,
/// sub-paragraphs, a page break inside a hyphenated word, and title pages.
@Suite struct UNLayoutTests {
    @Test func hardWrappedConcludingObservationsSplitByNumberingHeadingsAndSubParagraphs() throws {
        let (_, document) = try DocumentFixtures.parsed("CERD-C-PHL-CO-21-25.txt")
        #expect(document.kind == .concludingObservations)
        #expect(document.symbol == "CERD/C/PHL/CO/21-25")
        #expect(document.title == "Concluding observations on the combined twenty-first to twenty-fifth periodic reports of the Philippines")
        #expect(document.metadata.body == "Committee on the Elimination of Racial Discrimination")
        #expect(document.metadata.issueDate == "2023-05-23")
        #expect(document.metadata.language == "English")
        #expect(document.numbers == [1, 2, 3, 4])
        #expect(document.headings == ["A. Introduction", "B. Positive aspects"])
        let lettered = document.body.filter { $0.text.hasPrefix("(") }.map { String($0.text.prefix(3)) }
        #expect(lettered == ["(a)", "(b)", "(c)", "(d)", "(e)"])
        #expect(document.body.first { $0.text.hasPrefix("(a)") }?.text
            == "(a) Republic Act No. 10353, the Anti-Enforced or Involuntary Disappearance Act of 2012;")
        // "del-" at the foot of one page, "egation" at the top of the next, page number and running head between.
        #expect(document.paragraph(numbered: 2)?.text.contains("wishes to thank the delegation for the information") == true)
        #expect(!document.paragraphs.contains { $0.text == "2" || $0.text.contains("CERD/C/PHL/CO/21-25") })
    }

    @Test func aHardWrappedResolutionSplitsIntoItsClauses() throws {
        let (_, document) = try DocumentFixtures.parsed("A-RES-74-132.txt")
        #expect(document.kind == .resolution)
        #expect(document.symbol == "A/RES/74/132")
        #expect(document.title == "Report of the Human Rights Council")
        #expect(document.metadata.body == "General Assembly")
        #expect(document.metadata.meetingDate == "2019-12-18")
        let openings = document.body.map { $0.text.split(separator: " ").prefix(2).joined(separator: " ") }
        #expect(Array(openings.prefix(5)) == ["The General", "Recalling its", "Recalling also", "Having considered", "Takes note"])
        #expect(document.body[1].text.hasSuffix("65/281 of 17 June 2011 on the review of the Council,"))
        #expect(document.body[4].text.hasSuffix("and its recommendations."))
    }

    @Test(arguments: [("12.The Chair said so.", 12), ("3.Ms. Pillay said so.", 3), ("7.“Decides” was read.", 7)])
    func aNumberWithoutASpaceStillNumbersTheParagraph(text: String, number: Int) {
        #expect(LineShape.leadingNumber(text)?.number == number)
    }

    @Test(arguments: ["1.5 million migrants", "5.UN agencies", "2.A", "12.the"])
    func numbersThatAreNotParagraphNumbers(text: String) {
        #expect(LineShape.leadingNumber(text) == nil)
    }

    @Test func pleaseRecycleAndJobNumbersAreNotParagraphs() {
        let text = """
            United Nations\tE/C.12/GC/99
            Distr.: General
            1 March 2021
            Original: English
            Committee on Economic, Social and Cultural Rights
            General comment No. 99 on an example

            1. The Committee adopts the present general comment.
            GE.21-02345(E)
            Please recycle
            2. It applies to all States parties.
            """
        let document = DocumentReader().read(text: text, sourceName: "gc.txt")
        #expect(document.kind == .generalComment)
        #expect(document.numbers == [1, 2])
        #expect(document.paragraphs.count == 2)
        #expect(document.title == "General comment No. 99 on an example")
    }
}

/// A text with no line breaks at all is read in bounded pieces, so extraction stays linear in its length.
@Suite struct LongParagraphTests {
    @Test func anOverlongParagraphIsCutAtSentenceEndsIntoBoundedPieces() {
        let sentence = "The Committee welcomes the report of the State party [of 2011]. "
        let text = String(repeating: sentence, count: 2_000)
        let pieces = LongParagraphSplitter.pieces(of: text, limit: 5_000)
        #expect(pieces.count > 20)
        #expect(pieces.allSatisfy { $0.utf8.count <= 5_000 && $0.hasSuffix("[of 2011].") })
        #expect(pieces.joined(separator: " ") == Whitespace.collapse(text))
    }

    @Test func aOneLineDocumentKeepsAllItsTextInPieces() {
        let sentence = "Mr. Salama (OHCHR) said that migrants had rights; the [meeting went on. "
        let text = String(repeating: sentence, count: 1_000)
        let document = DocumentReader().read(text: text, sourceName: "one-line.txt")
        #expect(document.paragraphs.count > 1)
        #expect(document.paragraphs.allSatisfy { $0.text.utf8.count <= LongParagraphSplitter.limit })
        #expect(document.paragraphs.map(\.text).joined(separator: " ") == Whitespace.collapse(text))
    }

    @Test func aCutWithoutSpacesStaysOnACharacterBoundary() {
        let text = String(repeating: "é", count: 6_000)
        let pieces = LongParagraphSplitter.pieces(of: text, limit: 1_001)
        #expect(pieces.joined() == text)
        #expect(pieces.allSatisfy { $0.utf8.count <= 1_001 })
    }
}

/// The kind a title page says, by its title or its symbol.
@Suite struct DocumentKindTests {
    @Test(arguments: [
        ("Summary record of the 452nd meeting", DocumentKind.summaryRecord),
        ("Concluding observations on the initial report of Ghana", .concludingObservations),
        ("List of issues in relation to the second periodic report of Mexico", .listOfIssues),
        ("General comment No. 25 (2020) on science", .generalComment),
        ("General recommendation No. 37", .generalComment),
        ("Note by the Secretariat", .secretariatNote),
        ("Report of the Special Rapporteur on the human rights of migrants", .report),
    ])
    func byTitle(title: String, kind: DocumentKind) {
        #expect(FrontMatter.kind(ofTitle: title) == kind)
    }

    @Test(arguments: [
        ("CMW/C/SR.452", DocumentKind.summaryRecord), ("CMW/C/GHA/CO/1", .concludingObservations),
        ("CMW/C/MEX/QPR/4", .listOfIssues), ("E/C.12/GC/25", .generalComment), ("A/RES/74/148", .resolution),
        ("A/HRC/DEC/45/115", .decision),
    ])
    func bySymbol(symbol: String, kind: DocumentKind) {
        #expect(FrontMatter.kind(ofSymbol: symbol) == kind)
    }

    @Test func aDecisionAdoptedByTheCouncil() {
        let text = """
            A/HRC/DEC/45/115
            Decision adopted by the Human Rights Council on 6 October 2020
            45/115. Outcome of the universal periodic review: Example
            The Human Rights Council,
            Acting in compliance with its mandate,
            Adopts the outcome of the universal periodic review.
            """
        let document = DocumentReader().read(text: text, sourceName: "dec.txt")
        #expect(document.kind == .decision)
        #expect(document.metadata.body == "Human Rights Council")
        #expect(document.metadata.meetingDate == "2020-10-06")
        #expect(document.title == "Outcome of the universal periodic review: Example")
    }
}

/// Title pages of reports: a Contents table with column headings ends where its first entry comes again.
@Suite struct ReportTitlePageTests {
    @Test func theContentsTableEndsAtItsFirstEntryRepeatedAsAHeading() {
        let text = """
            United Nations A/75/999
            General Assembly Distr.: General
            3 August 2020
            Original: English
            Seventy-fifth session
            Item 72 (b) of the provisional agenda
            Protection of migrants
            Report of the Secretary-General
            Contents
            Paragraphs Page
            I. Introduction ...................... 1–2 3
            II. Activities ....................... 3 4

            I. Introduction

            1. The present report is submitted pursuant to resolution 74/148.

            II. Activities

            2. The Office continued its work.
            """
        let document = DocumentReader().read(text: text, sourceName: "a75999.txt")
        #expect(document.kind == .report)
        #expect(document.symbol == "A/75/999")
        #expect(document.title == "Protection of migrants")
        #expect(document.metadata.session == "Seventy-fifth session")
        #expect(document.metadata.issueDate == "2020-08-03")
        #expect(document.headings == ["I. Introduction", "II. Activities"])
        #expect(document.numbers == [1, 2])
    }

    @Test func aBodyLineThatNamesTheUnitedNationsIsKept() {
        let text = """
            Distr.: General
            United Nations agencies, funds and programmes were invited to contribute to the report.
            """
        let document = DocumentReader().read(text: text, sourceName: "un.txt")
        #expect(document.paragraphs.map(\.text) == ["United Nations agencies, funds and programmes were invited to contribute to the report."])
    }
}
