import ConcordKit
import Foundation

/// How well extraction did on one annotated file: recall and precision of entities, gold
/// entities found twice, and recall and precision of relations, per predicate and overall.
///
/// An extracted entity matches a gold entity of the same kind when one of its names or
/// aliases equals one of the gold forms, ignoring case and spacing. An extracted relation is
/// right when a gold relation has its predicate and ends that match. Gold relations whose
/// ends are roles ("the Chair") or places are not scored: Concord makes no entities of them.
public struct ExtractionScore: Sendable, CustomStringConvertible {
    /// Found and total, for a recall or a precision.
    public struct Count: Sendable {
        public var found = 0
        public var total = 0

        public init(found: Int = 0, total: Int = 0) {
            self.found = found
            self.total = total
        }

        /// found / total, or 1 when there is nothing to find.
        public var ratio: Double { total == 0 ? 1 : Double(found) / Double(total) }
    }

    public var file: String
    public var coreRecall: Count
    public var recall: Count
    public var precision: Count
    /// Gold entities that two or more extracted entities matched: one real thing stored twice.
    public var doubleMatched: [String]
    public var relationRecall: [String: Count]
    public var relationRecallOverall: Count
    public var relationPrecision: Count
    public var missedEntities: [String]
    public var spuriousEntities: [String]
    public var missedRelations: [String]
    public var spuriousRelations: [String]

    public var description: String {
        func figure(_ count: Count) -> String { String(format: "%.3f (%d/%d)", count.ratio, count.found, count.total) }
        let predicates = relationRecall.sorted { $0.key < $1.key }
            .map { "\($0.key) \($0.value.found)/\($0.value.total)" }.joined(separator: ", ")
        return "\(file): core recall \(figure(coreRecall)), recall \(figure(recall)), precision \(figure(precision)), "
            + "matched twice \(doubleMatched.count); relations: recall \(figure(relationRecallOverall)), "
            + "precision \(figure(relationPrecision)) [\(predicates)]"
    }

    /// Extracts `text` as Concord's ingest does and scores the result against `gold`.
    public init(file: String, text: String, gold: ExtractionAnnotation.File) {
        let parsed = DocumentReader().read(text: text, sourceName: file)
        let graph = GraphExtractor().extract(parsed, documentID: "doc:scored")
        self.init(file: file, graph: graph, gold: gold)
    }

    /// Scores an extracted graph against `gold`.
    public init(file: String, graph: ExtractedGraph, gold: ExtractionAnnotation.File) {
        self.file = file
        let matcher = EntityMatcher(graph: graph, gold: gold.entities)
        let matched = matcher.matchedGold
        coreRecall = Count(found: gold.entities.filter { $0.core && matched[$0.name] != nil }.count,
                           total: gold.entities.filter(\.core).count)
        recall = Count(found: gold.entities.filter { matched[$0.name] != nil }.count, total: gold.entities.count)
        precision = Count(found: graph.entities.count - matcher.spurious.count, total: graph.entities.count)
        doubleMatched = matched.filter { $0.value.count > 1 }.map(\.key).sorted()
        missedEntities = gold.entities.filter { matched[$0.name] == nil }.map { ($0.core ? "core " : "") + "\($0.kind) \($0.name)" }
        spuriousEntities = matcher.spurious

        let scorer = RelationScorer(graph: graph, gold: gold, matcher: matcher)
        relationRecall = scorer.recallByPredicate
        relationRecallOverall = scorer.recallByPredicate.values.reduce(into: Count()) {
            $0.found += $1.found
            $0.total += $1.total
        }
        relationPrecision = scorer.precision
        missedRelations = scorer.missed
        spuriousRelations = scorer.spurious
    }
}

/// Which gold entities each extracted entity matches.
struct EntityMatcher {
    let graph: ExtractedGraph
    let gold: [ExtractionAnnotation.Entity]
    private let names: [String: Set<String>]
    /// Gold name → ids of the extracted entities that match it.
    private(set) var matchedGold: [String: [String]] = [:]
    /// Extracted entities that match no gold entity, as "kind name".
    private(set) var spurious: [String] = []

    static func key(_ name: String) -> String {
        name.lowercased().filter { !$0.isWhitespace }
    }

    init(graph: ExtractedGraph, gold: [ExtractionAnnotation.Entity]) {
        self.graph = graph
        self.gold = gold
        var names: [String: Set<String>] = [:]
        for entity in graph.entities { names[entity.id, default: []].insert(Self.key(entity.name)) }
        for alias in graph.aliases { names[alias.entityID, default: []].insert(Self.key(alias.alias)) }
        self.names = names
        for entity in graph.entities {
            let hits = gold.filter { matches(entity, $0) }
            if hits.isEmpty { spurious.append("\(entity.kind.rawValue) \(entity.name)") }
            for hit in hits { matchedGold[hit.name, default: []].append(entity.id) }
        }
    }

    func matches(_ entity: Entity, _ goldEntity: ExtractionAnnotation.Entity) -> Bool {
        entity.kind.rawValue == goldEntity.kind
            && !names[entity.id, default: []].isDisjoint(with: goldEntity.aliases.map(Self.key) + [Self.key(goldEntity.name)])
    }
}

/// Recall of the gold relations and precision of the extracted ones.
struct RelationScorer {
    private(set) var recallByPredicate: [String: ExtractionScore.Count] = [:]
    private(set) var precision = ExtractionScore.Count()
    private(set) var missed: [String] = []
    private(set) var spurious: [String] = []

    init(graph: ExtractedGraph, gold: ExtractionAnnotation.File, matcher: EntityMatcher) {
        let entityKinds = Set(EntityKind.allCases.map(\.rawValue))
        let goldByName = Dictionary(gold.entities.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let entitiesByID = Dictionary(graph.entities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let scored = gold.relations.filter { entityKinds.contains($0.subjectKind) && entityKinds.contains($0.objectKind) }

        func states(_ row: Relation, _ relation: ExtractionAnnotation.Relation) -> Bool {
            guard row.predicate == relation.predicate,
                  let subject = entitiesByID[row.subjectID], let object = entitiesByID[row.objectID],
                  let goldSubject = goldByName[relation.subject], let goldObject = goldByName[relation.object]
            else { return false }
            return matcher.matches(subject, goldSubject) && matcher.matches(object, goldObject)
        }

        for relation in scored {
            let found = graph.relations.contains { states($0, relation) }
            recallByPredicate[relation.predicate, default: .init()].total += 1
            if found { recallByPredicate[relation.predicate, default: .init()].found += 1 }
            else { missed.append("\(relation.subject) —\(relation.predicate)→ \(relation.object)") }
        }
        for row in graph.relations {
            precision.total += 1
            if scored.contains(where: { states(row, $0) }) {
                precision.found += 1
            } else {
                let subject = entitiesByID[row.subjectID]?.name ?? row.subjectID
                let object = entitiesByID[row.objectID]?.name ?? row.objectID
                spurious.append("\(subject) —\(row.predicate)→ \(object)")
            }
        }
    }
}
