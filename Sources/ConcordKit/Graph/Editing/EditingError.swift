import Foundation

/// Why an edit (`add`, `set`, `alias`, `link`, `unlink`, `merge`, `delete`) was refused.
///
/// Every edit is validated before anything is written, so an edit that throws one
/// of these has changed nothing.
public enum EditingError: LocalizedError, Equatable {
    /// A name or alias was empty (or only spaces).
    case emptyName(command: String)
    /// `set … kind …`: an entity's kind is part of its id.
    case kindCannotChange(entity: String)
    /// `set … id|merged_into|is_deleted …`: fields only other commands change.
    case reservedField(String, useInstead: String)
    /// `set … date …` with something that is not ISO 8601.
    case invalidDate(String, reason: String)
    /// `set … name ""`, or a command that needs a value got none.
    case missingValue(field: String)
    /// `link A P A`.
    case selfLink(entity: String)
    /// `merge A A`, or B was already merged into A.
    case alreadySame(first: String, second: String)
    /// `merge` of a person into a body, and the like.
    case differentKinds(first: String, second: String)
    /// `unlink A P B` when no live relation says so.
    case notLinked(subject: String, predicate: String, object: String, subjectID: String)
    /// The knowledge base changed between checking an edit and writing it.
    case changedMeanwhile

    public var errorDescription: String? {
        switch self {
        case let .emptyName(command):
            return "the name is empty; write it in quotes, e.g. \(command) \"Ana Example\""
        case let .kindCannotChange(entity):
            return "the kind of \(entity) cannot be changed; add a new entity with add KIND NAME and delete this one"
        case let .reservedField(field, useInstead):
            return "'\(field)' cannot be set directly; use \(useInstead)"
        case let .invalidDate(value, reason):
            return "'\(value)' is not a date: \(reason); write YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDTHH:MM or START/END, e.g. 2019-04-02T10:00/2019-04-02T13:00"
        case let .missingValue(field):
            return "\(field) needs a value; write it after the field, e.g. set ENTITY \(field) \"value\""
        case let .selfLink(entity):
            return "\(entity) cannot be linked to itself; give two different entities"
        case let .alreadySame(first, second):
            return "\(first) and \(second) are already the same entity; nothing to merge"
        case let .differentKinds(first, second):
            return "cannot merge \(second) into \(first): they are of different kinds; only duplicates of the same kind merge"
        case let .notLinked(subject, predicate, object, subjectID):
            return "\(subject) is not linked to \(object) by \(predicate); links \(subjectID) shows what it is linked to"
        case .changedMeanwhile:
            return "the knowledge base changed while this edit was being checked; run the command again"
        }
    }
}
