import Foundation

/// What a document is about, inferred from its text, so that short references
/// resolve: "the Committee" is the treaty body whose meeting a summary record
/// records (or whose treaty the document is about), "the Convention" the treaty
/// that body monitors, "the Assembly" the General Assembly when the document names it.
struct DocumentContext {
    var isSummaryRecord: Bool
    /// The treaty body "the Committee" stands for, if the document is about one.
    var treatyBody: TreatyBodyGazetteer.TreatyBody?
    /// The event a summary record records, if this is one.
    var recordedMeeting: EntityKey?
    /// Paragraph indexes of headings that name the recorded meeting ("Meeting with States").
    var meetingHeadings: [Int: String] = [:]
    /// Resolution numbers → the organ that adopted them, where the document says so once
    /// ("General Assembly resolution 64/166"), for the places it prints only "resolution 64/166".
    var resolutionOrgans: [String: EntityKey] = [:]
    /// Short references ("the Assembly") → the body they stand for in this document.
    var shortReferences: [String: EntityKey] = [:]

    var bodyKey: EntityKey? { treatyBody.map { EntityKey(.body, $0.name) } }
    var conventionKey: EntityKey? { treatyBody.map { EntityKey(.instrument, $0.convention) } }

    private static let summaryRecordMarks = Pattern(
        #"(?:meeting was called to order|discussion covered in the summary record|The meeting rose at|summary record)"#,
        caseInsensitive: true)
    /// Every treaty body's topic stems (lowercase), counted in one pass over each paragraph.
    private static let topicStems = TreatyBodyGazetteer.all.flatMap(\.topicStems).map { $0.lowercased() }
    private static let committeeReference = Pattern(#"\b[Tt]he Committee\b"#)

    /// Infers the context of `document` from its paragraphs and the gazetteer names found in them.
    static func infer(_ document: ParsedDocument, paragraphs: [ParagraphText], names: [[EntityCandidate]]) -> DocumentContext {
        let isSummaryRecord = document.kind == .summaryRecord
            || paragraphs.prefix(4).contains { !summaryRecordMarks.matches(in: $0).isEmpty }
            || paragraphs.suffix(6).contains { $0.text.contains("The meeting rose at") }
        var context = DocumentContext(isSummaryRecord: isSummaryRecord)
        let found = Set(names.joined().map(\.key))
        let mentionsCommittee = paragraphs.contains { !committeeReference.matches(in: $0).isEmpty }
        context.treatyBody = treatyBody(paragraphs: paragraphs, found: found, mentionsCommittee: mentionsCommittee || isSummaryRecord)
        if found.contains(EntityKey(.body, "General Assembly")) {
            context.shortReferences["the assembly"] = EntityKey(.body, "General Assembly")
        }
        if found.contains(EntityKey(.body, "Human Rights Council")), !found.contains(EntityKey(.body, "Security Council")) {
            context.shortReferences["the council"] = EntityKey(.body, "Human Rights Council")
        }
        context.resolutionOrgans = resolutionOrgans(paragraphs)
        if isSummaryRecord {
            context.recordedMeeting = EntityKey(.event, meetingName(document, body: context.treatyBody))
            context.meetingHeadings = meetingHeadings(paragraphs)
        }
        return context
    }

    /// The treaty body the document is about: the one whose topic words and printed
    /// names weigh most, provided the document refers to "the Committee" at all.
    private static func treatyBody(
        paragraphs: [ParagraphText], found: Set<EntityKey>, mentionsCommittee: Bool
    ) -> TreatyBodyGazetteer.TreatyBody? {
        guard mentionsCommittee else { return nil }
        var stemCounts: [String: Int] = [:]
        for paragraph in paragraphs {
            stemCounts.merge(paragraph.occurrences(of: topicStems), uniquingKeysWith: +)
        }
        var best: (body: TreatyBodyGazetteer.TreatyBody, score: Int)?
        for body in TreatyBodyGazetteer.all {
            var score = body.topicStems.reduce(0) { $0 + (stemCounts[$1] ?? 0) }
            if found.contains(EntityKey(.instrument, body.convention)) { score += 5 }
            if found.contains(EntityKey(.body, body.name)) { score += 3 }
            if score > (best?.score ?? 1) { best = (body, score) }
        }
        return best?.body
    }

    /// A stable name for the meeting a summary record records: the body, the symbol
    /// or date, and the time it opened, as far as the document gives them.
    private static func meetingName(_ document: ParsedDocument, body: TreatyBodyGazetteer.TreatyBody?) -> String {
        let owner = body.map { " of the " + $0.name } ?? ""
        if let symbol = document.symbol { return "Meeting\(owner) recorded in \(symbol)" }
        if let date = document.dated {
            return "Meeting\(owner) on \(date)" + (document.meetingStartedAt.map { " at \($0)" } ?? "")
        }
        return "Meeting\(owner) recorded in \(document.sourceName)"
    }

    private static let organResolutions = Pattern(
        #"\b(General Assembly|Human Rights Council|Security Council|Economic and Social Council)\s+resolutions?\s+((?:\d{1,4}/\d{1,4}(?:\s*\([^)]{1,20}\))?(?:,\s*|,?\s+and\s+)?)+)"#)
    private static let resolutionNumber = Pattern(#"\d{1,4}/\d{1,4}"#)

    private static func resolutionOrgans(_ paragraphs: [ParagraphText]) -> [String: EntityKey] {
        var organs: [String: EntityKey] = [:]
        for paragraph in paragraphs {
            for match in organResolutions.matches(in: paragraph) {
                let organ = EntityKey(.body, paragraph.substring(match.range(at: 1)))
                for number in resolutionNumber.matches(in: paragraph, range: match.range(at: 2)) {
                    let text = paragraph.substring(number.range)
                    if organs[text] == nil { organs[text] = organ }
                }
            }
        }
        return organs
    }

    private static let meetingHeading = Pattern(
        #"^(?=\p{Lu})[\p{L}\s\-]*\b(?:meeting|dialogue|consultation|discussion|debate)\b[\p{L}\s\-]*$"#, caseInsensitive: true)

    /// Headings before the first body paragraph that name the meeting ("Informal meeting with States and other stakeholders").
    private static func meetingHeadings(_ paragraphs: [ParagraphText]) -> [Int: String] {
        var headings: [Int: String] = [:]
        for paragraph in paragraphs.prefix(8) {
            let text = paragraph.text.trimmingCharacters(in: .whitespaces)
            if text.count > 90 { break }
            if !meetingHeading.matches(in: paragraph).isEmpty, !text.lowercased().hasPrefix("the meeting") {
                headings[paragraph.index] = text
            }
        }
        return headings
    }
}
