/// The trigram index behind `find`: every entity name and alias, reduced to its letters
/// and digits, in an FTS5 table with the `trigram` tokenizer, kept current by triggers.
///
/// `find` reads substring candidates ("kabe" inside "Ms. Ana Kabedori") and typo
/// candidates (pieces of the text, see ``EntityFinder``) from it with indexed MATCH
/// queries instead of scanning every name. The text is reduced in SQL, the same way on
/// every writer (ingest, edits, sync, or a stranger's `sqlite3`), by ``compact(_:)``:
/// spaces and common punctuation removed, common accented Latin letters replaced by
/// plain ones (the tokenizer folds case; SQLite 3.40 has no `remove_diacritics` for
/// trigrams). A name that keeps a character the typed text loses is still found through
/// its other pieces (see ``EntityFinder``), just not by a substring spanning it. Swift's ``FuzzyMatch/compact(_:)`` does the same for the typed text.
/// Rows are found again for deletion by MATCH on their own text, never by rowid, which
/// `VACUUM` may renumber in `entities` and `aliases`.
///
/// Related SQLite documentation: https://www.sqlite.org/fts5.html#the_trigram_tokenizer
enum NameSearchSchema {
    static let migrationName = "v8: trigram search of entity names and aliases for find; index deleted entities"

    /// Characters dropped from indexed names (``FuzzyMatch/compact(_:)`` drops every non-letter, non-digit).
    static let dropped = [" ", ".", ",", "-", "'"]

    /// Accented letters replaced by their plain letter: the common lower-case ones. Upper-case
    /// accented letters keep their accent (the tokenizer folds them to lower case after this),
    /// because SQLite's parser overflows its stack on a longer chain of `replace` inside a trigger.
    static let folded: [(String, String)] = [
        ("á", "a"), ("é", "e"), ("í", "i"), ("ó", "o"), ("ú", "u"), ("ñ", "n"), ("ü", "u"), ("ç", "c"),
        ("è", "e"), ("à", "a"), ("ö", "o"), ("ä", "a"), ("ã", "a"), ("â", "a"), ("ê", "e"),
    ]

    /// An SQL expression for the text of `expression` as the index stores it (20 nested `replace`).
    static func compact(_ expression: String) -> String {
        var sql = expression
        for character in dropped { sql = "replace(\(sql), '\(character.replacingOccurrences(of: "'", with: "''"))', '')" }
        for (accented, plain) in folded { sql = "replace(\(sql), '\(accented)', '\(plain)')" }
        return sql
    }

    /// Statements deleting one index row of `entityID` with the text of `expression`: found by
    /// MATCH on its own text (or, under three letters, which trigrams cannot match, by a scan).
    static func delete(entityID: String, expression: String) -> String {
        let text = compact(expression)
        return """
            DELETE FROM name_search WHERE rowid = (SELECT rowid FROM name_search
              WHERE name_search MATCH '"' || replace(\(text), '"', '""') || '"' AND entity_id = \(entityID) AND name = \(text) LIMIT 1);
            DELETE FROM name_search WHERE rowid = (SELECT rowid FROM name_search
              WHERE length(\(text)) < 3 AND entity_id = \(entityID) AND name = \(text) LIMIT 1);
            """
    }

    static var sql: String {
        """
        CREATE VIRTUAL TABLE name_search USING fts5(
          -- Entity names and aliases for find: letters and digits only, accents dropped; one row per
          -- name and per alias; kept current by the triggers below; local to each replica, never synced.
          entity_id UNINDEXED,
          name,
          tokenize = 'trigram'
        );
        INSERT INTO name_search (entity_id, name) SELECT id, \(compact("name")) FROM entities;
        INSERT INTO name_search (entity_id, name) SELECT entity_id, \(compact("normalized_alias")) FROM aliases;
        INSERT INTO name_search (name_search) VALUES ('optimize');
        CREATE TRIGGER entities_name_search_insert AFTER INSERT ON entities BEGIN
          INSERT INTO name_search (entity_id, name) VALUES (new.id, \(compact("new.name")));
        END;
        CREATE TRIGGER entities_name_search_update AFTER UPDATE OF id, name ON entities BEGIN
          \(delete(entityID: "old.id", expression: "old.name"))
          INSERT INTO name_search (entity_id, name) VALUES (new.id, \(compact("new.name")));
        END;
        CREATE TRIGGER entities_name_search_delete AFTER DELETE ON entities BEGIN
          \(delete(entityID: "old.id", expression: "old.name"))
        END;
        CREATE TRIGGER aliases_name_search_insert AFTER INSERT ON aliases BEGIN
          INSERT INTO name_search (entity_id, name) VALUES (new.entity_id, \(compact("new.normalized_alias")));
        END;
        CREATE TRIGGER aliases_name_search_update AFTER UPDATE ON aliases BEGIN
          \(delete(entityID: "old.entity_id", expression: "old.normalized_alias"))
          INSERT INTO name_search (entity_id, name) VALUES (new.entity_id, \(compact("new.normalized_alias")));
        END;
        CREATE TRIGGER aliases_name_search_delete AFTER DELETE ON aliases BEGIN
          \(delete(entityID: "old.entity_id", expression: "old.normalized_alias"))
        END;
        -- Graph walks skip deleted entities; they read the (few) tombstones through this index.
        CREATE INDEX entities_deleted ON entities (id) WHERE is_deleted = 1;
        """
    }
}
