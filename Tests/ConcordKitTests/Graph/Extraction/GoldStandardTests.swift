import Foundation
import Testing
@testable import ConcordKit

/// Scores extraction against the hand-made annotation in `../shared/gold/`
/// (dev.json: entities per file; dev-relations.json: relations) and holds it to
/// the targets: per file, recall of core entities ≥ 0.95, recall of all
/// entities ≥ 0.85, precision ≥ 0.90, no gold entity matched twice, and recall of
/// `represents` and `spoke_at` ≥ 0.80.
///
/// An extracted entity matches a gold entity of the same kind when one of its
/// names or aliases equals one of the gold aliases, ignoring case and spacing.
/// Gold relations whose ends are roles ("the Chair") or places are not scored:
/// Concord does not make entities of them.
@Suite struct GoldStandardTests {
    struct GoldEntity: Decodable {
        var kind: String
        var name: String
        var aliases: [String]
        var core: Bool
    }

    struct GoldRelation: Decodable {
        var subject: String
        var predicate: String
        var object: String
        var subject_kind: String
        var object_kind: String
    }

    struct GoldFile<Item: Decodable>: Decodable {
        var files: [String: [Item]]
    }

    static let goldDirectory = TestKnowledgeBase.repositoryRoot + "/../shared/gold"

    static func key(_ name: String) -> String {
        name.lowercased().filter { !$0.isWhitespace }
    }

    /// The figures for one file.
    struct Score: CustomStringConvertible {
        var file: String
        var coreRecall: Double
        var recall: Double
        var precision: Double
        var doubleMatched: [String]
        var relationRecall: [String: (found: Int, total: Int)]
        var missed: [String]
        var spurious: [String]

        var description: String {
            func figure(_ value: Double) -> String { String(format: "%.3f", value) }
            let relations = relationRecall.sorted { $0.key < $1.key }
                .map { "\($0.key) \($0.value.found)/\($0.value.total)" }.joined(separator: ", ")
            return "\(file): core recall \(figure(coreRecall)), recall \(figure(recall)), precision \(figure(precision)), "
                + "matched twice \(doubleMatched.count); relations: \(relations)"
        }
    }

    static func score(file: String, gold: [GoldEntity], goldRelations: [GoldRelation]) throws -> Score {
        let text = try String(contentsOfFile: TestKnowledgeBase.repositoryRoot + "/seeds/" + file, encoding: .utf8)
        let parsed = DocumentReader().read(text: text, sourceName: file)
        let graph = GraphExtractor().extract(parsed, documentID: "doc:gold")
        var names: [String: Set<String>] = [:]
        for entity in graph.entities { names[entity.id, default: []].insert(key(entity.name)) }
        for alias in graph.aliases { names[alias.entityID, default: []].insert(key(alias.alias)) }
        func matches(_ entity: Entity, _ goldEntity: GoldEntity) -> Bool {
            entity.kind.rawValue == goldEntity.kind && !names[entity.id, default: []].isDisjoint(with: goldEntity.aliases.map(key))
        }
        var matchedGold: [String: [String]] = [:]
        var spurious: [String] = []
        for entity in graph.entities {
            let hits = gold.filter { matches(entity, $0) }
            if hits.isEmpty { spurious.append("\(entity.kind.rawValue) \(entity.name)") }
            for hit in hits { matchedGold[hit.name, default: []].append(entity.id) }
        }
        let core = gold.filter(\.core)
        let foundCore = core.filter { matchedGold[$0.name] != nil }.count
        let found = gold.filter { matchedGold[$0.name] != nil }.count
        var relationRecall: [String: (found: Int, total: Int)] = [:]
        let entityKinds = Set(EntityKind.allCases.map(\.rawValue))
        for predicate in ["represents", "spoke_at"] {
            let scored = goldRelations.filter {
                $0.predicate == predicate && entityKinds.contains($0.subject_kind) && entityKinds.contains($0.object_kind)
            }
            var hits = 0
            for relation in scored {
                guard let subject = gold.first(where: { $0.name == relation.subject }),
                      let object = gold.first(where: { $0.name == relation.object }) else { continue }
                let stated = graph.relations.contains { row in
                    guard row.predicate == predicate,
                          let s = graph.entities.first(where: { $0.id == row.subjectID }),
                          let o = graph.entities.first(where: { $0.id == row.objectID }) else { return false }
                    return matches(s, subject) && matches(o, object)
                }
                if stated { hits += 1 }
            }
            relationRecall[predicate] = (hits, scored.count)
        }
        return Score(
            file: file,
            coreRecall: core.isEmpty ? 1 : Double(foundCore) / Double(core.count),
            recall: gold.isEmpty ? 1 : Double(found) / Double(gold.count),
            precision: graph.entities.isEmpty ? 0 : Double(graph.entities.count - spurious.count) / Double(graph.entities.count),
            doubleMatched: matchedGold.filter { $0.value.count > 1 }.map(\.key).sorted(),
            relationRecall: relationRecall,
            missed: gold.filter { matchedGold[$0.name] == nil }.map { ($0.core ? "core " : "") + "\($0.kind) \($0.name)" },
            spurious: spurious)
    }

    @Test func extractionMeetsTheTargetsOnTheAnnotatedFiles() throws {
        let decoder = JSONDecoder()
        let entities = try decoder.decode(
            GoldFile<GoldEntity>.self, from: Data(contentsOf: URL(fileURLWithPath: Self.goldDirectory + "/dev.json")))
        let relations = try decoder.decode(
            GoldFile<GoldRelation>.self, from: Data(contentsOf: URL(fileURLWithPath: Self.goldDirectory + "/dev-relations.json")))
        #expect(!entities.files.isEmpty)
        for file in entities.files.keys.sorted() {
            let score = try Self.score(file: file, gold: entities.files[file] ?? [], goldRelations: relations.files[file] ?? [])
            print("gold \(score)")
            if !score.missed.isEmpty { print("  missed: " + score.missed.joined(separator: "; ")) }
            if !score.spurious.isEmpty { print("  not in gold: " + score.spurious.joined(separator: "; ")) }
            #expect(score.coreRecall >= 0.95, "\(file): core recall \(score.coreRecall)")
            #expect(score.recall >= 0.85, "\(file): recall \(score.recall)")
            #expect(score.precision >= 0.90, "\(file): precision \(score.precision)")
            #expect(score.doubleMatched.isEmpty, "\(file): gold entities matched twice: \(score.doubleMatched)")
            for (predicate, figures) in score.relationRecall where figures.total > 0 {
                #expect(Double(figures.found) / Double(figures.total) >= 0.80, "\(file): \(predicate) recall \(figures.found)/\(figures.total)")
            }
        }
    }
}
