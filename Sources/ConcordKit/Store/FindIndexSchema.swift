/// Indexes that hold everything `find`'s prefix scans read, and the trigram index
/// merged into one segment.
///
/// `find` starts with two range scans, on entity names and on normalized aliases
/// (``EntityFinder``). With `entities_by_name (name)` and `aliases_by_normalized_alias
/// (normalized_alias)` every row in the range then cost a lookup in its table: a short
/// prefix ("Neto", 586 names and 586 aliases on the 1M-entity base) read about 1,300 pages
/// at random. These indexes also hold the columns the scans return, so the rows come from
/// the index pages alone, in order. They replace the two indexes they extend (same leading
/// column and collation, so every other query using those keeps its plan):
///
/// - `entities_by_name_covering (name COLLATE NOCASE, id, kind, merged_into, is_deleted)`
///   (58 MB on 1M entities, where `entities_by_name` took 25 MB);
/// - `aliases_by_normalized_alias_covering (normalized_alias, entity_id, alias)` (75 MB on
///   1.15M aliases, where `aliases_by_normalized_alias` took 28 MB).
///
/// The trigram index `name_search` (``NameSearchSchema``) is merged into one segment
/// (FTS5 `optimize`): a bulk-written base held 28, and every piece `find` looks up opened
/// each of them (half the time of reading a piece's rows). Later writes add segments again,
/// which FTS5's automerge keeps few. On the 1M-entity base the migration took about 15 s.
/// Local to each replica, never synced.
///
/// Related SQLite documentation: https://www.sqlite.org/queryplanner.html#covidx,
/// https://www.sqlite.org/fts5.html#the_optimize_command
enum FindIndexSchema {
    static let migrationName = "v12: covering indexes of entity names and aliases for find; name index merged into one segment"

    static let sql = """
        CREATE INDEX IF NOT EXISTS entities_by_name_covering ON entities (name COLLATE NOCASE, id, kind, merged_into, is_deleted);
        DROP INDEX IF EXISTS entities_by_name;
        CREATE INDEX IF NOT EXISTS aliases_by_normalized_alias_covering ON aliases (normalized_alias, entity_id, alias);
        DROP INDEX IF EXISTS aliases_by_normalized_alias;
        INSERT INTO name_search (name_search) VALUES ('optimize');
        """
}
