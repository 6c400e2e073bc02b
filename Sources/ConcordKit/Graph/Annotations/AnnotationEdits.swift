/// A note or tag about to be attached (`note`, `tag`).
public struct AddedAnnotation: PlannedEdit {
    public var annotation: Annotation
    public var target: AnnotationTarget
    /// For a tag: who already gave the target this tag (then nothing is written).
    public var alreadyTaggedBy: [String]

    public var summary: String {
        switch annotation.annotationKind {
        case .note: return "note on \(target.label): \"\(Self.excerpt(annotation.body))\""
        case .tag: return "tag \(target.label) \(annotation.body)"
        }
    }
    public var changesNothing: Bool { !alreadyTaggedBy.isEmpty }

    /// The first words of a note, for the one-line summary.
    static func excerpt(_ text: String, limit: Int = 48) -> String {
        let flat = text.split(whereSeparator: { $0.isNewline }).joined(separator: " ")
        return flat.count > limit ? String(flat.prefix(limit - 1)) + "…" : flat
    }
}

/// `untag TARGET TAG`: the matching tags become tombstones.
public struct RemovedTags: PlannedEdit {
    public var target: AnnotationTarget
    public var tag: String
    public var annotationIDs: [String]

    public var summary: String { "untag \(target.label) \(tag)" }
    public var changesNothing: Bool { false }
}
