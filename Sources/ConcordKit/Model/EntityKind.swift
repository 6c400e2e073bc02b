/// The five kinds of thing the knowledge graph holds.
///
/// Stored as the lowercase raw value in `entities.kind`; the first part of an
/// entity id (`person:3fa4…`) is its kind, so ids read as what they name.
public enum EntityKind: String, CaseIterable, Codable, Sendable {
    /// Committees, councils, offices, agencies, working groups, networks, mandates.
    case body
    /// Named individuals.
    case person
    /// Conventions, resolutions, general comments, documents cited by symbol, laws.
    case instrument
    /// Sessions, meetings, consultations, forums, reviews, dialogues.
    case event
    /// States (countries).
    case state
}
