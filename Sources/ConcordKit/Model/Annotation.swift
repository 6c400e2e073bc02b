import GRDB

/// A note or a tag that a person attached to an entity, a relation or a paragraph.
///
/// Ids are random, so annotations written by different people never overwrite
/// each other; removing one (`untag`) sets `isDeleted`.
public struct Annotation: Codable, Hashable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "annotations"

    /// What an annotation is attached to.
    public enum TargetKind: String, Codable, Sendable, DatabaseValueConvertible {
        case entity, relation, paragraph
    }

    /// Whether an annotation is free text or a tag.
    public enum Kind: String, Codable, Sendable, DatabaseValueConvertible {
        case note, tag
    }

    public var id: String
    public var targetKind: TargetKind
    public var targetID: String
    public var annotationKind: Kind
    /// The note's text, or the tag.
    public var body: String
    public var author: String
    /// ISO 8601, UTC.
    public var createdAt: String
    public var isDeleted: Bool

    enum CodingKeys: String, CodingKey {
        case id, body, author
        case targetKind = "target_kind"
        case targetID = "target_id"
        case annotationKind = "annotation_kind"
        case createdAt = "created_at"
        case isDeleted = "is_deleted"
    }

    public init(
        id: String, targetKind: TargetKind, targetID: String, annotationKind: Kind, body: String,
        author: String, createdAt: String, isDeleted: Bool = false
    ) {
        self.id = id
        self.targetKind = targetKind
        self.targetID = targetID
        self.annotationKind = annotationKind
        self.body = body
        self.author = author
        self.createdAt = createdAt
        self.isDeleted = isDeleted
    }
}
