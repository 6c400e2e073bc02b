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
    /// What a summary record's cover page says about the meeting (number, date, place, session, Chair).
    var header = MeetingHeader()
    /// The person the header names as Chair: who "The Chair" is in the record.
    var chair: EntityKey? { header.chair.map { EntityKey(.person, $0) } }
    /// The session the recorded meeting is part of, when the header names it.
    var session: EntityKey? {
        guard let ordinal = header.session, let body = bodyKey else { return nil }
        return EntityKey(.event, ordinal.prefix(1).uppercased() + ordinal.dropFirst() + " session of the \(body.name)")
    }
    /// Paragraph indexes of headings that name the recorded meeting ("Meeting with States").
    var meetingHeadings: [Int: String] = [:]
    /// Resolution numbers → the organ that adopted them, where the document says so once
    /// ("General Assembly resolution 64/166"), for the places it prints only "resolution 64/166".
    var resolutionOrgans: [String: EntityKey] = [:]
    /// Short references ("the Assembly") → the body they stand for in this document.
    var shortReferences: [String: EntityKey] = [:]
    /// The document's symbol, or else its file name: what tells apart events described only generically.
    var documentLabel: String?

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
        context.documentLabel = document.symbol ?? document.sourceName
        let found = Set(names.joined().map(\.key))
        let mentionsCommittee = paragraphs.contains { !committeeReference.matches(in: $0).isEmpty }
        // The body the title page names (now metadata, not a paragraph) says it outright.
        context.treatyBody = TreatyBodyGazetteer.all.first { body in
            document.metadata.body.map { NameNormalizer.normalize($0) == NameNormalizer.normalize(body.name) } ?? false
        } ?? treatyBody(paragraphs: paragraphs, found: found, mentionsCommittee: mentionsCommittee || isSummaryRecord)
        if found.contains(EntityKey(.body, "General Assembly")) {
            context.shortReferences["the assembly"] = EntityKey(.body, "General Assembly")
        }
        if found.contains(EntityKey(.body, "Human Rights Council")), !found.contains(EntityKey(.body, "Security Council")) {
            context.shortReferences["the council"] = EntityKey(.body, "Human Rights Council")
        }
        context.resolutionOrgans = resolutionOrgans(paragraphs)
        if isSummaryRecord {
            context.header = MeetingHeader.read(titlePage: document.titlePage, paragraphs: paragraphs.prefix(MeetingHeader.headerLength))
            context.recordedMeeting = EntityKey(.event, meetingName(document, header: context.header, body: context.treatyBody))
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

    /// A name for the meeting a summary record records that tells it from every other:
    /// "451st meeting of the Committee …" as the record's title numbers it (the name other
    /// documents use for it), else what the record is filed as, printed first so that it
    /// shows even where long names are cut.
    private static func meetingName(_ document: ParsedDocument, header: MeetingHeader, body: TreatyBodyGazetteer.TreatyBody?) -> String {
        let owner = body.map { " of the " + $0.name } ?? ""
        if let number = header.number, !owner.isEmpty { return "\(number) meeting\(owner)" }
        if let symbol = document.symbol ?? header.symbol { return "Meeting \(symbol)\(owner)" }
        if let date = header.date { return "Meeting of \(date)" + (header.startTime.map { " at \($0)" } ?? "") + owner }
        return "Meeting recorded in \(document.sourceName)\(owner)"
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
