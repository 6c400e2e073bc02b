import Testing
@testable import ConcordKit

@Suite struct DocumentResolverTests {
    let knowledgeBase: KnowledgeBase

    init() throws { knowledgeBase = try ExploreFixture.make().knowledgeBase }

    func paragraph(_ address: String) throws -> Paragraph {
        try knowledgeBase.read { db in try DocumentResolver().paragraph(address, in: db) }
    }

    @Test func aNumberIsTheOfficialParagraphNumberAndHashIsTheOrdinal() throws {
        #expect(try paragraph("900:2").ordinal == 3)
        #expect(try paragraph("900:¶2").ordinal == 3)
        #expect(try paragraph("900:#2").ordinal == 2)
        #expect(try paragraph("900:#1").paragraphKind == .heading)
    }

    @Test func everyWayOfNamingTheDocumentWorks() throws {
        for name in ["900", "900_fixture.txt", "900_fixture", "CMW/C/SR.999", "cmw/c/sr.999", ExploreFixture.document] {
            #expect(try paragraph("\(name):2").id == ExploreFixture.paragraphID(3), "\(name)")
        }
    }

    @Test func inADocumentWithoutNumbersANumberIsTheOrdinal() throws {
        #expect(try paragraph("901:2").id == ExploreFixture.paragraphID(2, of: ExploreFixture.unnumbered))
    }

    @Test func unknownDocumentsAndParagraphsAreClearErrors() throws {
        #expect(throws: GraphError.unknownDocument("999")) { try paragraph("999:1") }
        #expect(throws: GraphError.unknownParagraph("900:99")) { try paragraph("900:99") }
        #expect(throws: GraphError.unknownParagraph("900:#99")) { try paragraph("900:#99") }
        #expect(throws: GraphError.unknownParagraph("900")) { try paragraph("900") }
        // The heading has no official number, so 900:4 is not the fourth paragraph.
        #expect(throws: GraphError.unknownParagraph("900:4")) { try paragraph("900:4") }
    }

    @Test func seedsResolveByShortLabel() throws {
        let document = try knowledgeBase.read { db in try DocumentResolver().document("004", in: db) }
        #expect(document.sourceName.hasPrefix("004_"))
        #expect(try paragraph("004:#1").documentID == document.id)
    }
}
