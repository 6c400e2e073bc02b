/// Local tables that keep one bad peer from stalling a sync folder: the files refused here
/// (reported once, then only counted) and the replicas `trust ignore` silenced. Never synced.
///
/// The same migration repairs values a peer could store before received changes were validated
/// (``IncomingChangeValidator``), which made reading commands trap: a value of the wrong storage
/// class in a synced table is converted to its column's type (a BLOB name to text, text in an
/// integer column to an integer), an `is_deleted` other than 0 or 1 marks the row deleted, and a
/// mention without integer offsets or text is dropped (mentions are extracted, not written by people).
/// Every replica that received the same values repairs them the same way.
///
/// Registered as a migration at the end of ``StoreSchema/migrator``.
enum SyncFolderRefusalSchema {
    static let migrationName = "v16: sync folder refusals and ignored replicas"

    static let sql = """
        CREATE TABLE sync_folder_refusals (
          -- Files of a sync folder refused here: a later run reports a file again only if it changed. Local.
          folder     TEXT NOT NULL,   -- absolute path of the sync folder
          name       TEXT NOT NULL,   -- '<replica id>/<file name>' inside it
          size       INTEGER NOT NULL,
          checksum   TEXT NOT NULL,   -- hex SHA-256 from the file's trailer ('' if it has none)
          reason     TEXT NOT NULL,   -- the refusal, as reported
          refused_at TEXT NOT NULL,   -- ISO 8601 UTC
          PRIMARY KEY (folder, name)
        );

        CREATE TABLE sync_ignored_replicas (
          -- Replicas whose sync-folder files are neither imported nor reported here (trust ignore). Local.
          replica_id TEXT PRIMARY KEY NOT NULL,
          ignored_at TEXT NOT NULL    -- ISO 8601 UTC
        );

        UPDATE OR IGNORE documents SET source_name = CAST(source_name AS TEXT) WHERE typeof(source_name) <> 'text';
        UPDATE OR IGNORE documents SET document_kind = CAST(document_kind AS TEXT) WHERE typeof(document_kind) <> 'text';
        UPDATE OR IGNORE documents SET content_sha256 = CAST(content_sha256 AS TEXT) WHERE typeof(content_sha256) <> 'text';
        UPDATE OR IGNORE documents SET ingested_at = CAST(ingested_at AS TEXT) WHERE typeof(ingested_at) <> 'text';
        UPDATE OR IGNORE documents SET symbol = CAST(symbol AS TEXT) WHERE typeof(symbol) NOT IN ('text', 'null');
        UPDATE OR IGNORE documents SET title = CAST(title AS TEXT) WHERE typeof(title) NOT IN ('text', 'null');
        UPDATE OR IGNORE documents SET dated = CAST(dated AS TEXT) WHERE typeof(dated) NOT IN ('text', 'null');
        UPDATE OR IGNORE documents SET meeting_started_at = CAST(meeting_started_at AS TEXT) WHERE typeof(meeting_started_at) NOT IN ('text', 'null');
        UPDATE OR IGNORE documents SET meeting_ended_at = CAST(meeting_ended_at AS TEXT) WHERE typeof(meeting_ended_at) NOT IN ('text', 'null');
        UPDATE OR IGNORE documents SET character_count = CAST(character_count AS INTEGER) WHERE typeof(character_count) NOT IN ('integer', 'null');
        UPDATE OR IGNORE paragraphs SET document_id = CAST(document_id AS TEXT) WHERE typeof(document_id) <> 'text';
        UPDATE OR IGNORE paragraphs SET paragraph_kind = CAST(paragraph_kind AS TEXT) WHERE typeof(paragraph_kind) <> 'text';
        UPDATE OR IGNORE paragraphs SET text = CAST(text AS TEXT) WHERE typeof(text) <> 'text';
        UPDATE OR IGNORE paragraphs SET section = CAST(section AS TEXT) WHERE typeof(section) NOT IN ('text', 'null');
        UPDATE OR IGNORE paragraphs SET ordinal = CAST(ordinal AS INTEGER) WHERE typeof(ordinal) NOT IN ('integer', 'null');
        UPDATE OR IGNORE paragraphs SET number = CAST(number AS INTEGER) WHERE typeof(number) NOT IN ('integer', 'null');
        UPDATE OR IGNORE entities SET kind = CAST(kind AS TEXT) WHERE typeof(kind) <> 'text';
        UPDATE OR IGNORE entities SET name = CAST(name AS TEXT) WHERE typeof(name) <> 'text';
        UPDATE OR IGNORE entities SET summary = CAST(summary AS TEXT) WHERE typeof(summary) NOT IN ('text', 'null');
        UPDATE OR IGNORE entities SET date = CAST(date AS TEXT) WHERE typeof(date) NOT IN ('text', 'null');
        UPDATE OR IGNORE entities SET place = CAST(place AS TEXT) WHERE typeof(place) NOT IN ('text', 'null');
        UPDATE OR IGNORE entities SET merged_into = CAST(merged_into AS TEXT) WHERE typeof(merged_into) NOT IN ('text', 'null');
        UPDATE OR IGNORE entity_attributes SET value = CAST(value AS TEXT) WHERE typeof(value) <> 'text';
        UPDATE OR IGNORE aliases SET normalized_alias = CAST(normalized_alias AS TEXT) WHERE typeof(normalized_alias) <> 'text';
        UPDATE OR IGNORE relations SET subject_id = CAST(subject_id AS TEXT) WHERE typeof(subject_id) <> 'text';
        UPDATE OR IGNORE relations SET predicate = CAST(predicate AS TEXT) WHERE typeof(predicate) <> 'text';
        UPDATE OR IGNORE relations SET object_id = CAST(object_id AS TEXT) WHERE typeof(object_id) <> 'text';
        UPDATE OR IGNORE relations SET paragraph_id = CAST(paragraph_id AS TEXT) WHERE typeof(paragraph_id) NOT IN ('text', 'null');
        UPDATE OR IGNORE annotations SET target_kind = CAST(target_kind AS TEXT) WHERE typeof(target_kind) <> 'text';
        UPDATE OR IGNORE annotations SET target_id = CAST(target_id AS TEXT) WHERE typeof(target_id) <> 'text';
        UPDATE OR IGNORE annotations SET annotation_kind = CAST(annotation_kind AS TEXT) WHERE typeof(annotation_kind) <> 'text';
        UPDATE OR IGNORE annotations SET body = CAST(body AS TEXT) WHERE typeof(body) <> 'text';
        UPDATE OR IGNORE annotations SET author = CAST(author AS TEXT) WHERE typeof(author) <> 'text';
        UPDATE OR IGNORE annotations SET created_at = CAST(created_at AS TEXT) WHERE typeof(created_at) <> 'text';
        UPDATE entities SET is_deleted = (CASE WHEN is_deleted IN (0, '0') THEN 0 ELSE 1 END) WHERE typeof(is_deleted) <> 'integer' OR is_deleted NOT IN (0, 1);
        UPDATE relations SET is_deleted = (CASE WHEN is_deleted IN (0, '0') THEN 0 ELSE 1 END) WHERE typeof(is_deleted) <> 'integer' OR is_deleted NOT IN (0, 1);
        UPDATE annotations SET is_deleted = (CASE WHEN is_deleted IN (0, '0') THEN 0 ELSE 1 END) WHERE typeof(is_deleted) <> 'integer' OR is_deleted NOT IN (0, 1);
        DELETE FROM mentions WHERE typeof(entity_id) <> 'text' OR typeof(paragraph_id) <> 'text' OR typeof(start_offset) <> 'integer' OR typeof(end_offset) <> 'integer' OR typeof(surface_text) <> 'text';
        """
}
