import GRDB

/// Who says each paragraph of a summary record: the person whose `spoke_at` relation
/// the paragraph states ("Ms. Labiad (Morocco) said …", "The Chair said …"), and the
/// paragraphs after it until the next speaker, heading or note of procedure ("The meeting
/// rose at …"), which continue their statement (footnotes have no speaker).
/// The State or body they speak for is the `represents` relation stated with them.
/// Both ends are shown as the entities their merge chains end at.
public struct SpeakerAttribution: Sendable {
    /// The speaker of one paragraph.
    public struct Speaker: Hashable, Sendable {
        public var personID: String
        public var personName: String
        /// The State or body they speak for, when the record says.
        public var partyID: String?
        public var partyName: String?
    }

    public init() {}

    /// The speakers of the paragraphs of the document `documentID`, by paragraph id;
    /// paragraphs nobody is recorded saying are absent.
    public func speakers(inDocument documentID: String, in db: Database) throws -> [String: Speaker] {
        let rows = try Row.fetchAll(db, sql: Self.documentSQL, arguments: [documentID])
        var speakers: [String: Speaker] = [:]
        var current: Speaker?
        for row in rows {
            let paragraphID: String = row[0]
            let kind: String = row[1]
            let isProcedure: Bool = row[6]
            if let personID: String = row[2] {
                current = Speaker(personID: personID, personName: row[3], partyID: row[4], partyName: row[5])
            } else if kind == Paragraph.Kind.heading.rawValue || isProcedure {
                current = nil
            }
            if kind == Paragraph.Kind.text.rawValue, let current { speakers[paragraphID] = current }
        }
        return speakers
    }

    /// The paragraphs, across documents, said by `person` (with its merged duplicates) or, when
    /// `person` is `nil`, by whoever speaks for `party`.
    public func paragraphs(spokenBy person: Entity?, for party: Entity?, in db: Database) throws -> Set<String> {
        let people = try person.map { try EntityGroup.of($0, in: db) }
        let parties = try party.map { try EntityGroup.of($0, in: db) }
        var documents: [String] = []
        let group = people ?? parties
        if let group {
            let predicate = people != nil ? "spoke_at" : "represents"
            let column = people != nil ? "subject_id" : "object_id"
            documents = try String.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT p.document_id FROM relations r JOIN paragraphs p ON p.id = r.paragraph_id
                    WHERE r.predicate = ? AND r.is_deleted = 0 AND r.\(column) IN (\(group.placeholders))
                    """,
                arguments: StatementArguments([predicate]) + group.arguments)
        }
        var found = Set<String>()
        for document in documents {
            for (paragraphID, speaker) in try speakers(inDocument: document, in: db) {
                if let people, people.canonicalID != speaker.personID { continue }
                if let parties, parties.canonicalID != speaker.partyID { continue }
                found.insert(paragraphID)
            }
        }
        return found
    }

    /// Each paragraph of a document in order, with the speaker its text names (if any) and whom they represent there.
    static let documentSQL = """
        WITH RECURSIVE \(EntityGroup.redirectsSQL),
        spoke AS (
          SELECT r.paragraph_id, min(\(EntityGroup.canonical("r.subject_id"))) AS person_id
          FROM relations r JOIN paragraphs p ON p.id = r.paragraph_id
          WHERE p.document_id = ?1 AND r.predicate = 'spoke_at' AND r.is_deleted = 0
          GROUP BY r.paragraph_id),
        party AS (
          SELECT r.paragraph_id, \(EntityGroup.canonical("r.subject_id")) AS person_id,
                 min(\(EntityGroup.canonical("r.object_id"))) AS party_id
          FROM relations r JOIN paragraphs p ON p.id = r.paragraph_id
          WHERE p.document_id = ?1 AND r.predicate = 'represents' AND r.is_deleted = 0
          GROUP BY r.paragraph_id, person_id)
        SELECT p.id, p.paragraph_kind, s.person_id, person.name, party.party_id, o.name,
               p.text LIKE 'The meeting %' OR p.text LIKE 'The public part of the meeting %' OR p.text LIKE 'The discussion covered %'
        FROM paragraphs p
        LEFT JOIN spoke s ON s.paragraph_id = p.id
        LEFT JOIN entities person ON person.id = s.person_id
        LEFT JOIN party ON party.paragraph_id = p.id AND party.person_id = s.person_id
        LEFT JOIN entities o ON o.id = party.party_id
        WHERE p.document_id = ?1
        ORDER BY p.ordinal
        """
}
