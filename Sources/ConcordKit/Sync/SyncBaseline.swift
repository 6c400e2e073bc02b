import Foundation
import GRDB

/// The shared starting point of replicas built from the same seed documents.
///
/// Every replica builds the same content-derived rows from the same seeds, so the
/// seed build is not synced: ``adopt(_:)`` turns what a new knowledge base holds into
/// its baseline (no change-log entries, no field versions) and records which documents
/// it holds. Changes from another replica apply only on top of the same baseline; the
/// changeset file carries ``identifier(in:)`` so an import can refuse a different one.
public enum SyncBaseline {
    /// Makes everything in `knowledgeBase` so far its baseline. Call right after building it from seeds.
    public static func adopt(_ knowledgeBase: KnowledgeBase) throws {
        try knowledgeBase.database.write { db in
            try db.execute(sql: """
                DELETE FROM sync_changes; DELETE FROM sync_versions; DELETE FROM sync_cells;
                DELETE FROM sync_pending; DELETE FROM sync_undo;
                """)
            try SyncState.set("baseline", try computedIdentifier(in: db), in: db)
        }
    }

    /// Which baseline this replica started from: a digest of the baseline documents' texts,
    /// or "empty" for a knowledge base that started without documents.
    public static func identifier(in db: Database) throws -> String {
        try SyncState.value("baseline", in: db).flatMap(String.fromDatabaseValue) ?? "empty"
    }

    private static func computedIdentifier(in db: Database) throws -> String {
        let hashes = try String.fetchAll(db, sql: "SELECT content_sha256 FROM documents ORDER BY content_sha256")
        if hashes.isEmpty { return "empty" }
        return "seeds:" + StableID.hex(hashes, length: 32)
    }
}
