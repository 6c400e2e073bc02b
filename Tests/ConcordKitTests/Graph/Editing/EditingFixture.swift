import Foundation
import GRDB
@testable import ConcordKit

/// A seeded knowledge base with a few hand-made entities, and a session to run
/// REPL lines against it with their output captured, for the edit and annotate tests.
///
/// The entities are added with ``EntityEditor`` itself, so the tests do not depend
/// on what extraction happens to find in the seeds.
struct EditingFixture {
    let knowledgeBase: KnowledgeBase
    let path: String
    /// person "Ana Example"
    let ana: Entity
    /// body "Office of Examples", alias "OoE"
    let office: Entity
    /// person "Ben Sample"
    let ben: Entity

    init() throws {
        let (knowledgeBase, path) = try TestKnowledgeBase.seeded(author: "ana")
        self.knowledgeBase = knowledgeBase
        self.path = path
        let editor = EntityEditor(knowledgeBase: knowledgeBase)
        ana = try editor.add(kind: "person", name: "Ana Example").entity
        office = try editor.add(kind: "body", name: "Office of Examples").entity
        _ = try editor.alias(office.id, alias: "OoE")
        ben = try editor.add(kind: "person", name: "Ben Sample").entity
    }

    var entityEditor: EntityEditor { EntityEditor(knowledgeBase: knowledgeBase) }
    var relationEditor: RelationEditor { RelationEditor(knowledgeBase: knowledgeBase) }
    var annotationStore: AnnotationStore { AnnotationStore(knowledgeBase: knowledgeBase) }

    /// The entity with `id` as stored (without following merges).
    func stored(_ id: String) throws -> Entity? {
        try knowledgeBase.read { db in try Entity.fetchOne(db, key: id) }
    }

    /// Every row of the synced tables, as text: compare two of these to prove nothing changed.
    func contents() throws -> [String] {
        try knowledgeBase.read { db in
            var rows: [String] = []
            for table in ["documents", "paragraphs", "entities", "entity_attributes", "aliases", "relations", "mentions", "annotations"] {
                rows += try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1").map { "\(table) \($0)" }
            }
            return rows
        }
    }

    /// Runs REPL `lines` in one session; returns what they printed and whether all succeeded.
    func run(_ lines: String..., width: Int = 80) -> (output: String, errors: String, succeeded: Bool) {
        let output = Console.buffer(width: width), errors = Console.buffer(width: width)
        let context = CommandContext(
            output: output.console, errors: errors.console, environment: [:], isSession: true, knowledgeBase: knowledgeBase)
        let dispatcher = CommandDispatcher(context: context)
        var succeeded = true
        for line in lines where !dispatcher.execute(line: line) { succeeded = false }
        return (output.text, errors.text, succeeded)
    }

    /// Runs one REPL line that must fail; checks the database is unchanged and returns the error printed.
    func failure(_ line: String) throws -> String {
        let before = try contents()
        let result = run(line)
        let after = try contents()
        guard !result.succeeded, result.output.isEmpty, before == after else {
            return "UNEXPECTED: succeeded=\(result.succeeded) output=\(result.output) changed=\(before != after)"
        }
        return result.errors
    }
}
