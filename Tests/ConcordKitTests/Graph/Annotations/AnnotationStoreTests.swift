import GRDB
import Testing
@testable import ConcordKit

@Suite struct AnnotationStoreTests {
    private func paragraph(_ fixture: EditingFixture, numbered: Bool) throws -> (Paragraph, String) {
        try fixture.knowledgeBase.read { db in
            let paragraph = try #require(try Paragraph.fetchOne(
                db, sql: "SELECT * FROM paragraphs WHERE number IS \(numbered ? "NOT" : "") NULL ORDER BY document_id, ordinal LIMIT 1"))
            let document = try #require(try Document.fetchOne(db, key: paragraph.documentID))
            let label = DocumentLabel.short(document.sourceName)
            return (paragraph, paragraph.number.map { "\(label):\($0)" } ?? "\(label):#\(paragraph.ordinal)")
        }
    }

    @Test func notesAttachToEntitiesParagraphsAndRelations() throws {
        let fixture = try EditingFixture()
        let (numbered, address) = try paragraph(fixture, numbered: true)
        let link = try fixture.relationEditor.link(fixture.ana.id, "represents", fixture.office.id)
        let result = fixture.run(
            "note \"Ana Example\" \"Ask about the 2019 report\"",
            "note \(address) check the figures",
            "note \(link.relationID) \"since 2018\"")
        #expect(result.succeeded, "\(result.errors)")
        let notes = try fixture.knowledgeBase.read { db in try Annotation.fetchAll(db, sql: "SELECT * FROM annotations ORDER BY rowid") }
        #expect(notes.map(\.targetKind) == [.entity, .paragraph, .relation])
        #expect(notes.map(\.targetID) == [fixture.ana.id, numbered.id, link.relationID])
        #expect(notes.map(\.body) == ["Ask about the 2019 report", "check the figures", "since 2018"])
        #expect(notes.allSatisfy { $0.author == "ana" && $0.annotationKind == .note && $0.id.hasPrefix("annotation:") })
        #expect(Set(notes.map(\.id)).count == 3)
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0] == "noted on Ana Example (\(fixture.ana.id)) (\(notes[0].id))")
        #expect(lines[1] == "noted on \(address) (\(notes[1].id))")
        #expect(lines[2] == "noted on Ana Example represents Office of Examples (\(notes[2].id))")
    }

    @Test func unquotedWordsAndLeadingDashesAreText() throws {
        let fixture = try EditingFixture()
        let result = fixture.run("note \"Ana Example\" -5 percent, see p. 3", "set \"Ana Example\" summary -- a dash")
        #expect(result.succeeded, "\(result.errors)")
        let note = try fixture.knowledgeBase.read { db in try String.fetchOne(db, sql: "SELECT body FROM annotations") }
        #expect(note == "-5 percent, see p. 3")
        #expect(try fixture.stored(fixture.ana.id)?.summary == "-- a dash")
    }

    @Test func paragraphAddressesByOrdinalWork() throws {
        let fixture = try EditingFixture()
        let (paragraph, _) = try paragraph(fixture, numbered: true)
        let label = try fixture.knowledgeBase.read { db in
            DocumentLabel.short(try #require(try Document.fetchOne(db, key: paragraph.documentID)).sourceName)
        }
        let added = try fixture.annotationStore.note("\(label):#\(paragraph.ordinal)", text: "by ordinal")
        #expect(added.annotation.targetID == paragraph.id)
    }

    @Test func badTargetsAndEmptyTextAreRefused() throws {
        let fixture = try EditingFixture()
        let (_, address) = try paragraph(fixture, numbered: true)
        let document = String(address.split(separator: ":")[0])
        #expect(try fixture.failure("note \(document):99999 text").contains("no paragraph '\(document):99999'"))
        #expect(try fixture.failure("note nosuchdoc:3 text").contains("no document matches 'nosuchdoc'"))
        #expect(try fixture.failure("note relation:0123456789abcdef text").contains("no relation 'relation:0123456789abcdef'"))
        #expect(try fixture.failure("note \"Ana Exampel\" text").contains("did you mean Ana Example"))
        #expect(try fixture.failure("note \"Ana Example\" \"  \"").contains("the note is empty"))
        #expect(try fixture.failure("tag \"Ana Example\" \"two words\"").contains("is not a tag"))
    }

    @Test func tagsAreAddedOnceAndRemovedAsTombstones() throws {
        let fixture = try EditingFixture()
        let first = fixture.run("tag \"Ana Example\" follow-up")
        #expect(first.output == "tagged Ana Example (\(fixture.ana.id)) follow-up\n")
        let before = try fixture.contents()
        let again = fixture.run("tag \(fixture.ana.id) \"#Follow-Up\"")
        #expect(again.output.contains("is already tagged Follow-Up (by ana); nothing changed"))
        #expect(try fixture.contents() == before)
        let removed = fixture.run("untag 'ana example' FOLLOW-UP")
        #expect(removed.output == "removed tag FOLLOW-UP from Ana Example (\(fixture.ana.id))\n")
        let rows = try fixture.knowledgeBase.read { db in try Annotation.fetchAll(db, sql: "SELECT * FROM annotations") }
        #expect(rows.count == 1 && rows[0].isDeleted)
        #expect(try fixture.failure("untag \"Ana Example\" follow-up").contains("has no tag 'follow-up'"))
    }

    @Test func annotationsOfAMergedDuplicateShowUnderTheSurvivor() throws {
        let fixture = try EditingFixture()
        let duplicate = try fixture.entityEditor.add(kind: "person", name: "A. Example").entity
        _ = try fixture.annotationStore.tag(duplicate.id, tag: "unsure")
        _ = try fixture.annotationStore.note(duplicate.id, text: "from the 2019 list")
        _ = try fixture.entityEditor.merge(fixture.ana.id, duplicate.id)
        let listed = try fixture.annotationStore.notes(matching: NotesFilter(target: "Ana Example"))
        #expect(listed.map(\.annotation.body) == ["from the 2019 list", "unsure"])
        #expect(listed.allSatisfy { $0.targetID == fixture.ana.id && $0.targetName == "Ana Example" })
        // The duplicate's tag is the survivor's: untag through the survivor removes it.
        _ = try fixture.annotationStore.untag("Ana Example", tag: "unsure")
        #expect(try fixture.annotationStore.notes(matching: NotesFilter(tag: "unsure")).isEmpty)
    }
}
