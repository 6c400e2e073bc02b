import GRDB

/// The versioned migrations that build a knowledge base's schema.
///
/// The comments inside each `CREATE` statement are kept by SQLite, so
/// `sqlite3 concord.db .schema` explains the tables to a stranger.
///
/// Synced tables (documents, paragraphs, entities, entity_attributes, aliases,
/// relations, mentions, annotations) have primary keys that are the same on every
/// machine for the same row: content-derived or random text ids, never
/// autoincrement integers. Rows a user removes are kept as tombstones
/// (`is_deleted = 1`) so that the removal itself can sync.
public enum StoreSchema {
    /// Every migration, in order. Later issues append to this list; never edit a shipped one.
    public static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: documents, paragraphs, graph, annotations") { db in
            try db.execute(sql: v1)
        }
        migrator.registerMigration("v1.1: index entity names for completion") { db in
            // Tab completion at the prompt finds names by prefix with a range scan on this index
            // (case-insensitive for ASCII); local to each replica, never synced.
            try db.execute(sql: "CREATE INDEX IF NOT EXISTS entities_by_name ON entities (name COLLATE NOCASE)")
        }
        migrator.registerMigration("v2: sync change log and per-field versions") { db in
            try db.execute(sql: SyncSchema.v2)
        }
        migrator.registerMigration(TransportSchema.migrationName) { db in
            try db.execute(sql: TransportSchema.sql)
        }
        migrator.registerMigration(TrustSchema.migrationName) { db in
            try db.execute(sql: TrustSchema.sql)
        }
        migrator.registerMigration("v5: index merged entities for redirects") { db in
            // Every show/links/path query starts from the entities merged into others
            // (EntityGroup.redirectsSQL); without this partial index that was a scan of the whole
            // table (≈ 90 ms per query on 1M entities). Local to each replica, never synced.
            try db.execute(sql: """
                CREATE INDEX IF NOT EXISTS entities_by_merged_into ON entities (merged_into) WHERE merged_into IS NOT NULL
                """)
        }
        migrator.registerMigration(ChangeChainSchema.migrationName) { db in try ChangeChainSchema.migrate(db) }
        migrator.registerMigration(NameSearchSchema.migrationName) { db in try db.execute(sql: NameSearchSchema.sql) }
        migrator.registerMigration(NameSearchDeferralSchema.migrationName) { db in try db.execute(sql: NameSearchDeferralSchema.sql) }
        migrator.registerMigration(RelationPairIndexSchema.migrationName) { db in try db.execute(sql: RelationPairIndexSchema.sql) }
        // Indexes only: no foreign key can break, so no check of every table afterwards (most of a 1M-base migration).
        migrator.registerMigration(FindIndexSchema.migrationName, foreignKeyChecks: .immediate) { db in try db.execute(sql: FindIndexSchema.sql) }
        // Replaces an index, triggers and adds views: no foreign key can break.
        migrator.registerMigration(BrowsableSchema.migrationName, foreignKeyChecks: .immediate) { db in try db.execute(sql: BrowsableSchema.sql) }
        migrator.registerMigration(DocumentMetadataSchema.migrationName) { db in try db.execute(sql: DocumentMetadataSchema.sql) }
        migrator.registerMigration(RelationEvidenceSchema.migrationName) { db in try db.execute(sql: RelationEvidenceSchema.sql) }
        // New local tables without foreign keys: nothing to check afterwards.
        migrator.registerMigration(SyncFolderRefusalSchema.migrationName, foreignKeyChecks: .immediate) { db in try db.execute(sql: SyncFolderRefusalSchema.sql) }
        return migrator
    }

    static let v1 = """
        CREATE TABLE replica_settings (
          -- Facts about this copy of the knowledge base; never synced.
          -- Keys: replica_id (random, made at creation), created_at.
          key   TEXT PRIMARY KEY NOT NULL,
          value TEXT NOT NULL
        );

        CREATE TABLE documents (
          -- One ingested text (summary record, report, ...).
          id                 TEXT PRIMARY KEY NOT NULL, -- 'doc:' + 16 hex of the text's SHA-256
          source_name        TEXT NOT NULL,             -- file name it was read from
          symbol             TEXT,                      -- UN document symbol, e.g. CMW/C/SR.452
          document_kind      TEXT NOT NULL,             -- summary_record | report | other
          title              TEXT,
          dated              TEXT,                      -- ISO 8601 date the document is about
          meeting_started_at TEXT,                      -- summary records: HH:MM the meeting began
          meeting_ended_at   TEXT,                      -- summary records: HH:MM the meeting rose
          content_sha256     TEXT NOT NULL UNIQUE,      -- SHA-256 of the raw text
          character_count    INTEGER NOT NULL,
          ingested_at        TEXT NOT NULL              -- ISO 8601 UTC
        );

        CREATE TABLE paragraphs (
          -- A paragraph or heading of a document, as read after repairing line breaks.
          id             TEXT PRIMARY KEY NOT NULL,      -- '<document id>:<ordinal>'
          document_id    TEXT NOT NULL REFERENCES documents(id),
          ordinal        INTEGER NOT NULL,               -- position in the document, from 1
          number         INTEGER,                        -- official paragraph number as printed ('12.')
          paragraph_kind TEXT NOT NULL,                  -- heading | text | footnote
          section        TEXT,                           -- heading this paragraph stands under
          text           TEXT NOT NULL,
          UNIQUE (document_id, ordinal)
        );

        CREATE VIRTUAL TABLE paragraph_search USING fts5(
          -- Full-text index of paragraphs.text, kept up to date by triggers; local, never synced.
          paragraph_id UNINDEXED,
          text,
          tokenize = 'porter unicode61 remove_diacritics 2' -- stems English words: 'disappearances' finds 'disappearance'
        );
        CREATE TRIGGER paragraphs_after_insert AFTER INSERT ON paragraphs BEGIN
          INSERT INTO paragraph_search (paragraph_id, text) VALUES (new.id, new.text);
        END;
        CREATE TRIGGER paragraphs_after_delete AFTER DELETE ON paragraphs BEGIN
          DELETE FROM paragraph_search WHERE paragraph_id = old.id;
        END;
        CREATE TRIGGER paragraphs_after_update AFTER UPDATE OF text ON paragraphs BEGIN
          DELETE FROM paragraph_search WHERE paragraph_id = old.id;
          INSERT INTO paragraph_search (paragraph_id, text) VALUES (new.id, new.text);
        END;

        CREATE TABLE entities (
          -- A body, person, instrument, event or state.
          id          TEXT PRIMARY KEY NOT NULL,  -- '<kind>:' + 16 hex (content-derived if extracted, random if added)
          kind        TEXT NOT NULL CHECK (kind IN ('body', 'person', 'instrument', 'event', 'state')),
          name        TEXT NOT NULL,               -- canonical name
          summary     TEXT,
          date        TEXT,                        -- ISO 8601 date or 'start/end' interval
          place       TEXT,
          merged_into TEXT REFERENCES entities(id), -- set when this entity was a duplicate merged into another
          is_deleted  INTEGER NOT NULL DEFAULT 0   -- tombstone: 1 once deleted
        );
        CREATE INDEX entities_by_kind ON entities (kind);

        CREATE TABLE entity_attributes (
          -- Further named fields of an entity (set ENTITY FIELD VALUE).
          entity_id TEXT NOT NULL REFERENCES entities(id),
          name      TEXT NOT NULL,
          value     TEXT NOT NULL,
          PRIMARY KEY (entity_id, name)
        );

        CREATE TABLE aliases (
          -- Other names of an entity; normalized_alias is case-folded, accent-free, single-spaced.
          entity_id        TEXT NOT NULL REFERENCES entities(id),
          alias            TEXT NOT NULL,
          normalized_alias TEXT NOT NULL,
          PRIMARY KEY (entity_id, alias)
        );
        CREATE INDEX aliases_by_normalized_alias ON aliases (normalized_alias);

        CREATE TABLE relations (
          -- subject predicate object, e.g. person represents body; paragraph_id says where the text states it.
          id           TEXT PRIMARY KEY NOT NULL,  -- 'relation:' + 16 hex of subject, predicate, object, paragraph
          subject_id   TEXT NOT NULL REFERENCES entities(id),
          predicate    TEXT NOT NULL,              -- represents, member_of, spoke_at, held_by, held_in, adopted,
                                                   -- ratified, signed, refers_to, submitted, reviewed, chaired
          object_id    TEXT NOT NULL REFERENCES entities(id),
          paragraph_id TEXT REFERENCES paragraphs(id), -- NULL when added by hand
          is_deleted   INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX relations_by_subject ON relations (subject_id, predicate);
        CREATE INDEX relations_by_object ON relations (object_id, predicate);

        CREATE TABLE mentions (
          -- Where an entity is named: offsets in Unicode code points into paragraphs.text.
          entity_id    TEXT NOT NULL REFERENCES entities(id),
          paragraph_id TEXT NOT NULL REFERENCES paragraphs(id),
          start_offset INTEGER NOT NULL,
          end_offset   INTEGER NOT NULL,
          surface_text TEXT NOT NULL,                -- the words as printed
          PRIMARY KEY (paragraph_id, start_offset, entity_id)
        );
        CREATE INDEX mentions_by_entity ON mentions (entity_id);

        CREATE TABLE annotations (
          -- Notes and tags people attach to entities, relations and paragraphs.
          id              TEXT PRIMARY KEY NOT NULL, -- random, so two people's notes never collide
          target_kind     TEXT NOT NULL CHECK (target_kind IN ('entity', 'relation', 'paragraph')),
          target_id       TEXT NOT NULL,
          annotation_kind TEXT NOT NULL CHECK (annotation_kind IN ('note', 'tag')),
          body            TEXT NOT NULL,             -- the note's text, or the tag
          author          TEXT NOT NULL,
          created_at      TEXT NOT NULL,             -- ISO 8601 UTC
          is_deleted      INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX annotations_by_target ON annotations (target_kind, target_id);
        """
}
