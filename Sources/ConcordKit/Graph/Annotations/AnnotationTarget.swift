import GRDB

/// What a note or tag is attached to: an entity, a relation or a paragraph.
public enum AnnotationTarget: Equatable, Sendable {
    /// An entity, after following merges.
    case entity(Entity)
    /// A live relation; `label` reads as a sentence ("Ana Example represents OHCHR").
    case relation(Relation, label: String)
    /// A paragraph; `label` is its address as typed at the prompt (`002:14`, `002:#3`).
    case paragraph(Paragraph, label: String)

    /// The kind stored in `annotations.target_kind`.
    public var kind: Annotation.TargetKind {
        switch self {
        case .entity: return .entity
        case .relation: return .relation
        case .paragraph: return .paragraph
        }
    }

    /// The id stored in `annotations.target_id`.
    public var id: String {
        switch self {
        case let .entity(entity): return entity.id
        case let .relation(relation, _): return relation.id
        case let .paragraph(paragraph, _): return paragraph.id
        }
    }

    /// How messages and listings name the target.
    public var label: String {
        switch self {
        case let .entity(entity): return entity.editLabel
        case let .relation(_, label): return label
        case let .paragraph(_, label): return label
        }
    }

    /// The ids annotations on this target may carry: for an entity, every id merged into it.
    func storedIDs(in db: Database) throws -> [String] {
        if case let .entity(entity) = self { return try EntityGroup.of(entity, in: db).memberIDs }
        return [id]
    }
}

/// Finds what `note`, `tag` and `untag` attach to from what the user typed.
///
/// `relation:…` is a relation id; `DOCUMENT:N` or `DOCUMENT:#K` a paragraph (see
/// ``DocumentResolver``); anything else an entity id, name or alias (see
/// ``EntityResolver``). An address that names no paragraph is tried as an entity
/// before its paragraph error is reported, so an entity called "Resolution 2:3" works.
public struct AnnotationTargetResolver: Sendable {
    public init() {}

    public func resolve(_ reference: String, in db: Database) throws -> AnnotationTarget {
        let trimmed = reference.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("relation:") {
            guard let relation = try Relation.fetchOne(db, key: trimmed), !relation.isDeleted else {
                throw AnnotationError.unknownRelation(trimmed)
            }
            return .relation(relation, label: try Self.sentence(for: relation, in: db))
        }
        if Self.looksLikeParagraphAddress(trimmed) {
            do {
                let paragraph = try DocumentResolver().paragraph(trimmed, in: db)
                return .paragraph(paragraph, label: try Self.address(of: paragraph, in: db))
            } catch {
                if let entity = try? EntityResolver().resolve(trimmed, in: db) { return .entity(entity) }
                throw error
            }
        }
        return .entity(try EntityResolver().resolve(trimmed, in: db))
    }

    /// `DOC:N`, `DOC:#K` or `DOC:¶N`, but not an entity id such as `person:3fa4…`.
    static func looksLikeParagraphAddress(_ text: String) -> Bool {
        guard let colon = text.lastIndex(of: ":") else { return false }
        let documentPart = text[..<colon]
        var number = text[text.index(after: colon)...]
        if number.hasPrefix("#") || number.hasPrefix("¶") { number = number.dropFirst() }
        guard !documentPart.isEmpty, !number.isEmpty, number.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        return EntityKind(rawValue: String(documentPart)) == nil
    }

    /// The address a user would type for `paragraph`: `002:14` when it has an official number, else `002:#3`.
    static func address(of paragraph: Paragraph, in db: Database) throws -> String {
        let document = try Document.fetchOne(db, key: paragraph.documentID)
        let label = document.map { DocumentLabel.short($0.sourceName) } ?? paragraph.documentID
        return paragraph.number.map { "\(label):\($0)" } ?? "\(label):#\(paragraph.ordinal)"
    }

    /// "Ana Example represents OHCHR", with both ends taken after merges.
    static func sentence(for relation: Relation, in db: Database) throws -> String {
        func name(_ id: String) throws -> String {
            guard let entity = try Entity.fetchOne(db, key: id) else { return id }
            return try EntityResolver().canonical(entity, in: db).name
        }
        return "\(try name(relation.subjectID)) \(relation.predicate) \(try name(relation.objectID))"
    }
}
