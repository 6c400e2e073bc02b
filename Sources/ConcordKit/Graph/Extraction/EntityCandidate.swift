import Foundation

/// An entity as extraction knows it before storing: its kind and canonical name,
/// from which its stable id is derived.
struct EntityKey: Hashable, Sendable {
    let kind: EntityKind
    let name: String
    let id: String

    init(_ kind: EntityKind, _ name: String) {
        self.kind = kind
        self.name = name
        id = EntityKey.ids.id(kind, name)
    }

    /// Ids already computed (hashing and normalising a name costs more than a lookup).
    private static let ids = IDCache()

    private final class IDCache: @unchecked Sendable {
        private let lock = NSLock()
        private var cache: [String: String] = [:]

        func id(_ kind: EntityKind, _ name: String) -> String {
            let key = kind.rawValue + "\u{1F}" + name
            lock.lock()
            if let id = cache[key] { lock.unlock(); return id }
            lock.unlock()
            let id = StableID.entity(kind: kind, canonicalName: name)
            lock.lock()
            if cache.count > 200_000 { cache.removeAll() }
            cache[key] = id
            lock.unlock()
            return id
        }
    }

    static func == (left: EntityKey, right: EntityKey) -> Bool { left.id == right.id }
    func hash(into hasher: inout Hasher) { hasher.combine(id) }
}

/// One place a recogniser found an entity named in a paragraph.
struct EntityCandidate {
    /// Names are bodies, people, instruments and States; phrases (events, descriptions
    /// such as "the Committee's secretariat") may contain names without hiding them.
    enum Layer { case name, phrase }

    var key: EntityKey
    /// Index of the paragraph in the document.
    var paragraph: Int
    /// UTF-16 range in the paragraph's text.
    var range: NSRange
    var surface: String
    var layer: Layer = .name
    /// Breaks ties between overlapping candidates of equal length (higher wins).
    var priority: Int = 0
    /// Whether the printed form becomes an alias (a pronoun-like "its" form does not).
    var surfaceIsAlias = true
    /// A short form that could stand for more than one entity here ("the Convention" after
    /// another convention's title): kept as a mention, but no relation is stated through it.
    var isAmbiguous = false

    var end: Int { range.location + range.length }
}

/// A relation found between two entities, with the paragraph that states it.
struct RelationCandidate: Hashable {
    var subject: EntityKey
    var predicate: RelationPredicate
    var object: EntityKey
    var paragraph: Int
    /// Where in the paragraph (UTF-16) the statement is made: its sentence is the evidence.
    /// `nil` when the rule has no one place (the evidence is then found from the ends' mentions).
    var location: Int? = nil
}

/// Facts about an entity beyond its names: date, place and free attributes.
struct EntityFacts {
    var date: String?
    var place: String?
    var attributes: [String: String] = [:]
    var extraAliases: [String] = []
}

/// What the recognisers found in a document so far.
struct Findings {
    var entities: [EntityCandidate] = []
    var relations: [RelationCandidate] = []
    var facts: [EntityKey: EntityFacts] = [:]

    mutating func relate(_ subject: EntityKey?, _ predicate: RelationPredicate, _ object: EntityKey?, in paragraph: Int, at location: Int? = nil) {
        guard let subject, let object, subject != object else { return }
        relations.append(RelationCandidate(subject: subject, predicate: predicate, object: object, paragraph: paragraph, location: location))
    }

    mutating func setDate(_ date: String?, of key: EntityKey) {
        guard let date else { return }
        if facts[key, default: EntityFacts()].date == nil { facts[key, default: EntityFacts()].date = date }
    }

    mutating func setPlace(_ place: String?, of key: EntityKey) {
        guard let place else { return }
        if facts[key, default: EntityFacts()].place == nil { facts[key, default: EntityFacts()].place = place }
    }

    mutating func setAttribute(_ name: String, _ value: String?, of key: EntityKey) {
        guard let value else { return }
        facts[key, default: EntityFacts()].attributes[name] = value
    }

    mutating func addAlias(_ alias: String, of key: EntityKey) {
        facts[key, default: EntityFacts()].extraAliases.append(alias)
    }
}
