import Foundation
import GRDB
@testable import ConcordKit

/// A small hand-made graph on top of the seeded knowledge base, for the explore tests.
///
/// The extracted graph is cleared (so its names cannot collide with these), and two
/// hand-made documents are added: `900` (a summary record with official paragraph
/// numbers and a heading) and `901` (no numbers). On them: a committee, OHCHR with a
/// duplicate merged into it, two people, a convention, three events, a State, a
/// deleted person, a deleted relation, notes and tags (one deleted).
enum ExploreFixture {
    static let committee = "body:0000000000000001"
    static let ohchr = "body:0000000000000002"
    static let ohchrDuplicate = "body:0000000000000003"
    static let landazuri = "person:0000000000000001"
    static let lewis = "person:0000000000000002"
    static let ghost = "person:0000000000000003"
    static let convention = "instrument:0000000000000001"
    static let meeting = "event:0000000000000001"
    static let session = "event:0000000000000002"
    static let consultation = "event:0000000000000003"
    static let mexico = "state:0000000000000001"
    static let document = "doc:f1x7000000000900"
    static let unnumbered = "doc:f1x7000000000901"

    static let paragraphs: [(ordinal: Int, number: Int?, kind: Paragraph.Kind, text: String)] = [
        (1, nil, .heading, "Opening of the session"),
        (2, 1, .text, "The Chairperson, Ms. Landázuri de Mora, opened the 999th meeting of the Committee on the Protection of the Rights of All Migrant Workers and Members of Their Families."),
        (3, 2, .text, "Mr. Lewis (OHCHR) said that the Office of the United Nations High Commissioner for Human Rights supported the Committee."),
        (4, 3, .text, "Mexico ratified the International Convention on the Protection of the Rights of All Migrant Workers."),
        (5, nil, .footnote, "See A/66/253."),
    ]

    /// A seeded knowledge base holding the fixture graph.
    static func make() throws -> (knowledgeBase: KnowledgeBase, path: String) {
        let (knowledgeBase, path) = try TestKnowledgeBase.seeded()
        // Straight to the database, past change capture: this builds the starting state of the
        // tests (clearing the extracted graph is a hard delete, which users' writes may not do).
        try knowledgeBase.database.write { db in
            for table in ["mentions", "relations", "aliases", "entity_attributes", "annotations"] {
                try db.execute(sql: "DELETE FROM \(table)")
            }
            try db.execute(sql: "UPDATE entities SET merged_into = NULL")
            try db.execute(sql: "DELETE FROM entities")
            try insertDocuments(db)
            try insertEntities(db)
            try insertRelations(db)
            try insertMentions(db)
            try insertAnnotations(db)
        }
        return (knowledgeBase, path)
    }

    static func paragraphID(_ ordinal: Int, of document: String = document) -> String {
        Paragraph.id(documentID: document, ordinal: ordinal)
    }

    private static func insertDocuments(_ db: Database) throws {
        try Document(
            id: document, sourceName: "900_fixture.txt", symbol: "CMW/C/SR.999", documentKind: .summaryRecord,
            title: "Summary record of the 999th meeting", dated: "2011-04-07", meetingStartedAt: "10:00", meetingEndedAt: "13:00",
            contentSHA256: String(repeating: "a", count: 64), characterCount: 500, ingestedAt: "2024-01-01T00:00:00Z"
        ).insert(db)
        for paragraph in paragraphs {
            try Paragraph(
                id: paragraphID(paragraph.ordinal), documentID: document, ordinal: paragraph.ordinal, number: paragraph.number,
                paragraphKind: paragraph.kind, section: paragraph.ordinal > 1 ? "Opening of the session" : nil, text: paragraph.text
            ).insert(db)
        }
        try Document(
            id: unnumbered, sourceName: "901_unnumbered.txt", symbol: nil, documentKind: .other, title: nil, dated: nil,
            meetingStartedAt: nil, meetingEndedAt: nil, contentSHA256: String(repeating: "b", count: 64), characterCount: 40,
            ingestedAt: "2024-01-01T00:00:00Z"
        ).insert(db)
        for ordinal in 1...3 {
            try Paragraph(
                id: paragraphID(ordinal, of: unnumbered), documentID: unnumbered, ordinal: ordinal, number: nil,
                paragraphKind: .text, section: nil, text: "Unnumbered paragraph \(ordinal)."
            ).insert(db)
        }
    }

    private static func insertEntities(_ db: Database) throws {
        let entities = [
            Entity(id: committee, kind: .body, name: "Committee on the Protection of the Rights of All Migrant Workers and Members of Their Families"),
            Entity(id: ohchr, kind: .body, name: "Office of the United Nations High Commissioner for Human Rights", place: "Geneva"),
            Entity(id: ohchrDuplicate, kind: .body, name: "UN Human Rights Office", summary: "Supports the treaty bodies."),
            Entity(id: landazuri, kind: .person, name: "Ms. Landázuri de Mora"),
            Entity(id: lewis, kind: .person, name: "Mr. Lewis", summary: "Representative of OHCHR"),
            Entity(id: ghost, kind: .person, name: "Mr. Ghost", isDeleted: true),
            Entity(id: convention, kind: .instrument, name: "International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families"),
            Entity(id: meeting, kind: .event, name: "999th meeting", date: "2011-04-07", place: "Geneva"),
            Entity(id: session, kind: .event, name: "fourteenth session", date: "2011-04-04/2011-04-08"),
            Entity(id: consultation, kind: .event, name: "informal consultation"),
            Entity(id: mexico, kind: .state, name: "Mexico"),
        ]
        for entity in entities { try entity.insert(db) }
        try db.execute(sql: "UPDATE entities SET merged_into = ? WHERE id = ?", arguments: [ohchr, ohchrDuplicate])
        let aliases = [
            (committee, "Committee on Migrant Workers"), (committee, "CMW"), (ohchr, "OHCHR"),
            (ohchrDuplicate, "the Office"), (convention, "the Convention"), (lewis, "Mr. Lewis"),
        ]
        for (entity, alias) in aliases { try Alias(entityID: entity, alias: alias).insert(db) }
        try EntityAttribute(entityID: ohchrDuplicate, name: "website", value: "https://www.ohchr.org").insert(db)
        try EntityAttribute(entityID: lewis, name: "role", value: "Representative").insert(db)
    }

    private static func insertRelations(_ db: Database) throws {
        let relations = [
            Relation(subjectID: lewis, predicate: .represents, objectID: ohchrDuplicate, paragraphID: paragraphID(3)),
            Relation(subjectID: landazuri, predicate: .chaired, objectID: meeting, paragraphID: paragraphID(2)),
            Relation(subjectID: meeting, predicate: .heldBy, objectID: committee, paragraphID: paragraphID(2)),
            Relation(subjectID: lewis, predicate: .spokeAt, objectID: meeting, paragraphID: paragraphID(3)),
            Relation(subjectID: mexico, predicate: .ratified, objectID: convention, paragraphID: paragraphID(4)),
            Relation(subjectID: ghost, predicate: .memberOf, objectID: committee, paragraphID: paragraphID(2)),
            Relation(subjectID: lewis, predicate: .memberOf, objectID: committee, paragraphID: paragraphID(3), isDeleted: true),
            Relation(subjectID: session, predicate: .heldBy, objectID: committee, paragraphID: nil),
            Relation(subjectID: consultation, predicate: .heldBy, objectID: ohchr, paragraphID: nil),
        ]
        for relation in relations { try relation.insert(db) }
    }

    private static func insertMentions(_ db: Database) throws {
        let mentions: [(String, Int, String)] = [
            (landazuri, 2, "Ms. Landázuri de Mora"), (meeting, 2, "999th meeting"),
            (committee, 2, "Committee on the Protection of the Rights of All Migrant Workers and Members of Their Families"),
            (lewis, 3, "Mr. Lewis"), (ohchr, 3, "OHCHR"),
            (ohchrDuplicate, 3, "Office of the United Nations High Commissioner for Human Rights"),
            (committee, 3, "Committee"), (mexico, 4, "Mexico"),
            (convention, 4, "International Convention on the Protection of the Rights of All Migrant Workers"),
        ]
        for (entity, ordinal, surface) in mentions {
            let text = paragraphs[ordinal - 1].text
            guard let range = text.range(of: surface, options: .backwards) else { fatalError("fixture text lacks \(surface)") }
            let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: range.lowerBound)
            try Mention(
                entityID: entity, paragraphID: paragraphID(ordinal), startOffset: start,
                endOffset: start + surface.unicodeScalars.count, surfaceText: surface
            ).insert(db)
        }
    }

    private static func insertAnnotations(_ db: Database) throws {
        let annotations = [
            Annotation(id: "note:0000000000000001", targetKind: .entity, targetID: ohchr, annotationKind: .note,
                       body: "Check the 2011 report.", author: "alice", createdAt: "2024-05-01T10:00:00Z"),
            Annotation(id: "note:0000000000000002", targetKind: .entity, targetID: ohchrDuplicate, annotationKind: .tag,
                       body: "priority", author: "bob", createdAt: "2024-05-02T09:00:00Z"),
            Annotation(id: "note:0000000000000003", targetKind: .entity, targetID: ohchr, annotationKind: .note,
                       body: "Withdrawn note.", author: "alice", createdAt: "2024-05-03T09:00:00Z", isDeleted: true),
        ]
        for annotation in annotations { try annotation.insert(db) }
    }
}
