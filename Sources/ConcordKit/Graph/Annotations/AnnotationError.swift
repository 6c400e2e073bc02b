import Foundation

/// Why `note`, `tag`, `untag` or `notes` was refused. Nothing is written when one is thrown.
public enum AnnotationError: LocalizedError, Equatable {
    /// `relation:…` that names no live relation.
    case unknownRelation(String)
    /// `note TARGET ""`.
    case emptyNote
    /// A tag that is empty or has spaces in it.
    case invalidTag(String)
    /// `untag TARGET TAG` when TARGET has no such tag.
    case notTagged(target: String, tag: String)

    public var errorDescription: String? {
        switch self {
        case let .unknownRelation(reference):
            return "no relation '\(reference)'; links ENTITY shows relations with their ids"
        case .emptyNote:
            return "the note is empty; write its text in quotes, e.g. note 002:14 \"check the figures\""
        case let .invalidTag(tag):
            return "'\(tag)' is not a tag; a tag is one word such as follow-up or upr (use note for text)"
        case let .notTagged(target, tag):
            return "\(target) has no tag '\(tag)'; notes \(target) lists its tags"
        }
    }
}
