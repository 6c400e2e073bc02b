/// The verbs a relation between two entities may use.
///
/// `subject predicate object` reads as a sentence: "Mr. Lewis represents OHCHR",
/// "the 452nd meeting held_by the Committee".
public enum RelationPredicate: String, CaseIterable, Codable, Sendable {
    case represents
    case memberOf = "member_of"
    case spokeAt = "spoke_at"
    case heldBy = "held_by"
    case heldIn = "held_in"
    case adopted
    case ratified
    case signed
    case refersTo = "refers_to"
    case submitted
    case reviewed
    case chaired
    /// A body urged, encouraged or called upon a State to ratify a treaty (no ratification is stated).
    case urgedToRatify = "urged_to_ratify"
    /// An event is part of a larger one: a meeting of a session.
    case partOf = "part_of"
}
