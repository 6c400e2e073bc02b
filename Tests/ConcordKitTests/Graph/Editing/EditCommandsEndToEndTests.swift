import Foundation
import Testing
@testable import ConcordKit

/// The edit and annotate commands through the real `concord` binary, as a user runs them.
@Suite struct EditCommandsEndToEndTests {
    @Test func aSessionOfEditsAndNotes() throws {
        let path = try TestKnowledgeBase.seededCopyPath()
        let result = try ConcordProcess.run([
            "run", "--db", path, "--author", "ana",
            "add person \"Ana Example\"",
            "alias \"Ana Example\" AE",
            "set AE date 2019-04-02T10:00/2019-04-02T13:00",
            "set AE role rapporteur",
            "add body \"Office of Examples\"",
            "link AE represents \"Office of Examples\"",
            "note AE \"Ask about the 2019 report\"",
            "tag \"Office of Examples\" follow-up",
            "notes --json",
        ])
        #expect(result.status == 0, "\(result.errors)")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 10)
        let anaID = try #require(lines.first?.split(separator: "(").last?.dropLast()).description
        #expect(lines[0] == "added person Ana Example (\(anaID))")
        #expect(lines[1] == "added alias \"AE\" to Ana Example (\(anaID))")
        #expect(lines[2] == "set date of Ana Example (\(anaID)) to \"2019-04-02T10:00/2019-04-02T13:00\"")
        #expect(lines[3] == "set role of Ana Example (\(anaID)) to \"rapporteur\"")
        #expect(lines[5].hasPrefix("linked Ana Example (\(anaID)) represents Office of Examples (body:"))
        #expect(lines[6].hasPrefix("noted on Ana Example (\(anaID)) (annotation:"))
        #expect(lines[7].hasPrefix("tagged Office of Examples (body:"))
        #expect(lines[8].contains("\"author\":\"ana\",\"body\":\"follow-up\""))
        #expect(lines[9].contains("\"body\":\"Ask about the 2019 report\""))
        #expect(lines[9].contains("\"target\":\"\(anaID)\",\"target_kind\":\"entity\",\"target_name\":\"Ana Example\""))
    }

    @Test func aBadEditStopsTheRunWithOneClearErrorAndChangesNothing() throws {
        let path = try TestKnowledgeBase.seededCopyPath()
        let setup = try ConcordProcess.run(["run", "--db", path, "add event \"Example consultation\""])
        #expect(setup.status == 0, "\(setup.errors)")
        let failed = try ConcordProcess.run([
            "run", "--db", path, "set \"Example consultation\" date \"2 April 2019\"", "note \"Example consultation\" never",
        ])
        #expect(failed.status == 1)
        #expect(failed.output.isEmpty)
        #expect(failed.errors.hasPrefix("error: '2 April 2019' is not a date"))
        #expect(failed.errors.split(separator: "\n").count == 1)
        let knowledgeBase = try KnowledgeBase.open(path: path, author: "test")
        let state = try knowledgeBase.read { db in
            (try String.fetchOne(db, sql: "SELECT date FROM entities WHERE name = 'Example consultation'"),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM annotations"))
        }
        #expect(state.0 == nil && state.1 == 0)
        let unknown = try ConcordProcess.run(["run", "--db", path, "merge \"Example consultation\" \"Nobody Atall\""])
        #expect(unknown.status == 1)
        #expect(unknown.errors.hasPrefix("error: no entity matches 'Nobody Atall'"))
    }
}
