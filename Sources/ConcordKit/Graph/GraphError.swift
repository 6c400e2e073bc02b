import Foundation

/// Why a graph command could not find or change what it was asked to.
public enum GraphError: LocalizedError, Equatable {
    /// Nothing matched; `suggestion` is the closest name, as "Mr. Lewis (person:3fa4…)".
    case unknownEntity(String, suggestion: String?)
    /// Several entities go by that name; `candidates` are "name (id)" lines.
    case ambiguousEntity(String, candidates: [String])
    case unknownKind(String)
    case unknownPredicate(String)
    case unknownField(String)
    case unknownDocument(String)
    case unknownParagraph(String)
    case invalidValue(String)

    public var errorDescription: String? {
        switch self {
        case let .unknownEntity(reference, suggestion):
            if let suggestion { return "no entity matches '\(reference)' — did you mean \(suggestion)?" }
            return "no entity matches '\(reference)'; try find \(reference.split(separator: " ").first ?? "") to look for it"
        case let .ambiguousEntity(reference, candidates):
            let shown = candidates.prefix(6).joined(separator: "; ")
            let more = candidates.count > 6 ? "; and \(candidates.count - 6) more" : ""
            return "'\(reference)' could be \(candidates.count) entities: \(shown)\(more) — use the id"
        case let .unknownKind(kind):
            return "unknown kind '\(kind)'; kinds are " + EntityKind.allCases.map(\.rawValue).joined(separator: ", ")
        case let .unknownPredicate(predicate):
            return "unknown predicate '\(predicate)'; predicates are " + RelationPredicate.allCases.map(\.rawValue).joined(separator: ", ")
        case let .unknownField(field):
            return "unknown field '\(field)'; use name, summary, date, place, or any other word for a free attribute"
        case let .unknownDocument(reference):
            return "no document matches '\(reference)'; stats lists the documents"
        case let .unknownParagraph(reference):
            return "no paragraph '\(reference)'; write DOCUMENT:NUMBER (e.g. 002:14) or DOCUMENT:#ORDINAL"
        case let .invalidValue(message):
            return message
        }
    }
}
