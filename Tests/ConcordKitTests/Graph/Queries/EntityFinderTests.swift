import Testing
@testable import ConcordKit

@Suite struct EntityFinderTests {
    let knowledgeBase: KnowledgeBase

    init() throws { knowledgeBase = try ExploreFixture.make().knowledgeBase }

    func find(_ text: String, kind: EntityKind? = nil) throws -> [EntityFinder.Match] {
        try knowledgeBase.read { db in try EntityFinder().find(text, kind: kind, in: db) }
    }

    @Test func accentsAreForgiven() throws {
        let matches = try find("Landazuri")
        #expect(matches.map(\.entity.id) == [ExploreFixture.landazuri])
        #expect(matches.first?.quality == .wordPrefix)
    }

    @Test func ocrSpacingAndLetterErrorsStillFindTheCommitteeAndTheConvention() throws {
        let ids = try find("Workersand Membersof Thelr Families").map(\.entity.id)
        #expect(Set(ids) == [ExploreFixture.committee, ExploreFixture.convention])
    }

    @Test func aTypoFindsTheName() throws {
        let matches = try find("Lewsi")
        #expect(matches.first?.entity.id == ExploreFixture.lewis)
        #expect(matches.first?.quality == .fuzzy)
    }

    @Test func rankingPutsExactBeforePrefixBeforeWordBeforeFuzzy() throws {
        let matches = try find("the")
        #expect(matches.map(\.quality) == matches.map(\.quality).sorted())
        #expect(try find("OHCHR").first?.quality == .exact)
        #expect(try find("Office of the").first?.quality == .prefix)
    }

    @Test func mergedNamesFindTheEntityTheyWereMergedIntoAndDeletedOnesAreHidden() throws {
        let matches = try find("UN Human Rights Office")
        #expect(matches.first?.entity.id == ExploreFixture.ohchr)
        #expect(matches.first?.matchedName == "UN Human Rights Office")
        #expect(try find("Ghost").isEmpty)
    }

    @Test func kindRestrictsTheResults() throws {
        #expect(try find("Migrant Workers", kind: .instrument).map(\.entity.id) == [ExploreFixture.convention])
    }
}
