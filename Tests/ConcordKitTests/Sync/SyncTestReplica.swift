import Foundation
import GRDB
@testable import ConcordKit

/// A replica for sync tests: an in-memory knowledge base built on a small shared
/// baseline, with helpers to make edits and to exchange changes directly.
struct SyncTestReplica {
    static let baselineText = """
        Committee on Migrant Workers
        Summary record of the 1st meeting
        1. Mr. Lewis (Office of the High Commissioner for Human Rights) spoke about the Convention.
        2. The Committee on Migrant Workers met with Mexico and Ghana.
        """

    let knowledgeBase: KnowledgeBase
    let name: String

    /// A fresh replica named `name` (its author), built from the shared baseline text.
    static func make(_ name: String, baseline: String? = baselineText) throws -> SyncTestReplica {
        let knowledgeBase = try KnowledgeBase.inMemory(author: name)
        if let baseline {
            try Ingestor().ingest(text: baseline, sourceName: "000_baseline.txt", into: knowledgeBase)
            try SyncBaseline.adopt(knowledgeBase)
        }
        return SyncTestReplica(knowledgeBase: knowledgeBase, name: name)
    }

    var replicaID: String { knowledgeBase.replicaID }

    /// Runs SQL as one captured local change.
    func edit(_ summary: String = "edit", _ sql: String, _ arguments: StatementArguments = []) throws {
        try knowledgeBase.write(summary) { db in try db.execute(sql: sql, arguments: arguments) }
    }

    /// Adds an entity by hand (a random id, as `add` makes) and returns its id.
    @discardableResult
    func addEntity(_ name: String, kind: String = "person") throws -> String {
        let id = StableID.random(prefix: kind)
        try edit("add \(name)", "INSERT INTO entities (id, kind, name) VALUES (?, ?, ?)", [id, kind, name])
        return id
    }

    func value(_ sql: String, _ arguments: StatementArguments = []) throws -> DatabaseValue {
        try knowledgeBase.read { db in try DatabaseValue.fetchOne(db, sql: sql, arguments: arguments) ?? .null }
    }

    func entityField(_ id: String, _ column: String) throws -> String? {
        try knowledgeBase.read { db in try String.fetchOne(db, sql: "SELECT \(column) FROM entities WHERE id = ?", arguments: [id]) }
    }

    /// Every change this replica has that `other` lacks.
    func changes(missingFrom other: SyncTestReplica) throws -> [ChangeRecord] {
        let vector = try other.knowledgeBase.read { db in try ChangeLog().versionVector(in: db) }
        return try knowledgeBase.read { db in try ChangeLog().records(notCoveredBy: vector, in: db) }
    }

    /// Integrates `records` in one transaction, returning each outcome.
    @discardableResult
    func receive(_ records: [ChangeRecord]) throws -> [IntegrationOutcome] {
        let integrator = ChangeIntegrator(knowledgeBase: knowledgeBase)
        return try knowledgeBase.database.write { db in try records.map { try integrator.integrate($0, in: db) } }
    }

    /// Sends everything `other` lacks to it.
    func send(to other: SyncTestReplica) throws {
        try other.receive(try changes(missingFrom: other))
    }

    func hash() throws -> String {
        try knowledgeBase.read { db in try ContentHash().digest(in: db) }
    }

    func conflicts() throws -> [Conflict] {
        try knowledgeBase.read { db in try ConflictList(localReplicaID: replicaID).conflicts(in: db) }
    }
}
