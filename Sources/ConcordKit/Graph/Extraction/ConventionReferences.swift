import Foundation

/// Resolves "the Convention" to the treaty it stands for where it is printed, as UN
/// drafting uses the short form: in a document about a treaty body, the treaty that body
/// monitors (the short form its documents define); in any other document, the convention
/// last named in full before it. In a treaty body's document, a "the Convention" printed
/// after another convention's full title in the same paragraph ("the Domestic Workers
/// Convention, 2011 (No. 189) … the Convention") could mean either: it is kept as a
/// mention of the body's treaty but marked ambiguous, and states no relation.
struct ConventionReferences {
    let context: DocumentContext

    private static let convention = Pattern(
        #"\b[Tt]he Convention\b(?!\s+(?:on|against|for|relating|concerning)\b)(?![\p{L}\-])"#, requiring: ["the convention"])

    /// The "the Convention" candidates of `paragraph`, whose other names are `names`;
    /// `lastNamed` is the convention the document last named in full, updated for this paragraph.
    func recognize(_ paragraph: ParagraphText, names: [EntityCandidate], lastNamed: inout EntityKey?) -> [EntityCandidate] {
        let named = names.filter { Self.isConvention($0) }
        var candidates: [EntityCandidate] = []
        for match in Self.convention.matches(in: paragraph) {
            let local = named.last { $0.end <= match.range.location }?.key
            guard let key = context.conventionKey ?? local ?? lastNamed else { continue }
            var candidate = EntityCandidate(
                key: key, paragraph: paragraph.index, range: match.range, surface: paragraph.substring(match.range), priority: 1)
            candidate.isAmbiguous = context.conventionKey != nil && local != nil && local != context.conventionKey
            candidates.append(candidate)
        }
        if let last = named.last { lastNamed = last.key }
        return candidates
    }

    /// A convention named in full (not a protocol to one, not a short form).
    private static func isConvention(_ candidate: EntityCandidate) -> Bool {
        guard candidate.key.kind == .instrument, candidate.surface.lowercased() != "the convention" else { return false }
        let name = candidate.key.name
        return name.contains("Convention") && !name.hasPrefix("Optional Protocol") && !name.hasPrefix("Protocol")
    }
}
