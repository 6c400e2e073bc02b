import Foundation
import Testing
@testable import ConcordKit

/// `ingest` reads plain text in any of the encodings a UN text arrives in, PDF (through
/// pdftotext), Word and HTML, and refuses what it cannot read with what to do.
@Suite struct DocumentFormatsTests {
    @Test func aSummaryRecordInUTF8KeepsItsNumberingAndLeavesTheTitlePageOut() throws {
        let (file, document) = try DocumentFixtures.parsed("CRC-C-SR.1845.txt")
        #expect(file.format == .text && file.warnings.isEmpty)
        #expect(document.kind == .summaryRecord)
        #expect(document.symbol == "CRC/C/SR.1845")
        #expect(document.title == "Summary record of the 1845th meeting")
        // "1.The Chairperson": no space after the number.
        #expect(document.numbers == [1, 2, 3])
        #expect(document.paragraph(numbered: 1)?.text.hasPrefix("The Chairperson, reading from the draft report") == true)
        for printed in ["Distr.: General", "Original: French", "Contents", "Closure of the session", "Chairperson:Ms. Sandberg", "English"] {
            #expect(!document.paragraphs.contains { $0.text == printed }, "\(printed) is title-page matter")
        }
        #expect(document.metadata.body == "Committee on the Rights of the Child")
        #expect(document.metadata.session == "Sixty-fourth session")
        #expect(document.metadata.meetingNumber == 1845)
        #expect(document.metadata.issueDate == "2013-11-20")
        #expect(document.metadata.meetingDate == "2013-10-04")
        #expect(document.metadata.language == "English")
        #expect(document.meetingStartedAt == "15:05")
    }

    @Test(arguments: ["CRC-C-SR.1845-utf8-bom.txt", "CRC-C-SR.1845-utf16.txt", "CRC-C-SR.1845-windows-1252.txt"])
    func everyEncodingReadsToTheSameText(name: String) throws {
        let utf8 = try DocumentFile.read(path: DocumentFixtures.path("CRC-C-SR.1845.txt"))
        let other = try DocumentFile.read(path: DocumentFixtures.path(name))
        #expect(other.text == utf8.text)
        #expect(other.text.contains("Committee’s report"))
        #expect(other.fileSHA256 != utf8.fileSHA256)
        if name.contains("1252") {
            #expect(other.warnings.count == 1 && other.warnings[0].contains("Windows-1252"))
        } else {
            #expect(other.warnings.isEmpty)
        }
    }

    @Test func windows1252BytesBecomeTheirCharactersNotMojibake() {
        let decoded = TextFileDecoding.decode(Data([0x93, 0x52, 0xE9, 0x73, 0x75, 0x6D, 0xE9, 0x94, 0x20, 0x80, 0x85]))
        #expect(decoded?.text == "“Résumé” €…")
        #expect(decoded?.convertedFrom == "Windows-1252")
        #expect(TextFileDecoding.decode(Data("Résumé".utf8))?.convertedFrom == nil)
    }

    @Test func utf16WithoutAByteOrderMarkIsRecognised() throws {
        let text = "1. The Committee’s report was adopted.\n"
        let little = try #require(text.data(using: .utf16LittleEndian))
        let big = try #require(text.data(using: .utf16BigEndian))
        #expect(TextFileDecoding.decode(little)?.text == text)
        #expect(TextFileDecoding.decode(big)?.text == text)
        #expect(TextFileDecoding.looksLikeUTF16(Data([0x41, 0x00, 0x42, 0x01, 0x02, 0x43, 0x00, 0x00])) == nil)
    }

    @Test(.enabled(if: DocumentFixtures.hasPDFToText, "pdftotext (Debian: poppler-utils) is not installed"))
    func aPDFIsReadThroughPDFToTextWithItsPageBreaksJoined() throws {
        let (file, document) = try DocumentFixtures.parsed("CRC-C-SR.1846.pdf")
        #expect(file.format == .pdf)
        #expect(file.fileSHA256 == StableID.sha256Hex(try Data(contentsOf: URL(fileURLWithPath: DocumentFixtures.path("CRC-C-SR.1846.pdf")))))
        try Self.expectSummaryRecord1846(document)
        // The page break falls inside paragraphs 1 and 3; the running head is not text.
        #expect(document.paragraph(numbered: 1)?.text
            == "The Chairperson declared open the sixty-fifth session of the Committee on the Rights of the Child.")
        #expect(document.paragraph(numbered: 3)?.text.hasSuffix("“Media, social networks and the rights of the child”.") == true)
        #expect(!document.paragraphs.contains { $0.text.contains("CRC/C/SR.1846") })
    }

    @Test func aWordFileKeepsItsAutomaticNumberingAndHeadings() throws {
        let (file, document) = try DocumentFixtures.parsed("CRC-C-SR.1846.docx")
        #expect(file.format == .docx)
        try Self.expectSummaryRecord1846(document)
        #expect(document.paragraph(numbered: 1)?.text
            == "The Chairperson declared open the sixty-fifth session of the Committee on the Rights of the Child.")
    }

    static func expectSummaryRecord1846(_ document: ParsedDocument) throws {
        #expect(document.kind == .summaryRecord)
        #expect(document.symbol == "CRC/C/SR.1846")
        #expect(document.numbers == [1, 2, 3])
        #expect(document.headings.contains("Statement by the United Nations High Commissioner for Human Rights"))
        #expect(document.metadata.meetingNumber == 1846)
        #expect(document.title == "Summary record (partial) of the 1846th meeting")
        #expect(document.metadata.issueDate == "2014-03-27")
        #expect(document.metadata.meetingDate == "2014-01-13")
        #expect(document.metadata.session == "Sixty-fifth session")
        #expect(document.metadata.language == "English")
        #expect(!document.paragraphs.contains { $0.text.hasPrefix("Distr.") || $0.text == "Contents" })
    }

    @Test func anHTMLPageKeepsTheDocumentAndDropsNavigationAndScripts() throws {
        let (file, document) = try DocumentFixtures.parsed("CCPR-C-SR.3307.html")
        #expect(file.format == .html)
        #expect(document.kind == .summaryRecord)
        #expect(document.symbol == "CCPR/C/SR.3307")
        #expect(document.metadata.body == "Human Rights Committee")
        #expect(document.metadata.session == "118th session")
        #expect(document.metadata.meetingNumber == 3307)
        #expect(document.metadata.meetingDate == "2016-10-18")
        #expect(document.metadata.issueDate == "2016-10-20")
        #expect(document.meetingStartedAt == "10:05")
        for foreign in ["OHCHR", "console.log", "Treaty bodies", "Contact us", "not text"] {
            #expect(!document.allText.contains(foreign), "\(foreign) is not part of the document")
        }
        #expect(document.body.contains { $0.text.hasPrefix("Mr. Politi asked whether judges could choose") })
    }

    @Test func filesThatCannotBeReadAreRefusedWithWhatToDo() throws {
        let folder = try TestKnowledgeBase.temporaryDirectory()
        try Data("{\\rtf1 text}".utf8).write(to: URL(fileURLWithPath: folder + "/old.rtf"))
        #expect(throws: IngestError.unsupportedFormat(path: folder + "/old.rtf")) { try DocumentFile.read(path: folder + "/old.rtf") }
        try Data("not a zip".utf8).write(to: URL(fileURLWithPath: folder + "/broken.docx"))
        #expect(throws: IngestError.self) { try DocumentFile.read(path: folder + "/broken.docx") }
        do {
            _ = try DocumentFile.read(path: folder + "/broken.docx")
        } catch let error as IngestError {
            guard case .unreadableFormat(_, .docx, _) = error else { throw error }
        }
        let noTool = PDFTextExtractor(environment: ["PATH": folder])
        #expect(throws: IngestError.pdfToolMissing(path: "x.pdf")) { try noTool.text(ofFile: "x.pdf") }
        #expect(IngestError.pdfToolMissing(path: "x.pdf").localizedDescription.contains("poppler-utils"))
        #expect(throws: IngestError.tooLarge(path: DocumentFixtures.path("A-RES-74-132.txt"), bytes: 964, limit: 900)) {
            try DocumentFile.read(path: DocumentFixtures.path("A-RES-74-132.txt"), maximumTextBytes: 900)
        }
        let message = IngestError.unsupportedFormat(path: "a.doc").localizedDescription
        #expect(message.contains(".doc files") && message.contains(".docx"))
    }
}
