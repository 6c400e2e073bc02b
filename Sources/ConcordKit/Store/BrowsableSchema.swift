/// Makes the database readable as Concord's own data in Datasette and the `sqlite3` shell.
///
/// - `paragraph_search` becomes an FTS5 index with *external content* (`content="paragraphs"`):
///   it keeps the index only and reads the text from `paragraphs` by rowid, so the text is no
///   longer stored twice, and Datasette finds the index for `paragraphs` (it looks for an FTS
///   table whose `content=` names the table, in double quotes or brackets) and offers search
///   there (`/concord/paragraphs?_search=migrant`). The columns keep their order (`id`
///   unindexed, then `text`), the tokenizer its options, so every row has the same length and
///   every search the same ranks; only the rowids now are those of `paragraphs`.
/// - Views for people: ``viewsSQL``.
/// - `find`'s name index triggers (``NameSearchSchema``, ``NameSearchDeferralSchema``) each held
///   the 20 nested `replace` calls that reduce a name, up to four times: they now write the
///   names they add or remove to a view, `name_search_changes`, whose triggers reduce the
///   name once and then index it, or queue it while a bulk write defers the index. Same
///   index rows, same queue rows.
///
/// The rowids of `paragraphs` must not change under the index. `paragraphs` has a text
/// primary key, so its rowid is implicit, and SQLite's documentation allows `VACUUM` to
/// renumber such rowids; SQLite (3.40, which this was checked with) copies them unchanged
/// when the table has an index, as `paragraphs` has (two unique ones), and `VACUUM INTO`
/// keeps them too (`BrowsableSchemaTests` checks both, so a SQLite that renumbers fails it). Concord never runs `VACUUM` itself. What does
/// renumber them is reloading the output of the shell's `.dump` (without `--preserve-rowids`)
/// once paragraphs were deleted; after such a reload,
/// `INSERT INTO paragraph_search (paragraph_search) VALUES ('rebuild')` rebuilds the index.
///
/// Related SQLite documentation: https://www.sqlite.org/fts5.html#external_content_tables,
/// https://www.sqlite.org/lang_vacuum.html, https://www.sqlite.org/lang_createview.html
enum BrowsableSchema {
    static let migrationName = "v13: paragraph search reads paragraphs (external content), views for people, readable triggers"

    static var sql: String { paragraphSearchSQL + nameSearchSQL + viewsSQL }

    /// The paragraph index rebuilt over `paragraphs`, and its three triggers.
    static let paragraphSearchSQL = """
        DROP TRIGGER paragraphs_after_insert;
        DROP TRIGGER paragraphs_after_delete;
        DROP TRIGGER paragraphs_after_update;
        DROP TABLE paragraph_search;
        CREATE VIRTUAL TABLE paragraph_search USING fts5(
          -- Full-text index of paragraphs.text (porter stemming: 'disappearances' finds 'disappearance').
          -- It stores the index only: its rowid is the paragraph's rowid, and id and text are read
          -- from paragraphs (external content). Kept current by the paragraphs_search_* triggers;
          -- local to each replica, never synced. Search it:
          --   SELECT p.* FROM paragraph_search JOIN paragraphs p ON p.rowid = paragraph_search.rowid
          --   WHERE paragraph_search MATCH 'migrant workers' ORDER BY rank;
          -- If paragraphs' rowids ever change (reloading a .dump made without --preserve-rowids),
          -- rebuild it: INSERT INTO paragraph_search (paragraph_search) VALUES ('rebuild');
          id UNINDEXED,
          text,
          content="paragraphs",
          content_rowid="rowid",
          tokenize = 'porter unicode61 remove_diacritics 2'
        );
        INSERT INTO paragraph_search (paragraph_search) VALUES ('rebuild');
        INSERT INTO paragraph_search (paragraph_search) VALUES ('optimize');

        CREATE TRIGGER paragraphs_search_insert AFTER INSERT ON paragraphs BEGIN
          -- Index the new paragraph.
          INSERT INTO paragraph_search (rowid, id, text) VALUES (new.rowid, new.id, new.text);
        END;
        CREATE TRIGGER paragraphs_search_delete AFTER DELETE ON paragraphs BEGIN
          -- Remove the paragraph's words from the index (FTS5 needs the text it indexed).
          INSERT INTO paragraph_search (paragraph_search, rowid, id, text) VALUES ('delete', old.rowid, old.id, old.text);
        END;
        CREATE TRIGGER paragraphs_search_update AFTER UPDATE ON paragraphs BEGIN
          -- Index the paragraph again: remove the old text, add the new.
          INSERT INTO paragraph_search (paragraph_search, rowid, id, text) VALUES ('delete', old.rowid, old.id, old.text);
          INSERT INTO paragraph_search (rowid, id, text) VALUES (new.rowid, new.id, new.text);
        END;

        """

    /// The name index triggers: one per table and event, writing to `name_search_changes`.
    static let nameSearchSQL = """
        DROP TRIGGER entities_name_search_insert;
        DROP TRIGGER entities_name_search_update;
        DROP TRIGGER entities_name_search_delete;
        DROP TRIGGER aliases_name_search_insert;
        DROP TRIGGER aliases_name_search_update;
        DROP TRIGGER aliases_name_search_delete;
        DROP TRIGGER entities_name_search_insert_deferred;
        DROP TRIGGER entities_name_search_update_deferred;
        DROP TRIGGER entities_name_search_delete_deferred;
        DROP TRIGGER aliases_name_search_insert_deferred;
        DROP TRIGGER aliases_name_search_update_deferred;
        DROP TRIGGER aliases_name_search_delete_deferred;

        CREATE VIEW name_search_changes (entity_id, name, delta) AS
          -- Write-only, always empty: the triggers of entities and aliases insert here each name an
          -- entity gains (delta 1) or loses (delta -1), as written (entities.name,
          -- aliases.normalized_alias); the trigger below reduces it as find's index stores it.
          SELECT NULL, NULL, NULL WHERE 0;
        CREATE VIEW name_search_reduced_changes (entity_id, name, delta) AS
          -- Write-only, always empty: the same changes with the name reduced; its triggers apply
          -- them to name_search at once, or queue them while a bulk write defers the index.
          SELECT NULL, NULL, NULL WHERE 0;

        CREATE TRIGGER name_search_changes_reduce INSTEAD OF INSERT ON name_search_changes BEGIN
          -- The name as name_search stores it: spaces and . , - ' dropped, then common accented
          -- lower-case letters replaced by plain ones (the trigram tokenizer folds case).
          INSERT INTO name_search_reduced_changes (entity_id, name, delta) VALUES (
            new.entity_id,
            replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
            replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
              new.name,
              ' ', ''), '.', ''), ',', ''), '-', ''), '''', ''),
              'á', 'a'), 'é', 'e'), 'í', 'i'), 'ó', 'o'), 'ú', 'u'), 'ñ', 'n'), 'ü', 'u'), 'ç', 'c'),
              'è', 'e'), 'à', 'a'), 'ö', 'o'), 'ä', 'a'), 'ã', 'a'), 'â', 'a'), 'ê', 'e'),
            new.delta);
        END;
        CREATE TRIGGER name_search_add INSTEAD OF INSERT ON name_search_reduced_changes
        WHEN new.delta > 0 AND NOT EXISTS (SELECT 1 FROM name_search_deferral) BEGIN
          INSERT INTO name_search (entity_id, name) VALUES (new.entity_id, new.name);
        END;
        CREATE TRIGGER name_search_remove INSTEAD OF INSERT ON name_search_reduced_changes
        WHEN new.delta < 0 AND NOT EXISTS (SELECT 1 FROM name_search_deferral) BEGIN
          -- One index row of this entity with this name, found by MATCH on its own text (never by
          -- rowid, which VACUUM may renumber in entities and aliases); under three letters, which
          -- trigrams cannot match, by a scan.
          DELETE FROM name_search WHERE rowid = (
            SELECT rowid FROM name_search
            WHERE name_search MATCH '"' || replace(new.name, '"', '""') || '"'
              AND entity_id = new.entity_id AND name = new.name LIMIT 1);
          DELETE FROM name_search WHERE rowid = (
            SELECT rowid FROM name_search
            WHERE length(new.name) < 3 AND entity_id = new.entity_id AND name = new.name LIMIT 1);
        END;
        CREATE TRIGGER name_search_queue_change INSTEAD OF INSERT ON name_search_reduced_changes
        WHEN EXISTS (SELECT 1 FROM name_search_deferral) BEGIN
          -- Inside a bulk write: add up the change, applied once before the write commits.
          INSERT INTO name_search_queue (entity_id, name, delta) VALUES (new.entity_id, new.name, new.delta)
            ON CONFLICT (entity_id, name) DO UPDATE SET delta = delta + excluded.delta;
        END;

        CREATE TRIGGER entities_name_search_insert AFTER INSERT ON entities BEGIN
          INSERT INTO name_search_changes VALUES (new.id, new.name, 1);
        END;
        CREATE TRIGGER entities_name_search_update AFTER UPDATE OF id, name ON entities BEGIN
          INSERT INTO name_search_changes VALUES (old.id, old.name, -1);
          INSERT INTO name_search_changes VALUES (new.id, new.name, 1);
        END;
        CREATE TRIGGER entities_name_search_delete AFTER DELETE ON entities BEGIN
          INSERT INTO name_search_changes VALUES (old.id, old.name, -1);
        END;
        CREATE TRIGGER aliases_name_search_insert AFTER INSERT ON aliases BEGIN
          INSERT INTO name_search_changes VALUES (new.entity_id, new.normalized_alias, 1);
        END;
        CREATE TRIGGER aliases_name_search_update AFTER UPDATE ON aliases BEGIN
          INSERT INTO name_search_changes VALUES (old.entity_id, old.normalized_alias, -1);
          INSERT INTO name_search_changes VALUES (new.entity_id, new.normalized_alias, 1);
        END;
        CREATE TRIGGER aliases_name_search_delete AFTER DELETE ON aliases BEGIN
          INSERT INTO name_search_changes VALUES (old.entity_id, old.normalized_alias, -1);
        END;

        """

    /// Views that show the data as Concord's commands do: live entities, merges, paragraphs by
    /// the places Concord prints, relations and mentions with names.
    static let viewsSQL = """
        CREATE VIEW entity_merges AS
          -- Every entity merged into another (merge A B: B was a duplicate of A), with the entity its
          -- chain of merges ends at (canonical_id): what is recorded under the merged one (aliases,
          -- mentions, relations, notes) belongs to that one. A cycle (two replicas each merging one
          -- into the other) ends at the smallest id in it, as every replica decides.
          WITH RECURSIVE chain (id, target, steps) AS (
            SELECT id, merged_into, 1 FROM entities WHERE merged_into IS NOT NULL
            UNION
            SELECT chain.id, next.merged_into, chain.steps + 1
            FROM chain JOIN entities next ON next.id = chain.target
            WHERE next.merged_into IS NOT NULL AND chain.steps < 64
          ),
          ends (merged_id, canonical_id) AS (
            SELECT merged.id, coalesce(
              (SELECT chain.target FROM chain JOIN entities target ON target.id = chain.target
               WHERE chain.id = merged.id AND target.merged_into IS NULL LIMIT 1),
              (SELECT min(chain.target) FROM chain
               WHERE chain.id = merged.id
                 AND EXISTS (SELECT 1 FROM chain loop WHERE loop.id = chain.target AND loop.target = chain.target)))
            FROM (SELECT DISTINCT id FROM chain) merged
          )
          SELECT ends.merged_id, merged.name AS merged_name, ends.canonical_id, canonical.name AS canonical_name
          FROM ends
          JOIN entities merged ON merged.id = ends.merged_id
          JOIN entities canonical ON canonical.id = ends.canonical_id;

        CREATE VIEW live_entities AS
          -- The entities Concord shows: neither merged into another (see entity_merges) nor deleted.
          -- aliases: its other names and those of the (live) entities merged into it, '; ' between them.
          SELECT e.id, e.kind, e.name,
                 (SELECT group_concat(alias, '; ') FROM (
                    SELECT min(a.alias) AS alias FROM aliases a
                    WHERE a.entity_id = e.id
                       OR a.entity_id IN (SELECT m.merged_id FROM entity_merges m JOIN entities merged
                                          ON merged.id = m.merged_id AND merged.is_deleted = 0
                                          WHERE m.canonical_id = e.id)
                    GROUP BY a.normalized_alias
                    HAVING min(a.alias) <> e.name
                    ORDER BY 1)) AS aliases,
                 e.summary, e.date, e.place
          FROM entities e
          WHERE e.merged_into IS NULL AND e.is_deleted = 0;

        CREATE VIEW paragraph_places AS
          -- Every paragraph with its place as Concord prints it and reads it back. document: the
          -- digits before '_' in the file name (002 for 002_summary.txt), else the name without .txt.
          -- paragraph: '002:¶14' is the paragraph numbered 14 in that document (doc 002 14 at the
          -- prompt), '004:#3' the third paragraph of a document that prints no number for it.
          SELECT p.id AS paragraph_id, d.document, d.symbol AS document_symbol,
                 d.document || ':' || CASE WHEN p.number IS NULL THEN '#' || p.ordinal ELSE '¶' || p.number END AS paragraph,
                 p.paragraph_kind, p.section, p.text, p.document_id, p.ordinal, p.number
          FROM paragraphs p
          JOIN (
            SELECT id, symbol,
                   CASE WHEN instr(stem, '_') > 1 AND substr(stem, 1, instr(stem, '_') - 1) NOT GLOB '*[^0-9]*'
                        THEN substr(stem, 1, instr(stem, '_') - 1) ELSE stem END AS document
            FROM (SELECT id, symbol,
                         CASE WHEN source_name GLOB '*.txt' THEN substr(source_name, 1, length(source_name) - 4)
                              ELSE source_name END AS stem
                  FROM documents)
          ) d ON d.id = p.document_id;

        CREATE VIEW named_relations AS
          -- Live relations as the relations command lists them: subject predicate object by name,
          -- each end shown as the entity its merges end at (see entity_merges); relations deleted,
          -- or touching a deleted entity, left out. paragraph: where a document states it (see
          -- paragraph_places); NULL for a relation added by hand.
          SELECT r.id AS relation_id, s.name AS subject, r.predicate, o.name AS object,
                 (SELECT document FROM paragraph_places WHERE paragraph_id = r.paragraph_id) AS document,
                 (SELECT paragraph FROM paragraph_places WHERE paragraph_id = r.paragraph_id) AS paragraph,
                 (SELECT text FROM paragraphs WHERE id = r.paragraph_id) AS paragraph_text,
                 s.id AS subject_id, o.id AS object_id, r.paragraph_id
          FROM relations r
          JOIN entities recorded_subject ON recorded_subject.id = r.subject_id AND recorded_subject.is_deleted = 0
          JOIN entities recorded_object ON recorded_object.id = r.object_id AND recorded_object.is_deleted = 0
          LEFT JOIN entity_merges subject_merge ON subject_merge.merged_id = r.subject_id
          LEFT JOIN entity_merges object_merge ON object_merge.merged_id = r.object_id
          JOIN entities s ON s.id = coalesce(subject_merge.canonical_id, r.subject_id) AND s.is_deleted = 0
          JOIN entities o ON o.id = coalesce(object_merge.canonical_id, r.object_id) AND o.is_deleted = 0
          WHERE r.is_deleted = 0;

        CREATE VIEW named_mentions AS
          -- Where each live entity is named: the words as printed (surface_text, at code-point offsets
          -- start_offset..end_offset of paragraph_text), in which paragraph (see paragraph_places).
          -- Mentions recorded under a merged entity show under the entity its merges end at.
          SELECT e.name AS entity, e.kind, m.surface_text, place.document, place.paragraph,
                 place.text AS paragraph_text, m.start_offset, m.end_offset, e.id AS entity_id, m.paragraph_id
          FROM mentions m
          JOIN entities recorded ON recorded.id = m.entity_id AND recorded.is_deleted = 0
          LEFT JOIN entity_merges redirect ON redirect.merged_id = m.entity_id
          JOIN entities e ON e.id = coalesce(redirect.canonical_id, m.entity_id) AND e.is_deleted = 0
          JOIN paragraph_places place ON place.paragraph_id = m.paragraph_id;
        """
}
