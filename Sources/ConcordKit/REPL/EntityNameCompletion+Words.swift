import CSQLiteSession
import Foundation
import GRDB

extension EntityNameCompletion {
    /// Names and aliases in which some word begins with `typed` (its words, in order, from
    /// any word of the name on), ignoring case, accents and punctuation: `Boter` finds
    /// `Mr. Botero Navarro`, `Lewis` finds `Benjamin Lewis`, `Landa` finds `Ms. Landázuri de Mora`.
    ///
    /// Candidates come from the trigram index of names (`name_search`, which holds names
    /// reduced to letters and digits): an indexed MATCH on the typed letters, at most
    /// ``wordCandidateLimit`` entities, whose names and aliases are then checked word by word.
    /// Under three letters the index cannot answer and nothing is returned.
    func names(withWordBeginning typed: String, in db: Database) throws -> [String] {
        let typedWords = FuzzyMatch.words(typed)
        let letters = typedWords.joined()
        guard letters.count >= 3 else { return [] }
        // Letters made of common trigrams with few matches can make the MATCH read long lists:
        // past its time budget the lookup gives up, and Tab offers the names beginning with the text.
        guard let ids = try Self.withinBudget(db, {
            try String.fetchAll(
                db, sql: "SELECT DISTINCT entity_id FROM name_search WHERE name_search MATCH ? LIMIT ?",
                arguments: [EntityFinder.phrase(letters), Self.wordCandidateLimit])
        }) else { return [] }
        guard !ids.isEmpty else { return [] }
        let names = try String.fetchAll(
            db,
            sql: """
                SELECT name FROM entities WHERE id IN (SELECT value FROM json_each(?1)) AND is_deleted = 0
                UNION
                SELECT a.alias FROM aliases a JOIN entities e ON e.id = a.entity_id
                WHERE a.entity_id IN (SELECT value FROM json_each(?1)) AND e.is_deleted = 0
                """,
            arguments: [Self.jsonArray(ids)])
        let matching = names.filter { Self.hasWords(typedWords, atAWordOf: FuzzyMatch.words($0)) }
        return Array(matching.sorted { $0.lowercased() < $1.lowercased() }.prefix(limit))
    }

    /// How long the trigram lookup may run before it is abandoned, in nanoseconds.
    static let wordLookupBudget: UInt64 = 1_500_000

    /// `body`'s result, or nil when it ran past ``wordLookupBudget`` (a progress handler
    /// interrupts it; the handler is removed afterwards).
    /// Related SQLite documentation: <https://www.sqlite.org/c3ref/progress_handler.html>.
    static func withinBudget<T>(_ db: Database, _ body: () throws -> T) throws -> T? {
        let deadline = UnsafeMutablePointer<UInt64>.allocate(capacity: 1)
        defer { deadline.deallocate() }
        deadline.pointee = DispatchTime.now().uptimeNanoseconds + wordLookupBudget
        sqlite3_progress_handler(db.sqliteConnection, 1_000, { context in
            guard let context else { return 0 }
            return DispatchTime.now().uptimeNanoseconds > context.assumingMemoryBound(to: UInt64.self).pointee ? 1 : 0
        }, deadline)
        defer { sqlite3_progress_handler(db.sqliteConnection, 0, nil, nil) }
        do {
            return try body()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_INTERRUPT {
            return nil
        }
    }

    /// Entities read from the trigram index for one word-start lookup.
    static let wordCandidateLimit = 100

    /// `true` when `typed` (all but its last word whole, the last one begun) appears in `words`
    /// starting at one of its words.
    static func hasWords(_ typed: [String], atAWordOf words: [String]) -> Bool {
        guard let last = typed.last, words.count >= typed.count else { return false }
        let whole = typed.dropLast()
        for start in 0...(words.count - typed.count) {
            let window = words[start..<(start + typed.count)]
            if zip(window.dropLast(), whole).allSatisfy({ $0 == $1 }), window.last?.hasPrefix(last) == true { return true }
        }
        return false
    }

    private static func jsonArray(_ strings: [String]) -> String {
        "[" + strings.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
            .joined(separator: ",") + "]"
    }

    /// The kinds of the live entities called `name` (by name or alias), sorted; an id's kind for an id.
    func kinds(named name: String, in db: Database) throws -> [String] {
        if name.hasSuffix(":") { return [] }
        if let colon = name.firstIndex(of: ":"), EntityKind(rawValue: String(name[..<colon])) != nil { return [String(name[..<colon])] }
        return try String.fetchAll(
            db,
            sql: """
                SELECT DISTINCT e.kind FROM aliases a JOIN entities e ON e.id = a.entity_id
                WHERE a.normalized_alias = ? AND e.is_deleted = 0 ORDER BY e.kind
                """,
            arguments: [NameNormalizer.normalize(name)])
    }

    /// Short labels of the documents (`002`) beginning with `typed`, for `doc`.
    func documentLabels(beginningWith typed: String, in db: Database) throws -> [String] {
        let labels = try String.fetchAll(db, sql: "SELECT source_name FROM documents ORDER BY source_name").map(DocumentLabel.short)
        return Array(Set(labels.filter { $0.lowercased().hasPrefix(typed.lowercased()) })).sorted()
    }

    /// Tags in use beginning with `typed` (a leading `#` is ignored), for `tag`, `untag`, `notes --tag`.
    func tags(beginningWith typed: String, in db: Database) throws -> [String] {
        let bare = typed.hasPrefix("#") ? String(typed.dropFirst()) : typed
        return try String.fetchAll(
            db,
            sql: """
                SELECT DISTINCT body FROM annotations
                WHERE annotation_kind = 'tag' AND is_deleted = 0 AND body >= ? COLLATE NOCASE AND body < ? COLLATE NOCASE
                ORDER BY body COLLATE NOCASE LIMIT ?
                """,
            arguments: [bare, bare + Self.highest, limit])
    }
}
