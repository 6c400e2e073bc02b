import Foundation

/// The sentence that states an extracted relation: the sentence of the place the rule
/// found it (the verb, the speaker's name), or else the sentences holding the first
/// mentions of its two ends in its paragraph.
struct EvidenceFinder {
    let texts: [Int: ParagraphText]
    /// An entity (by key id) in a paragraph (by index).
    private struct Place: Hashable {
        var paragraph: Int
        var id: String
    }

    /// The first place each entity is named in each paragraph.
    private let firstMentions: [Place: Int]

    /// Longest evidence (UTF-16 units) made of two sentences; beyond it the object's sentence alone is kept.
    static let longest = 700

    init(texts: [Int: ParagraphText], entities: [EntityCandidate]) {
        self.texts = texts
        var first: [Place: Int] = [:]
        for candidate in entities {
            let key = Place(paragraph: candidate.paragraph, id: candidate.key.id)
            if let known = first[key], known <= candidate.range.location { continue }
            first[key] = candidate.range.location
        }
        firstMentions = first
    }

    /// The evidence of `relation`, or `nil` when its paragraph was not read.
    func sentence(of relation: RelationCandidate) -> String? {
        guard let text = texts[relation.paragraph] else { return nil }
        if let location = relation.location { return trimmed(text, text.sentence(containing: location)) }
        let subject = firstMentions[Place(paragraph: relation.paragraph, id: relation.subject.id)].map(text.sentence(containing:))
        let object = firstMentions[Place(paragraph: relation.paragraph, id: relation.object.id)].map(text.sentence(containing:))
        switch (subject, object) {
        case let (subject?, object?):
            let union = NSUnionRange(subject, object)
            return trimmed(text, union.length <= Self.longest ? union : object)
        case let (one?, nil), let (nil, one?):
            return trimmed(text, one)
        case (nil, nil):
            return trimmed(text, text.sentence(containing: 0))
        }
    }

    private func trimmed(_ text: ParagraphText, _ range: NSRange) -> String {
        text.substring(range).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
