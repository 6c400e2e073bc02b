import Foundation

/// Resolves the short references of a document to the entities they stand for:
/// "the Committee" to the treaty body the document is about ("the Convention" is resolved by
/// ``ConventionReferences``), "the Assembly"/"the Council" to the organ the document names, and
/// "the current meeting" or the meeting's heading to the meeting a summary record records.
struct CoreferenceResolver {
    let context: DocumentContext

    private static let committee = Pattern(#"\b[Tt]he Committee\b(?!\s+(?:on|against|for|of)\s+\p{Lu})(?![\p{L}\-])"#, requiring: ["the committee"])
    private static let organ = Pattern(#"\b[Tt]he (?:Assembly|Council)\b(?![\p{L}\-])"#, requiring: ["the assembly", "the council"])
    private static let currentMeeting = Pattern(#"\b(?:the|this) (?:current|present) meeting\b"#, caseInsensitive: true, requiring: ["meeting"])
    private static let meetingCopula = Pattern(
        #"\b(?:current|present) meeting (?:was|is|would be) (?:the )?((?:[\p{Ll}\-]+ ){0,3}meeting(?: of (?:the )?[\p{L}’' \-]+?session)?)\b"#, requiring: ["meeting"])

    func recognize(_ paragraph: ParagraphText) -> [EntityCandidate] {
        var candidates: [EntityCandidate] = []
        func add(_ key: EntityKey?, _ range: NSRange, layer: EntityCandidate.Layer = .name) {
            guard let key else { return }
            candidates.append(EntityCandidate(
                key: key, paragraph: paragraph.index, range: range, surface: paragraph.substring(range), layer: layer, priority: layer == .phrase ? 5 : 1))
        }
        for match in Self.committee.matches(in: paragraph) { add(context.bodyKey, match.range) }
        for match in Self.organ.matches(in: paragraph) {
            add(context.shortReferences[paragraph.substring(match.range).lowercased()], match.range)
        }
        guard let meeting = context.recordedMeeting else { return candidates }
        for match in Self.currentMeeting.matches(in: paragraph) { add(meeting, match.range, layer: .phrase) }
        for match in Self.meetingCopula.matches(in: paragraph) {
            if let range = match.rangeIfPresent(1) { add(meeting, range, layer: .phrase) }
        }
        if context.meetingHeadings[paragraph.index] != nil {
            let trimmed = paragraph.text.trimmingCharacters(in: .whitespaces)
            let start = (paragraph.text as NSString).range(of: trimmed)
            if start.location != NSNotFound { add(meeting, start, layer: .phrase) }
        }
        // The meeting's heading repeated in the text ("the informal meeting with States…").
        for heading in Set(context.meetingHeadings.values) where !heading.isEmpty {
            var searchRange = NSRange(location: 0, length: paragraph.length)
            while true {
                let found = paragraph.string.range(of: heading, options: [.caseInsensitive], range: searchRange)
                if found.location == NSNotFound { break }
                if context.meetingHeadings[paragraph.index] == nil { add(meeting, found, layer: .phrase) }
                let next = found.location + found.length
                searchRange = NSRange(location: next, length: paragraph.length - next)
            }
        }
        return candidates
    }
}
