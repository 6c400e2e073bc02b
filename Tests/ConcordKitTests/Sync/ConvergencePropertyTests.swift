import Foundation
import GRDB
import Testing
@testable import ConcordKit

/// Random edit scripts on three or four replicas, exchanged through random "files"
/// (duplicated, reordered, relayed, partial); after everyone has everything, every
/// replica must hold the same content, and no write may have vanished without a
/// conflict record. A failing run prints its seed; replay it with
/// `CONCORD_PROPERTY_SEED=<seed> swift test --filter ConvergencePropertyTests`.
@Suite struct ConvergencePropertyTests {
    static let runs = 200

    @Test func replicasConvergeWhateverTheDeliveryOrder() throws {
        let seeds: [UInt64]
        if let replay = ProcessInfo.processInfo.environment["CONCORD_PROPERTY_SEED"].flatMap(UInt64.init) {
            seeds = [replay]
        } else {
            seeds = (0..<UInt64(Self.runs)).map { 0x5EED_0000 + $0 }
        }
        var conflicts = 0, waited = 0, changes = 0
        for seed in seeds {
            do {
                let outcome = try ConvergenceRun(seed: seed).run()
                conflicts += outcome.conflicts
                waited += outcome.waited
                changes += outcome.changes
            } catch {
                Issue.record("seed \(seed) failed: \(error) — replay with CONCORD_PROPERTY_SEED=\(seed)")
                return
            }
        }
        // The scripts must actually exercise concurrency: conflicts and out-of-order deliveries.
        if seeds.count > 1 {
            #expect(conflicts > 0 && waited > 0 && changes > seeds.count * 5)
        }
    }
}

/// Why a convergence run failed, with what differed.
struct ConvergenceFailure: Error, CustomStringConvertible {
    var description: String
}

/// One seeded run: random edits and deliveries, then a full exchange and the checks.
struct ConvergenceRun {
    let seed: UInt64

    static let names = ["Aminata Diallo", "Ms. Diallo", "Mr. Lewis", "OHCHR", "Ghana", "Mexico"]
    static let texts = ["Geneva", "New York", "Rapporteur", "Chair", "2024-03-01", nil]
    static let documents = [
        "Committee against Torture\n1. Mr. Lewis met the Committee against Torture in Geneva.\n",
        "Human Rights Committee\n1. Ms. Diallo spoke for Ghana and Mexico at the Human Rights Committee.\n",
        "Report of the Secretary-General\n1. The Convention on the Rights of the Child was ratified by Ghana.\n",
    ]

    /// What a run exercised: conflicts left open at the end, changes that had to wait, changes made.
    struct Outcome {
        var conflicts = 0
        var waited = 0
        var changes = 0
    }

    @discardableResult
    func run() throws -> Outcome {
        var outcome = Outcome()
        var random = SeededGenerator(seed: seed)
        let count = Int.random(in: 3...4, using: &random)
        let replicas = try (0..<count).map { try SyncTestReplica.make("author\($0)") }
        var files: [[ChangeRecord]] = []
        let steps = Int.random(in: 10...30, using: &random)
        for _ in 0..<steps {
            let replica = replicas[Int.random(in: 0..<count, using: &random)]
            switch Int.random(in: 0..<10, using: &random) {
            case 0..<6:
                try RandomEdit.perform(on: replica, using: &random)
            case 6..<8:
                files.append(try export(from: replica, using: &random))
            default:
                guard !files.isEmpty else { continue }
                let file = files[Int.random(in: 0..<files.count, using: &random)]
                outcome.waited += try replica.receive(deliver(file, using: &random)).filter { $0 == .waiting }.count
            }
        }
        // Everyone gets everything, through relays: each replica sends all it has to the next, twice around.
        for _ in 0..<2 {
            for index in 0..<count { try replicas[index].send(to: replicas[(index + 1) % count]) }
        }
        try check(replicas)
        outcome.conflicts = try replicas[0].conflicts().count
        outcome.changes = try replicas[0].knowledgeBase.read { db in try ChangeLog().count(in: db) }
        return outcome
    }

    /// A file: everything the replica has, or only what one other replica lacked at some point.
    private func export(from replica: SyncTestReplica, using random: inout SeededGenerator) throws -> [ChangeRecord] {
        let all = try replica.knowledgeBase.read { db in try ChangeLog().records(notCoveredBy: [:], in: db) }
        if Bool.random(using: &random) || all.isEmpty { return all }
        return Array(all.suffix(Int.random(in: 1...all.count, using: &random)))
    }

    /// The file as it arrives: whole, reordered, or cut short.
    private func deliver(_ file: [ChangeRecord], using random: inout SeededGenerator) -> [ChangeRecord] {
        switch Int.random(in: 0..<4, using: &random) {
        case 0: return file
        case 1: return file.shuffled(using: &random)
        case 2: return Array(file.prefix(Int.random(in: 0...file.count, using: &random)))
        default: return (file + file.prefix(2)).shuffled(using: &random)
        }
    }

    private func check(_ replicas: [SyncTestReplica]) throws {
        let hashes = try replicas.map { try $0.hash() }
        if Set(hashes).count != 1 {
            let dumps = try replicas.map { replica in try replica.knowledgeBase.read { db in try Self.dump(db) } }
            let first = dumps[0]
            let difference = dumps.dropFirst().map { dump in
                Set(dump).symmetricDifference(first).sorted().prefix(6).joined(separator: "\n    ")
            }.joined(separator: "\n  ---\n    ")
            throw ConvergenceFailure(description: "hashes differ; rows not on every replica:\n    \(difference)")
        }
        for replica in replicas {
            try replica.knowledgeBase.read { db in
                let pending = try Int.fetchOne(db, sql: "SELECT count(*) FROM sync_pending") ?? 0
                if pending > 0 { throw ConvergenceFailure(description: "\(pending) changes still pending") }
                let dangling = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
                if !dangling.isEmpty { throw ConvergenceFailure(description: "rows point nowhere: \(dangling)") }
                try Self.checkNoWriteVanished(db)
                try Self.checkTablesShowVisibleValues(db)
            }
        }
    }

    /// Every field write in the log is still a head, or was seen by a write that is (so it was overwritten knowingly).
    static func checkNoWriteVanished(_ db: Database) throws {
        var dependencies: [String: [String: Int64]] = [:]
        for record in try ChangeLog().records(notCoveredBy: [:], in: db) {
            dependencies["\(record.replicaID)/\(record.sequence)"] = record.dependencies
        }
        let heads = try Row.fetchAll(db, sql: "SELECT table_name, row_key, column_name, replica_id, sequence FROM sync_cells")
        var headsByField: [String: [(String, Int64)]] = [:]
        for row in heads {
            headsByField["\(row[0] as String)|\(row[1] as String)|\(row[2] as String)", default: []].append((row[3], row[4]))
        }
        for record in try ChangeLog().records(notCoveredBy: [:], in: db) {
            try ChangesetIterator.forEach(in: record.changeset) { change in
                let table = try SyncedTable.named(change.table, in: db)
                if table.isInsertOnly && change.operation != .update { return }
                let field = "\(change.table)|\(SyncedTable.rowKey(change.primaryKey))|\(table.existenceColumn)"
                let covered = (headsByField[field] ?? []).contains { replica, sequence in
                    if replica == record.replicaID { return sequence >= record.sequence }
                    let seen = dependencies["\(replica)/\(sequence)"]?[record.replicaID] ?? 0
                    return seen >= record.sequence
                }
                if !covered {
                    throw ConvergenceFailure(description: "write \(record.replicaID)/\(record.sequence) to \(field) vanished")
                }
            }
        }
    }

    /// For every field with versions, the table holds the visible (last-writer) value.
    static func checkTablesShowVisibleValues(_ db: Database) throws {
        let fields = try Row.fetchAll(db, sql: "SELECT DISTINCT table_name, row_key, column_name FROM sync_cells")
        for field in fields {
            let tableName: String = field[0], key: String = field[1], column: String = field[2]
            let table = try SyncedTable.named(tableName, in: db)
            let visible = try CellRegister(db: db).heads(table: tableName, key: key, column: column)
                .max { $0.isOrdered(before: $1) }
            let keys = key.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
            let condition = table.primaryKeyNames.map { "\($0) = ?" }.joined(separator: " AND ")
            let present = try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM \(tableName) WHERE \(condition))", arguments: StatementArguments(keys)) ?? false
            if column == SyncedTable.rowColumn {
                if present != (visible?.value == 1.databaseValue) {
                    throw ConvergenceFailure(description: "\(tableName) \(key) presence \(present) but versions say \(String(describing: visible?.value))")
                }
                continue
            }
            guard present else { continue }
            let shown = try DatabaseValue.fetchOne(
                db, sql: "SELECT \(column) FROM \(tableName) WHERE \(condition)", arguments: StatementArguments(keys)) ?? .null
            if shown != visible?.value {
                throw ConvergenceFailure(description: "\(tableName) \(key) \(column) shows \(shown), versions say \(String(describing: visible?.value))")
            }
        }
    }

    /// Rows as text, for showing what differs.
    static func dump(_ db: Database) throws -> [String] {
        var lines: [String] = []
        for name in SyncedTable.names where name != "paragraphs" {
            for row in try Row.fetchAll(db, sql: "SELECT * FROM \(name)") {
                lines.append("\(name) \(row.description.replacingOccurrences(of: #"ingested_at:"[^"]*""#, with: "", options: .regularExpression))")
            }
        }
        for conflict in try ConflictList(localReplicaID: "").conflicts(in: db) {
            lines.append("conflict \(conflict.id) \(conflict.table) \(conflict.rowKey) \(conflict.column) \(conflict.versions.map(\.text))")
        }
        return lines
    }
}

/// The edits a random script makes, as the commands would: SQL inside `knowledgeBase.write`.
enum RandomEdit {
    static func perform(on replica: SyncTestReplica, using random: inout SeededGenerator) throws {
        let entities = try replica.knowledgeBase.read { db in
            try String.fetchAll(db, sql: "SELECT id FROM entities WHERE is_deleted = 0 ORDER BY id")
        }
        func anyEntity() -> String? { entities.isEmpty ? nil : entities[Int.random(in: 0..<entities.count, using: &random)] }
        func anyText() -> String? { ConvergenceRun.texts[Int.random(in: 0..<ConvergenceRun.texts.count, using: &random)] }
        let name = ConvergenceRun.names[Int.random(in: 0..<ConvergenceRun.names.count, using: &random)]
        switch Int.random(in: 0..<13, using: &random) {
        case 0:
            try replica.addEntity(name, kind: "person")
        case 1, 2:
            guard let id = anyEntity() else { return }
            let column = ["name", "summary", "date", "place"][Int.random(in: 0..<4, using: &random)]
            let value = column == "name" ? name : anyText()
            try replica.edit("set \(column)", "UPDATE entities SET \(column) = ? WHERE id = ?", [value, id])
        case 3:
            guard let id = anyEntity() else { return }
            try replica.edit("alias", "INSERT OR IGNORE INTO aliases VALUES (?, ?, ?)", [id, name, NameNormalizer.normalize(name)])
        case 4:
            guard let id = anyEntity() else { return }
            try replica.edit("unalias", "DELETE FROM aliases WHERE rowid IN (SELECT rowid FROM aliases WHERE entity_id = ? LIMIT 1)", [id])
        case 5:
            guard let subject = anyEntity(), let object = anyEntity() else { return }
            let id = Relation.id(subjectID: subject, predicate: "refers_to", objectID: object, paragraphID: nil)
            try replica.edit("link", """
                INSERT INTO relations (id, subject_id, predicate, object_id) VALUES (?, ?, 'refers_to', ?)
                ON CONFLICT (id) DO UPDATE SET is_deleted = 0
                """, [id, subject, object])
        case 6:
            try replica.edit("unlink", "UPDATE relations SET is_deleted = 1 WHERE id IN (SELECT id FROM relations WHERE is_deleted = 0 ORDER BY id LIMIT 1 OFFSET ?)", [Int.random(in: 0..<4, using: &random)])
        case 7:
            guard let id = anyEntity() else { return }
            let kind = Bool.random(using: &random) ? "note" : "tag"
            try replica.edit(kind, """
                INSERT INTO annotations (id, target_kind, target_id, annotation_kind, body, author, created_at)
                VALUES (?, 'entity', ?, ?, ?, ?, '2026-11-22T00:00:00Z')
                """, [StableID.random(prefix: "annotation"), id, kind, anyText() ?? "x", replica.name])
        case 8:
            guard let id = anyEntity() else { return }
            try replica.edit("delete", "UPDATE entities SET is_deleted = 1 WHERE id = ?", [id])
        case 9:
            guard let kept = anyEntity(), let duplicate = anyEntity(), kept != duplicate else { return }
            try replica.edit("merge", "UPDATE entities SET merged_into = ? WHERE id = ?", [kept, duplicate])
        case 10:
            _ = try? ChangeUndoer().undoLast(in: replica.knowledgeBase)
        case 11:
            guard let id = anyEntity() else { return }
            try replica.edit("set role", """
                INSERT INTO entity_attributes VALUES (?, 'role', ?) ON CONFLICT DO UPDATE SET value = excluded.value
                """, [id, anyText() ?? "member"])
        default:
            let text = ConvergenceRun.documents[Int.random(in: 0..<ConvergenceRun.documents.count, using: &random)]
            try Ingestor().ingest(text: text, sourceName: "doc.txt", into: replica.knowledgeBase)
        }
    }
}
