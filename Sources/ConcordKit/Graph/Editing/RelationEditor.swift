import GRDB

/// A relation added by hand with `link A PREDICATE B`, or — when extraction already
/// found it — the extracted relations confirmed (their source becomes `edited`).
public struct LinkChange: PlannedEdit {
    public var subject: Entity
    public var predicate: RelationPredicate
    public var object: Entity
    /// The hand-made relation's content-derived id (the same on every machine).
    public var relationID: String
    /// `true` when the hand-made relation exists as a tombstone and is brought back.
    public var revives: Bool
    /// Live relations that already say this (extracted or hand-made): then no new relation is written.
    public var existingIDs: [String]
    /// Of ``existingIDs``, the extracted ones not yet confirmed: linking confirms them.
    public var confirmedIDs: [String] = []

    public var summary: String {
        (confirmedIDs.isEmpty ? "link " : "confirm ") + "\(subject.editLabel) \(predicate.rawValue) \(object.editLabel)"
    }
    public var changesNothing: Bool { !existingIDs.isEmpty && confirmedIDs.isEmpty }
}

/// `unlink A PREDICATE B`: every live relation saying so becomes a tombstone.
public struct UnlinkChange: PlannedEdit {
    public var subject: Entity
    public var predicate: RelationPredicate
    public var object: Entity
    /// The relations removed, extracted ones (with a paragraph) included.
    public var relationIDs: [String]

    public var summary: String {
        let count = relationIDs.count == 1 ? "" : " (\(relationIDs.count) relations)"
        return "unlink \(subject.editLabel) \(predicate.rawValue) \(object.editLabel)\(count)"
    }
    public var changesNothing: Bool { false }
}

/// Adds and removes relations by hand: `link` and `unlink`. Linking what extraction
/// found confirms it; unlinking an extracted relation rejects it (a tombstone, so
/// ingesting the document again does not bring it back).
///
/// A hand-made relation has no paragraph and an id derived from subject, predicate
/// and object (``Relation/id(subjectID:predicate:objectID:paragraphID:)``), so two
/// people adding the same link make the same row. Both ends are taken after merges:
/// a relation recorded on a merged duplicate counts as one of the survivor's.
public struct RelationEditor: Sendable {
    public let knowledgeBase: KnowledgeBase

    public init(knowledgeBase: KnowledgeBase) {
        self.knowledgeBase = knowledgeBase
    }

    /// The predicate a user typed (`member_of`, `member-of`, `Member_Of`).
    public static func predicate(_ typed: String) throws -> RelationPredicate {
        let key = typed.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "-", with: "_")
        guard let predicate = RelationPredicate(rawValue: key) else { throw GraphError.unknownPredicate(typed) }
        return predicate
    }

    /// `link A PREDICATE B`.
    public func link(_ subjectReference: String, _ typedPredicate: String, _ objectReference: String) throws -> LinkChange {
        let predicate = try Self.predicate(typedPredicate)
        return try knowledgeBase.perform { db in
            let (subject, object) = try ends(subjectReference, objectReference, in: db)
            let relationID = Relation.id(subjectID: subject.id, predicate: predicate.rawValue, objectID: object.id, paragraphID: nil)
            let existing = try liveRelations(subject, predicate, object, in: db)
            let revives = try Bool.fetchOne(db, sql: "SELECT is_deleted FROM relations WHERE id = ?", arguments: [relationID]) ?? false
            let confirmed = try existing.isEmpty ? [] : String.fetchAll(
                db, sql: "SELECT id FROM relations WHERE id IN (\(databaseQuestionMarks(count: existing.count))) AND source = 'extracted' ORDER BY id",
                arguments: StatementArguments(existing))
            return LinkChange(
                subject: subject, predicate: predicate, object: object, relationID: relationID, revives: revives, existingIDs: existing,
                confirmedIDs: confirmed)
        } apply: { change, db in
            if !change.confirmedIDs.isEmpty {
                try db.execute(
                    sql: "UPDATE relations SET source = 'edited' WHERE id IN (\(databaseQuestionMarks(count: change.confirmedIDs.count)))",
                    arguments: StatementArguments(change.confirmedIDs))
            } else if change.revives {
                try db.execute(sql: "UPDATE relations SET is_deleted = 0 WHERE id = ?", arguments: [change.relationID])
            } else {
                try Relation(subjectID: change.subject.id, predicate: change.predicate, objectID: change.object.id, paragraphID: nil)
                    .insert(db)
            }
        }
    }

    /// `unlink A PREDICATE B`; an error when nothing links them so.
    public func unlink(_ subjectReference: String, _ typedPredicate: String, _ objectReference: String) throws -> UnlinkChange {
        let predicate = try Self.predicate(typedPredicate)
        return try knowledgeBase.perform { db in
            let (subject, object) = try ends(subjectReference, objectReference, in: db)
            let existing = try liveRelations(subject, predicate, object, in: db)
            guard !existing.isEmpty else {
                throw EditingError.notLinked(
                    subject: subject.editLabel, predicate: predicate.rawValue, object: object.editLabel, subjectID: subject.id)
            }
            return UnlinkChange(subject: subject, predicate: predicate, object: object, relationIDs: existing)
        } apply: { change, db in
            let placeholders = databaseQuestionMarks(count: change.relationIDs.count)
            try db.execute(
                sql: "UPDATE relations SET is_deleted = 1 WHERE id IN (\(placeholders))", arguments: StatementArguments(change.relationIDs))
        }
    }

    private func ends(_ subjectReference: String, _ objectReference: String, in db: Database) throws -> (Entity, Entity) {
        let subject = try EntityResolver().resolve(subjectReference, in: db)
        let object = try EntityResolver().resolve(objectReference, in: db)
        guard subject.id != object.id else { throw EditingError.selfLink(entity: subject.editLabel) }
        return (subject, object)
    }

    /// Ids of the live relations `subject predicate object`, counting merged duplicates of either end.
    private func liveRelations(_ subject: Entity, _ predicate: RelationPredicate, _ object: Entity, in db: Database) throws -> [String] {
        let subjects = try EntityGroup.of(subject, in: db)
        let objects = try EntityGroup.of(object, in: db)
        return try String.fetchAll(
            db,
            sql: """
                SELECT id FROM relations
                WHERE is_deleted = 0 AND predicate = ?
                  AND subject_id IN (\(subjects.placeholders)) AND object_id IN (\(objects.placeholders))
                ORDER BY id
                """,
            arguments: [predicate.rawValue] + subjects.arguments + objects.arguments)
    }
}
