import GRDB

/// A statement `subject predicate object` between two entities, with the paragraph
/// that states it (`nil` when someone added it by hand), the sentence that states it
/// (`evidence`) and whether extraction found it or a person stated or confirmed it (`source`).
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
    /// ``Source/extracted`` or ``Source/edited`` (raw value).
    public var source: String
    /// The sentence (or span) of the paragraph that states the relation.
    public var evidence: String?

    /// Whether a relation was found in the text or stated by a person.
    public enum Source: String, Sendable, CaseIterable {
        case extracted, edited
    }

    enum CodingKeys: String, CodingKey {
        case id, predicate, source, evidence
        case subjectID = "subject_id"
        case objectID = "object_id"
        case paragraphID = "paragraph_id"
        case isDeleted = "is_deleted"
    }

    public init(
        subjectID: String, predicate: RelationPredicate, objectID: String, paragraphID: String?, isDeleted: Bool = false,
        source: Source? = nil, evidence: String? = nil
    ) {
        self.id = Relation.id(subjectID: subjectID, predicate: predicate.rawValue, objectID: objectID, paragraphID: paragraphID)
        self.subjectID = subjectID
        self.predicate = predicate.rawValue
        self.objectID = objectID
        self.paragraphID = paragraphID
        self.isDeleted = isDeleted
        self.source = (source ?? (paragraphID == nil ? .edited : .extracted)).rawValue
        self.evidence = evidence
    }

    /// The content-derived id of a relation: `relation:` and 16 hex digits.
    public static func id(subjectID: String, predicate: String, objectID: String, paragraphID: String?) -> String {
        "relation:" + StableID.hex([subjectID, predicate, objectID, paragraphID ?? ""])
    }
}
