import GRDB

/// Notes and tags people attach to entities, relations and paragraphs: `note`, `tag`,
/// `untag` and `notes`.
///
/// Each annotation has a random id, so two people's notes never collide in sync;
/// the author is the knowledge base's ``KnowledgeBase/author`` and the time
/// ``Timestamp/now()``. Annotations on an entity merged into another show under
/// the survivor. Removing a tag tombstones it (`is_deleted = 1`).
public struct AnnotationStore: Sendable {
    public let knowledgeBase: KnowledgeBase

    public init(knowledgeBase: KnowledgeBase) {
        self.knowledgeBase = knowledgeBase
    }

    /// `note TARGET TEXT`.
    public func note(_ targetReference: String, text: String) throws -> AddedAnnotation {
        let body = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !body.isEmpty else { throw AnnotationError.emptyNote }
        return try add(.note, body: body, to: targetReference)
    }

    /// `tag TARGET TAG`; nothing is written when the target already has the tag.
    public func tag(_ targetReference: String, tag typed: String) throws -> AddedAnnotation {
        try add(.tag, body: try Self.tag(typed), to: targetReference)
    }

    /// `untag TARGET TAG`: removes the tag, whoever gave it; an error when the target has none.
    public func untag(_ targetReference: String, tag typed: String) throws -> RemovedTags {
        let tag = try Self.tag(typed)
        return try knowledgeBase.perform { db in
            let target = try AnnotationTargetResolver().resolve(targetReference, in: db)
            let ids = try matchingTags(tag, on: target, in: db).map(\.id)
            guard !ids.isEmpty else { throw AnnotationError.notTagged(target: targetReference, tag: tag) }
            return RemovedTags(target: target, tag: tag, annotationIDs: ids)
        } apply: { removal, db in
            let placeholders = databaseQuestionMarks(count: removal.annotationIDs.count)
            try db.execute(
                sql: "UPDATE annotations SET is_deleted = 1 WHERE id IN (\(placeholders))",
                arguments: StatementArguments(removal.annotationIDs))
        }
    }

    /// A tag as stored: one word, without a leading `#`.
    public static func tag(_ typed: String) throws -> String {
        var tag = typed.trimmingCharacters(in: .whitespaces)
        if tag.hasPrefix("#") { tag.removeFirst() }
        guard !tag.isEmpty, !tag.contains(where: { $0.isWhitespace || $0.isNewline }), tag.count <= 64 else {
            throw AnnotationError.invalidTag(typed)
        }
        return tag
    }

    private func add(_ kind: Annotation.Kind, body: String, to targetReference: String) throws -> AddedAnnotation {
        let id = StableID.random(prefix: "annotation")
        let author = knowledgeBase.author
        let createdAt = Timestamp.now()
        return try knowledgeBase.perform { db in
            let target = try AnnotationTargetResolver().resolve(targetReference, in: db)
            let taggedBy = kind == .tag ? try matchingTags(body, on: target, in: db).map(\.author) : []
            let annotation = Annotation(
                id: id, targetKind: target.kind, targetID: target.id, annotationKind: kind, body: body,
                author: author, createdAt: createdAt)
            return AddedAnnotation(annotation: annotation, target: target, alreadyTaggedBy: Array(Set(taggedBy)).sorted())
        } apply: { added, db in
            try added.annotation.insert(db)
        }
    }

    /// Live tags equal to `tag` (ignoring case) on `target`, merged duplicates included.
    private func matchingTags(_ tag: String, on target: AnnotationTarget, in db: Database) throws -> [Annotation] {
        let ids = try target.storedIDs(in: db)
        let placeholders = databaseQuestionMarks(count: ids.count)
        return try Annotation.fetchAll(
            db,
            sql: """
                SELECT * FROM annotations
                WHERE is_deleted = 0 AND annotation_kind = 'tag' AND lower(body) = lower(?)
                  AND target_kind = ? AND target_id IN (\(placeholders))
                ORDER BY id
                """,
            arguments: [tag, target.kind.rawValue] + StatementArguments(ids))
    }
}
