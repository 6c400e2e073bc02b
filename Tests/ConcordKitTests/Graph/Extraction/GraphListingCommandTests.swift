import Foundation
import GRDB
import Testing
@testable import ConcordKit

/// `entities` and `relations` on the seeded knowledge base: their JSON shapes, and
/// that merges read as redirects and deletes as tombstones.
@Suite struct GraphListingCommandTests {
    static let committee = "Committee on the Protection of the Rights of All Migrant Workers and Members of Their Families"

    struct EntityLine: Decodable {
        var id: String
        var kind: String
        var name: String
        var aliases: [String]
        var mentions: [MentionLine]
    }

    struct MentionLine: Decodable, Equatable {
        var document: String
        var paragraph: Int
        var number: Int?
    }

    struct RelationLine: Decodable, Hashable {
        var subject: String
        var predicate: String
        var object: String
        var document: String?
        var paragraph: Int?
    }

    func decode<T: Decodable>(_ output: String, as type: T.Type) throws -> [T] {
        try output.split(separator: "\n").map { try JSONDecoder().decode(T.self, from: Data($0.utf8)) }
    }

    @Test func entitiesJSONListsAliasesAndMentionedParagraphs() throws {
        let session = ExploreSession(knowledgeBase: try TestKnowledgeBase.seeded().knowledgeBase)
        let printed = session.run("entities --kind person --json")
        #expect(printed.succeeded)
        let people = try decode(printed.output, as: EntityLine.self)
        #expect(people.allSatisfy { $0.kind == "person" })
        let lewis = try #require(people.first { $0.name == "Benjamin Lewis" })
        #expect(lewis.aliases.contains("Mr. Lewis"))
        #expect(lewis.mentions.contains(MentionLine(document: "001_00b77f0ff9f3c736.txt", paragraph: 6, number: 3))
            || lewis.mentions.contains { $0.document == "001_00b77f0ff9f3c736.txt" && $0.number == 3 })
        #expect(printed.output.split(separator: "\n").first?.hasPrefix("{\"aliases\":") == true)
    }

    @Test func theTableIsAlignedToEightyColumns() throws {
        let session = ExploreSession(knowledgeBase: try TestKnowledgeBase.seeded().knowledgeBase)
        let printed = session.run("entities --kind state")
        let lines = printed.output.split(separator: "\n")
        #expect(lines.first?.hasPrefix("KIND") == true)
        #expect(lines.allSatisfy { $0.count <= 80 })
        #expect(lines.contains { $0.hasPrefix("state  Azerbaijan") })
        #expect(session.run("entities --kind planet").errors.contains("unknown kind 'planet'"))
    }

    @Test func relationsJSONNamesSubjectsObjectsAndParagraphs() throws {
        let session = ExploreSession(knowledgeBase: try TestKnowledgeBase.seeded().knowledgeBase)
        let relations = try decode(session.run("relations --predicate represents --json").output, as: RelationLine.self)
        #expect(relations.count >= 3)
        #expect(relations.allSatisfy { $0.predicate == "represents" && $0.document != nil && $0.paragraph != nil })
        let text = session.run("relations --predicate represents").output
        #expect(text.contains("Ms. Vakilova-Mardaliyeva"))
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test func mergedEntitiesShowUnderTheirTargetAndDeletedOnesDisappear() throws {
        let (knowledgeBase, _) = try TestKnowledgeBase.seeded()
        let (lewis, azerbaijan, mexico) = try knowledgeBase.read { db in
            (try EntityResolver().resolve("Benjamin Lewis", in: db),
             try EntityResolver().resolve("Azerbaijan", kind: .state, in: db),
             try EntityResolver().resolve("Mexico", kind: .state, in: db))
        }
        try knowledgeBase.write("merge Mexico into Azerbaijan, delete Benjamin Lewis") { db in
            try db.execute(sql: "UPDATE entities SET merged_into = ? WHERE id = ?", arguments: [azerbaijan.id, mexico.id])
            try db.execute(sql: "UPDATE entities SET is_deleted = 1 WHERE id = ?", arguments: [lewis.id])
        }
        let session = ExploreSession(knowledgeBase: knowledgeBase)
        let states = try decode(session.run("entities --kind state --json").output, as: EntityLine.self)
        #expect(!states.contains { $0.id == mexico.id })
        let merged = try #require(states.first { $0.id == azerbaijan.id })
        #expect(merged.aliases.contains("Mexico"))
        #expect(merged.mentions.contains { $0.document == "001_00b77f0ff9f3c736.txt" && $0.number == 26 })
        let people = try decode(session.run("entities --kind person --json").output, as: EntityLine.self)
        #expect(!people.contains { $0.id == lewis.id })
        let relations = try decode(session.run("relations --json").output, as: RelationLine.self)
        #expect(!relations.contains { $0.subject == lewis.id || $0.object == lewis.id })
        #expect(!relations.contains { $0.subject == mexico.id || $0.object == mexico.id })
        #expect(relations.contains { $0.predicate == "represents" && $0.object == azerbaijan.id && $0.paragraph != nil
            && $0.document == "001_00b77f0ff9f3c736.txt" })
    }
}
