import GRDB

/// A statement `subject predicate object` between two entities, with the paragraph
/// that states it (`nil` when someone added it by hand).
///
/// The id is derived from subject, predicate, object and paragraph, so the same
/// statement extracted or linked on two machines is one row.
public struct Relation: Codable, Hashable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "relations"

    public var id: String
    public var subjectID: String
    public var predicate: String
    public var objectID: String
    public var paragraphID: String?
    public var isDeleted: Bool

    enum CodingKeys: String, CodingKey {
        case id, predicate
        case subjectID = "subject_id"
        case objectID = "object_id"
        case paragraphID = "paragraph_id"
        case isDeleted = "is_deleted"
    }

    public init(subjectID: String, predicate: RelationPredicate, objectID: String, paragraphID: String?, isDeleted: Bool = false) {
        self.id = Relation.id(subjectID: subjectID, predicate: predicate.rawValue, objectID: objectID, paragraphID: paragraphID)
        self.subjectID = subjectID
        self.predicate = predicate.rawValue
        self.objectID = objectID
        self.paragraphID = paragraphID
        self.isDeleted = isDeleted
    }

    /// The content-derived id of a relation: `relation:` and 16 hex digits.
    public static func id(subjectID: String, predicate: String, objectID: String, paragraphID: String?) -> String {
        "relation:" + StableID.hex([subjectID, predicate, objectID, paragraphID ?? ""])
    }
}
