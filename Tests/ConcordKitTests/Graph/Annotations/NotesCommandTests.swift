import Foundation
import GRDB
import Testing
@testable import ConcordKit

@Suite struct NotesCommandTests {
    /// Three annotations with fixed times, so listings are stable.
    private func annotated() throws -> EditingFixture {
        let fixture = try EditingFixture()
        let paragraph = try #require(try fixture.knowledgeBase.read { db in
            try Paragraph.fetchOne(db, sql: "SELECT * FROM paragraphs WHERE number IS NOT NULL ORDER BY document_id, ordinal LIMIT 1")
        })
        let rows = [
            Annotation(id: "annotation:1", targetKind: .entity, targetID: fixture.ana.id, annotationKind: .note,
                       body: "Ask about the 2019 report on examples, which she presented to the Committee in April", author: "ana",
                       createdAt: "2026-01-02T10:00:00Z"),
            Annotation(id: "annotation:2", targetKind: .paragraph, targetID: paragraph.id, annotationKind: .tag,
                       body: "follow-up", author: "ben", createdAt: "2026-01-03T09:30:00Z"),
            Annotation(id: "annotation:3", targetKind: .entity, targetID: fixture.office.id, annotationKind: .tag,
                       body: "follow-up", author: "ana", createdAt: "2026-01-01T08:00:00Z"),
            Annotation(id: "annotation:4", targetKind: .entity, targetID: fixture.ben.id, annotationKind: .note,
                       body: "removed", author: "ana", createdAt: "2026-01-04T08:00:00Z", isDeleted: true),
        ]
        try fixture.knowledgeBase.write("test: annotations") { db in for row in rows { try row.insert(db) } }
        return fixture
    }

    private func address(_ fixture: EditingFixture) throws -> (String, Paragraph) {
        try fixture.knowledgeBase.read { db in
            let targetID = try #require(try String.fetchOne(db, sql: "SELECT target_id FROM annotations WHERE id = 'annotation:2'"))
            let paragraph = try #require(try Paragraph.fetchOne(db, key: targetID))
            let document = try #require(try Document.fetchOne(db, key: paragraph.documentID))
            return ("\(DocumentLabel.short(document.sourceName)):\(try #require(paragraph.number))", paragraph)
        }
    }

    @Test func listsNewestFirstAlignedAndWrapped() throws {
        let fixture = try annotated()
        let (address, _) = try address(fixture)
        let result = fixture.run("notes", width: 80)
        let pad = String(repeating: " ", count: max(0, 18 - address.count))
        let indent = String(repeating: " ", count: 16 + 2 + 3 + 2 + 18 + 2)
        #expect(result.output == """
            2026-01-03 09:30  ben  \(address)\(pad)  #follow-up
            2026-01-02 10:00  ana  Ana Example\(String(repeating: " ", count: 7))  Ask about the 2019 report on
            \(indent)examples, which she presented to the
            \(indent)Committee in April
            2026-01-01 08:00  ana  Office of Examples  #follow-up

            """)
    }

    @Test func filtersByTargetTagAndAuthor() throws {
        let fixture = try annotated()
        let (address, _) = try address(fixture)
        func ids(_ line: String) -> [String] {
            fixture.run(line + " --json").output.split(separator: "\n").compactMap {
                (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["id"] as? String
            }
        }
        #expect(ids("notes") == ["annotation:2", "annotation:1", "annotation:3"])
        #expect(ids("notes --tag follow-up") == ["annotation:2", "annotation:3"])
        #expect(ids("notes --author ANA") == ["annotation:1", "annotation:3"])
        #expect(ids("notes --author ana --tag '#follow-up'") == ["annotation:3"])
        #expect(ids("notes OoE") == ["annotation:3"])
        #expect(ids("notes \(address)") == ["annotation:2"])
        #expect(fixture.run("notes --author nobody").output == "no notes or tags match\n")
    }

    @Test func jsonShapeIsStable() throws {
        let fixture = try annotated()
        let (_, paragraph) = try address(fixture)
        let (address, _) = try address(fixture)
        let lines = fixture.run("notes --tag follow-up --json").output.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines[0] == """
            {"author":"ben","body":"follow-up","created_at":"2026-01-03T09:30:00Z","document":"\(paragraph.documentID)",\
            "id":"annotation:2","kind":"tag","number":\(paragraph.number ?? -1),"paragraph":\(paragraph.ordinal),\
            "target":"\(paragraph.id)","target_kind":"paragraph","target_name":"\(address)"}
            """)
        #expect(lines[1] == """
            {"author":"ana","body":"follow-up","created_at":"2026-01-01T08:00:00Z","document":null,"id":"annotation:3",\
            "kind":"tag","number":null,"paragraph":null,"target":"\(fixture.office.id)","target_kind":"entity",\
            "target_name":"Office of Examples"}
            """)
    }

    @Test func notesOfDeletedEntitiesAreHidden() throws {
        let fixture = try annotated()
        _ = try fixture.entityEditor.delete("Office of Examples")
        let listed = try fixture.annotationStore.notes(matching: NotesFilter())
        #expect(listed.map(\.annotation.id) == ["annotation:2", "annotation:1"])
    }
}
