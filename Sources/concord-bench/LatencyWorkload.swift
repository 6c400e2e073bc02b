import ConcordBenchKit
import ConcordKit
import Foundation
import GRDB

/// The seeded inputs of the latency benchmark, drawn from the generated base itself:
/// entity names, prefixes, misspellings, connected pairs and search words.
struct LatencyWorkload {
    /// An entity the commands are run on.
    struct Target {
        var id: String
        var name: String
    }

    var targets: [Target] = []
    var prefixes: [String] = []
    var misspellings: [String] = []
    var pairs: [(Target, Target)] = []
    var searches: [String] = []
    var completionPrefixes: [String] = []

    /// Draws `count` of each input from `knowledgeBase` with `seed`.
    init(knowledgeBase: KnowledgeBase, seed: UInt64, count: Int) throws {
        var random = SeededGenerator(seed: seed).derived("latency workload")
        let vocabulary = SeedVocabulary.words
        try knowledgeBase.read { db in
            let total = try Int.fetchOne(db, sql: "SELECT max(rowid) FROM entities") ?? 0
            while targets.count < count {
                if let target = try Self.entity(rowid: Int.random(in: 1...max(total, 1), using: &random), in: db) {
                    targets.append(target)
                }
            }
            for target in targets {
                let word = target.name.split(separator: " ").last.map(String.init) ?? target.name
                prefixes.append(String(word.prefix(Int.random(in: 4...6, using: &random))))
                misspellings.append(Self.misspell(target.name, random: &random))
                searches.append((0..<Int.random(in: 1...2, using: &random)).map { _ in random.pick(vocabulary) }.joined(separator: " "))
                let letters = Int.random(in: 1...3, using: &random)
                completionPrefixes.append(String(word.prefix(letters)))
            }
            var attempts = 0
            while pairs.count < count, attempts < count * 20 {
                attempts += 1
                let start = random.pick(targets)
                if let end = try Self.walk(from: start.id, steps: Int.random(in: 2...3, using: &random), random: &random, in: db),
                   end.id != start.id {
                    pairs.append((start, end))
                }
            }
        }
    }

    static func entity(rowid: Int, in db: Database) throws -> Target? {
        try Row.fetchOne(db, sql: "SELECT id, name FROM entities WHERE rowid = ? AND is_deleted = 0 AND merged_into IS NULL", arguments: [rowid])
            .map { Target(id: $0["id"], name: $0["name"]) }
    }

    /// Where a random walk of `steps` relations from `id` ends, if it can go that far.
    static func walk(from id: String, steps: Int, random: inout SeededGenerator, in db: Database) throws -> Target? {
        var current = id
        for _ in 0..<steps {
            let next = try String.fetchAll(db, sql: """
                SELECT object_id FROM relations WHERE subject_id = ? UNION SELECT subject_id FROM relations WHERE object_id = ?
                LIMIT 50
                """, arguments: [current, current])
            guard !next.isEmpty else { return nil }
            current = random.pick(next)
        }
        return try Row.fetchOne(db, sql: "SELECT id, name FROM entities WHERE id = ?", arguments: [current])
            .map { Target(id: $0["id"], name: $0["name"]) }
    }

    /// `name` with one letter of its last word changed, dropped or doubled (a typo or OCR slip).
    static func misspell(_ name: String, random: inout SeededGenerator) -> String {
        var characters = Array(name)
        let lastSpace = characters.lastIndex(of: " ").map { $0 + 1 } ?? 0
        guard characters.count - lastSpace > 3 else { return name }
        let position = Int.random(in: (lastSpace + 1)..<characters.count, using: &random)
        switch Int.random(in: 0..<3, using: &random) {
        case 0: characters[position] = random.pick(Array("aeiourstln"))
        case 1: characters.remove(at: position)
        default: characters.insert(characters[position], at: position)
        }
        return String(characters)
    }
}

/// Quotes a word for a REPL line (shell rules): single quotes, with `'` written as `'\''`.
func quoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
