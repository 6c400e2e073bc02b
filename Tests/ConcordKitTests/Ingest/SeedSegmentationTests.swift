import Foundation
import Testing
@testable import ConcordKit

/// How the five seed documents are cut into paragraphs (issue 2): counts,
/// official numbering, headings, footnotes, and what must never reach the text.
@Suite struct SeedSegmentationTests {
    @Test(arguments: [
        ("000", 14, 2, 2), ("001", 42, 2, 0), ("002", 44, 2, 0), ("003", 193, 36, 26), ("004", 115, 18, 14),
    ])
    func paragraphCounts(label: String, paragraphs: Int, headings: Int, footnotes: Int) throws {
        let document = try SeedDocuments.parsed(label)
        #expect(document.paragraphs.count == paragraphs)
        #expect(document.headings.count == headings)
        #expect(document.paragraphs.filter { $0.kind == .footnote }.count == footnotes)
        #expect(document.paragraphs.map(\.ordinal) == Array(1...document.paragraphs.count))
    }

    @Test(arguments: [("001", 38), ("002", 40)])
    func summaryRecordsAreNumberedOneToNWithoutGaps(label: String, last: Int) throws {
        let document = try SeedDocuments.parsed(label)
        #expect(document.numbers == Array(1...last))
        // Every printed "N." starting a paragraph of the source became a number.
        let source = try #require(SeedCorpus.files.first { $0.name.hasPrefix(label) }).text
        let printed = source.split(separator: "\n").filter { line in
            line.trimmingCharacters(in: .whitespaces).range(of: #"^\d{1,2}\.\s"#, options: .regularExpression) != nil
        }
        #expect(printed.count == last)
    }

    @Test func paragraphEighteenOfSeed001StartsMidBlockAfterAPageBreak() throws {
        let document = try SeedDocuments.parsed("001")
        let seventeen = try #require(document.paragraph(numbered: 17))
        let eighteen = try #require(document.paragraph(numbered: 18))
        #expect(seventeen.text.hasSuffix("could be categorized as enforced."))
        #expect(eighteen.text.hasPrefix("It was troubling that State authorities"))
    }

    @Test func reportsKeepTheirOwnNumberingIncludingTheGapTheSourcePrints() throws {
        let report = try SeedDocuments.parsed("003")
        // The source jumps from 51 to 53; nothing is invented, nothing is lost.
        #expect(report.numbers == Array(1...51) + Array(53...119))
        let ocr = try SeedDocuments.parsed("004")
        #expect(ocr.numbers == Array(1...36))
    }

    @Test func numbersAreRemovedFromTheText() throws {
        for document in SeedDocuments.all {
            for paragraph in document.paragraphs where paragraph.number != nil {
                #expect(paragraph.text.range(of: #"^\d+\."#, options: .regularExpression) == nil, "\(document.sourceName) ¶\(paragraph.ordinal)")
            }
        }
    }

    @Test func headingsAndTheSectionsUnderThem() throws {
        let record = try SeedDocuments.parsed("001")
        #expect(record.headings == ["Promotion of the Convention (continued)", "Informal meeting with States and other stakeholders"])
        #expect(record.paragraph(numbered: 1)?.section == "Informal meeting with States and other stakeholders")
        let withBookmark = try SeedDocuments.parsed("002")
        #expect(withBookmark.headings == ["Promotion of the Convention", "Meeting with States"])
        let report = try SeedDocuments.parsed("003")
        #expect(report.headings.contains("IV. Summary of information received on the implementation of General Assembly resolution 74/148"))
        #expect(report.paragraph(numbered: 29)?.section == "A. Albania")
        let ocr = try SeedDocuments.parsed("004")
        // States as sub-headings, including one printed as the first line of a page.
        #expect(["Qatar", "Portugal", "Spain", "Azerbaijan", "Slovakia"].allSatisfy(ocr.headings.contains))
        #expect(ocr.paragraphs.first { $0.text.hasPrefix("The Government reported the amendments introduced by Act LO 2/2009") }?.section == "Spain")
    }

    @Test func hyphenationIsRepairedOnlyWhereAWordWasBroken() throws {
        let record = try SeedDocuments.parsed("001")
        #expect(record.paragraph(numbered: 6)?.text.contains("a holistic, rights-based approach") == true)
        #expect(record.paragraph(numbered: 1)?.text.contains("(COVID-19) pandemic") == true)
        #expect(record.paragraph(numbered: 37)?.text.contains("the Inter-American Commission") == true)
        let ocr = try SeedDocuments.parsed("004")
        #expect(ocr.allText.contains("awareness-raising activities"))
        #expect(!ocr.allText.contains("- "), "no hyphen left dangling before a space")
    }

    @Test func pageFurnitureNeverReachesAParagraph() throws {
        let ocr = try SeedDocuments.parsed("004")
        #expect(ocr.symbol == "A/66/253")
        for paragraph in ocr.paragraphs {
            #expect(!paragraph.text.contains("A/66/253"))
            #expect(paragraph.text.range(of: #"\b11-44251\b"#, options: .regularExpression) == nil)
            #expect(paragraph.text.range(of: #"^\d{1,3}$"#, options: .regularExpression) == nil)
        }
        // Paragraphs a page break cut in two (with footnotes and running heads between) are whole again.
        #expect(ocr.allText.contains("complaints from migrants and can refer them to the concerned authorities."))
        #expect(ocr.allText.contains("information, services and transparency; employment;"))
        #expect(ocr.allText.contains("directed at a number of States concerning the protection of migrants."))
    }

    @Test func footnotesStandApartFromBodyText() throws {
        let ocr = try SeedDocuments.parsed("004")
        let footnotes = ocr.paragraphs.filter { $0.kind == .footnote }
        #expect(footnotes.compactMap(\.marker) == (1...14).map(String.init))
        #expect(footnotes[0].text.hasPrefix("Sect. Il includes responses to resolution 64/166"))
        for paragraph in ocr.body {
            #expect(!paragraph.text.contains("See A/HRC/"), "a footnote was glued into ¶\(paragraph.ordinal)")
        }
        // Reference numbers OCR glued to words are gone from the body.
        #expect(ocr.allText.contains("was welcomed by Member States.\n"))
        let exported = try SeedDocuments.parsed("003")
        #expect(!exported.allText.contains("[footnoteRef"))
        #expect(!exported.allText.contains("[bookmark"))
        let second = try #require(exported.paragraph(numbered: 2))
        #expect(second.text.hasSuffix("requesting information on the implementation of resolution 74/148."))
        let next = exported.paragraphs[second.ordinal]
        #expect(next.kind == .footnote && next.text.hasPrefix("The full texts of most submissions"))
    }

    @Test func textIsSingleSpacedAndTrimmed() throws {
        for document in SeedDocuments.all {
            for paragraph in document.paragraphs {
                #expect(!paragraph.text.isEmpty)
                #expect(!paragraph.text.contains("  ") && !paragraph.text.contains("\t") && !paragraph.text.contains("\n"))
                #expect(paragraph.text == paragraph.text.trimmingCharacters(in: .whitespaces))
            }
        }
        // Typographic characters are kept as printed.
        #expect(try SeedDocuments.parsed("002").allText.contains("Migrant workers’ rights"))
    }

    @Test func ocrWordSpacingIsMendedFromTheDocumentsOwnWords() throws {
        let ocr = try SeedDocuments.parsed("004")
        #expect(ocr.headings.contains("Information from Governments with regard to the implementation of General Assembly resolution 64/166"))
        #expect(ocr.headings.contains { $0.hasPrefix("Satus of the International Convention on the Protection of the Rights of All Migrant Workers and Members") })
        #expect(ocr.allText.contains("foreigners and stateless persons with residence in Portugal"))
        // Lettered sub-paragraphs whose letter OCR damaged: "(@)" → "(a)", "(9)" → "(g)".
        let recommendations = ocr.body.filter { $0.section == "Conclusions and recommendations" && $0.text.hasPrefix("(") }
        #expect(recommendations.map { String($0.text.prefix(3)) } == ["(a)", "(b)", "(c)", "(d)", "(e)", "(f)", "(g)"])
    }
}
