import Testing
@testable import ConcordKit

@Suite struct GraphWalkTests {
    let knowledgeBase: KnowledgeBase

    init() throws { knowledgeBase = try ExploreFixture.make().knowledgeBase }

    func entity(_ id: String) throws -> Entity {
        try knowledgeBase.read { db in try EntityResolver().resolve(id, in: db) }
    }

    @Test func depthLimitsTheNeighbourhood() throws {
        let lewis = try entity(ExploreFixture.lewis)
        let one = try knowledgeBase.read { db in try GraphWalk().neighbours(of: lewis, depth: 1, in: db) }
        #expect(one.map(\.entity.id) == [ExploreFixture.ohchr, ExploreFixture.meeting])
        let two = try knowledgeBase.read { db in try GraphWalk().neighbours(of: lewis, depth: 2, in: db) }
        #expect(Set(two.map(\.entity.id)) == [
            ExploreFixture.ohchr, ExploreFixture.meeting, ExploreFixture.consultation, ExploreFixture.landazuri, ExploreFixture.committee,
        ])
        #expect(two.filter { $0.depth == 2 }.count == 3)
    }

    @Test func deletedRelationsAndEntitiesAreNotCrossed() throws {
        let committee = try entity(ExploreFixture.committee)
        let reached = try knowledgeBase.read { db in try GraphWalk().neighbours(of: committee, depth: 1, in: db) }
        // Mr. Ghost is deleted and Mr. Lewis's member_of is deleted.
        #expect(Set(reached.map(\.entity.id)) == [ExploreFixture.meeting, ExploreFixture.session])
    }

    @Test func pathIsShortestAndBoundedByDepth() throws {
        let landazuri = try entity(ExploreFixture.landazuri), ohchr = try entity(ExploreFixture.ohchr)
        let path = try knowledgeBase.read { db in try GraphWalk().path(from: landazuri, to: ohchr, depth: 6, in: db) }
        #expect(path?.map(\.predicate) == ["chaired", "spoke_at", "represents"])
        #expect(path?.map(\.direction) == [.out, .in, .out])
        let tooShort = try knowledgeBase.read { db in try GraphWalk().path(from: landazuri, to: ohchr, depth: 2, in: db) }
        #expect(tooShort == nil)
        let mexico = try entity(ExploreFixture.mexico)
        #expect(try knowledgeBase.read { db in try GraphWalk().path(from: mexico, to: ohchr, depth: 8, in: db) } == nil)
    }

    @Test func aRelationRecordedOnAMergedEntityCountsForItsTarget() throws {
        // Mr. Lewis represents the duplicate, which was merged into OHCHR.
        let ohchr = try entity("OHCHR")
        let reached = try knowledgeBase.read { db in try GraphWalk().neighbours(of: ohchr, depth: 1, in: db) }
        #expect(reached.contains { $0.entity.id == ExploreFixture.lewis && $0.steps[0].direction == .in })
    }
}
