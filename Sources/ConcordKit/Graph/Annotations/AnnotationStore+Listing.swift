import GRDB

/// Which notes and tags `notes` lists; every part given must match.
public struct NotesFilter: Equatable, Sendable {
    /// An entity, relation id or paragraph address (see ``AnnotationTargetResolver``).
    public var target: String?
    /// Only tags equal to this (ignoring case and a leading `#`).
    public var tag: String?
    /// Only annotations by this author (ignoring case).
    public var author: String?

    public init(target: String? = nil, tag: String? = nil, author: String? = nil) {
        self.target = target
        self.tag = tag
        self.author = author
    }
}

/// One note or tag as `notes` shows it, with what it is attached to.
public struct AnnotationListing: Equatable, Sendable {
    public var annotation: Annotation
    /// `entity`, `relation` or `paragraph`.
    public var targetKind: Annotation.TargetKind
    /// The entity's id after merges, the relation id, or the paragraph id.
    public var targetID: String
    /// The entity's name, the relation as a sentence, or the paragraph's address (`002:14`).
    public var targetName: String
    /// For paragraph targets: the paragraph (its document, ordinal and official number).
    public var paragraph: Paragraph?
}

extension AnnotationStore {
    /// Live notes and tags matching `filter`, newest first. Annotations on deleted entities
    /// or relations are left out; those on merged duplicates show under the survivor.
    public func notes(matching filter: NotesFilter) throws -> [AnnotationListing] {
        let tag = try filter.tag.map { try Self.tag($0) }
        return try knowledgeBase.read { db in
            var conditions = ["is_deleted = 0"]
            var arguments: StatementArguments = []
            if let reference = filter.target {
                let target = try AnnotationTargetResolver().resolve(reference, in: db)
                let ids = try target.storedIDs(in: db)
                conditions.append("target_kind = ? AND target_id IN (\(databaseQuestionMarks(count: ids.count)))")
                arguments += [target.kind.rawValue] + StatementArguments(ids)
            }
            if let tag {
                conditions.append("annotation_kind = 'tag' AND lower(body) = lower(?)")
                arguments += [tag]
            }
            if let author = filter.author {
                conditions.append("lower(author) = lower(?)")
                arguments += [author.trimmingCharacters(in: .whitespaces)]
            }
            let annotations = try Annotation.fetchAll(
                db,
                sql: "SELECT * FROM annotations WHERE \(conditions.joined(separator: " AND ")) ORDER BY created_at DESC, rowid DESC",
                arguments: arguments)
            var describer = TargetDescriber()
            return try annotations.compactMap { try describer.listing(for: $0, in: db) }
        }
    }
}

/// Names annotation targets for listings, remembering each one it has looked up.
private struct TargetDescriber {
    private var known: [String: (id: String, name: String, paragraph: Paragraph?)?] = [:]

    mutating func listing(for annotation: Annotation, in db: Database) throws -> AnnotationListing? {
        let key = annotation.targetKind.rawValue + " " + annotation.targetID
        if known[key] == nil { known[key] = .some(try describe(annotation.targetKind, annotation.targetID, in: db)) }
        guard let found = known[key], let target = found else { return nil }
        return AnnotationListing(
            annotation: annotation, targetKind: annotation.targetKind, targetID: target.id, targetName: target.name,
            paragraph: target.paragraph)
    }

    /// The target's shown id and name, or `nil` when it is deleted or gone.
    private func describe(_ kind: Annotation.TargetKind, _ id: String, in db: Database) throws -> (id: String, name: String, paragraph: Paragraph?)? {
        switch kind {
        case .entity:
            guard let entity = try Entity.fetchOne(db, key: id) else { return nil }
            let canonical = try EntityResolver().canonical(entity, in: db)
            return canonical.isDeleted ? nil : (canonical.id, canonical.name, nil)
        case .relation:
            guard let relation = try Relation.fetchOne(db, key: id), !relation.isDeleted else { return nil }
            return (relation.id, try AnnotationTargetResolver.sentence(for: relation, in: db), nil)
        case .paragraph:
            guard let paragraph = try Paragraph.fetchOne(db, key: id) else { return nil }
            return (paragraph.id, try AnnotationTargetResolver.address(of: paragraph, in: db), paragraph)
        }
    }
}
