import GRDB
import Testing
@testable import ConcordKit

/// Around a hub, a neighbourhood follows at most ``GraphWalk/followLimit`` of its relations and says so.
@Suite struct GraphWalkHubTests {
    static let hub = "event:00000000000000aa"
    static let visitor = "person:00000000000000bb"

    /// A meeting with `speakers` people who spoke at it, and one more person who chaired it.
    static func hubGraph(speakers: Int) throws -> KnowledgeBase {
        let knowledgeBase = try TestKnowledgeBase.empty()
        try knowledgeBase.database.write { db in
            try Entity(id: hub, kind: .event, name: "Busy meeting").insert(db)
            try Entity(id: visitor, kind: .person, name: "Ms. Chair").insert(db)
            try Relation(subjectID: visitor, predicate: .chaired, objectID: hub, paragraphID: nil).insert(db)
            for number in 0..<speakers {
                let id = "person:" + String(format: "%016x", number + 1)
                try Entity(id: id, kind: .person, name: "Speaker \(number)").insert(db)
                try Relation(subjectID: id, predicate: .spokeAt, objectID: hub, paragraphID: nil).insert(db)
            }
        }
        return knowledgeBase
    }

    @Test func aHubBeyondTheFirstStepIsFollowedOnlyUpToTheLimitAndNamedInTheNote() throws {
        let knowledgeBase = try Self.hubGraph(speakers: GraphWalk.followLimit + 10)
        let neighbourhood = try knowledgeBase.read { db in
            try GraphWalk().neighbourhood(of: try EntityResolver().resolve(Self.visitor, in: db), depth: 2, in: db)
        }
        #expect(neighbourhood.reached.first?.entity.id == Self.hub)
        // Of the hub's first 50 relations (chaired sorts first), one leads back to the start.
        #expect(neighbourhood.reached.filter { $0.depth == 2 }.count == GraphWalk.followLimit - 1)
        #expect(neighbourhood.cutEntities.map(\.id) == [Self.hub])
        let note = LinksRenderer.cutNote(neighbourhood)
        #expect(note?.contains("only \(GraphWalk.followLimit) relations followed from Busy meeting") == true)
    }

    @Test func theStartsOwnRelationsAreAllListedAndASmallNeighbourhoodIsComplete() throws {
        let knowledgeBase = try Self.hubGraph(speakers: GraphWalk.followLimit + 10)
        let (fromHub, small) = try knowledgeBase.read { db in
            let hub = try EntityResolver().resolve(Self.hub, in: db)
            let speaker = try EntityResolver().resolve("person:0000000000000001", in: db)
            return (try GraphWalk().neighbourhood(of: hub, depth: 1, in: db), try GraphWalk().neighbourhood(of: speaker, depth: 1, in: db))
        }
        #expect(fromHub.reached.count == GraphWalk.followLimit + 11)
        #expect(fromHub.isComplete)
        #expect(small.reached.map(\.entity.id) == [Self.hub])
        #expect(LinksRenderer.cutNote(small) == nil)
    }

    @Test func theLinksCommandPrintsTheNoteUnderTheListing() throws {
        let knowledgeBase = try Self.hubGraph(speakers: GraphWalk.followLimit + 1)
        let lines = CollectedLines()
        let console = Console(isTerminal: false, usesColor: false, width: 200, sink: { lines.all.append($0) })
        let (start, neighbourhood) = try knowledgeBase.read { db in
            let start = try EntityResolver().resolve(Self.visitor, in: db)
            return (start, try GraphWalk().neighbourhood(of: start, depth: 2, in: db))
        }
        try LinksRenderer(console: console, json: false).render(neighbourhood, from: start, depth: 2)
        #expect(lines.all.last?.hasPrefix("(only \(GraphWalk.followLimit) relations followed from Busy meeting") == true)
    }
}

/// Lines a test console received.
final class CollectedLines: @unchecked Sendable {
    var all: [String] = []
}
