import Foundation

/// Relations of the people in a document: in a summary record, who spoke at the
/// meeting and whom they spoke for ("Ms. Labiad (Morocco) said…"); anywhere,
/// "X, a representative of Y" (represents), "X, professor at Y" (member_of) and
/// "moderated by X" (chaired).
struct SpeakerRelations {
    let context: DocumentContext

    private static let leadingNumber = Pattern(#"^\s*(?:\d{1,3}\.)?\s*"#)
    private static let parenthesis = Pattern(#"^\s*\(([^()]{2,120})\)"#)
    private static let representative = Pattern(#"^,?\s+(?:an?|the)\s+(?:[\p{Ll}\-]+\s+){0,2}(?:representative|delegate|observer|member|official|staff member)s?\s+(?:of|from|for)\s+(?:the\s+)?"#)
    private static let affiliation = Pattern(
        #"^,\s+(?:(?:an?|the)\s+)?(?:[\p{Ll}\-]+\s+){0,3}(?:professor|lecturer|researcher|director|head|chief|fellow|member|expert|adviser|advisor|officer)\s+(?:at|of|with|in)\s+(?:the\s+)?"#)
    private static let chairedBy = Pattern(#"\b(?:moderated|chaired|presided over|facilitated) by $"#)
    /// "The Chair said", "The CHAIRPERSON said" (older records print the role in capitals).
    private static let chairSpeaks = Pattern(
        #"^the (?:acting )?(?:chair|chairperson|chairman|chairwoman|president)(?![\p{L}\-])"#, caseInsensitive: true)
    /// A role in a speaker's parenthesis ("(Rapporteur)", "(Country Rapporteur)", "(Vice-Chair)"):
    /// a role the person has, not a body they speak for.
    static let role = Pattern(
        #"^(?:(?:Acting|Alternate|Co-|Country|Deputy|Vice-|Former)\s*)?(?:Rapporteur|Chair|Chairperson|Chairman|Chairwoman|President|Secretary|Coordinator|Task Force|Moderator|Facilitator|Focal Point|Member|Expert|Secretariat)(?![\p{L}])"#)
    private static let observerPrefix = Pattern(#"^(?:Observer|Representative) (?:for|of) (?:the )?"#)

    /// Adds speaker relations and the entities named in speakers' parentheses.
    func relate(_ paragraph: ParagraphText, names: [EntityCandidate], findings: inout Findings) {
        let people = names.filter { $0.key.kind == .person }
        if context.isSummaryRecord, let meeting = context.recordedMeeting {
            speaker(paragraph, people: people, names: names, meeting: meeting, findings: &findings)
            for person in people {
                let start = max(0, person.range.location - 30)
                let before = paragraph.substring(NSRange(location: start, length: person.range.location - start))
                if !Self.chairedBy.matches(in: before).isEmpty {
                    findings.relate(person.key, .chaired, meeting, in: paragraph.index, at: person.range.location)
                }
            }
        }
        for person in people {
            let after = NSRange(location: person.end, length: min(90, paragraph.length - person.end))
            if let match = Self.representative.firstMatch(in: paragraph, range: after),
               let party = names.first(where: { $0.range.location == match.range.location + match.range.length && ($0.key.kind == .body || $0.key.kind == .state) }) {
                findings.relate(person.key, .represents, party.key, in: paragraph.index)
            }
            if let match = Self.affiliation.firstMatch(in: paragraph, range: after),
               let body = names.first(where: { $0.range.location == match.range.location + match.range.length && $0.key.kind == .body }) {
                findings.relate(person.key, .memberOf, body.key, in: paragraph.index)
            }
        }
    }

    /// "Mr. X (Country) said …" at the start of a paragraph: X spoke at the meeting, and represents Country.
    private func speaker(
        _ paragraph: ParagraphText, people: [EntityCandidate], names: [EntityCandidate], meeting: EntityKey, findings: inout Findings
    ) {
        let lead = Self.leadingNumber.firstMatch(in: paragraph, range: NSRange(location: 0, length: paragraph.length))
        let start = lead.map { $0.range.location + $0.range.length } ?? 0
        if let chair = context.chair,
           Self.chairSpeaks.firstMatch(in: paragraph, range: NSRange(location: start, length: paragraph.length - start)) != nil {
            findings.relate(chair, .spokeAt, meeting, in: paragraph.index, at: start)
            return
        }
        guard let speaker = people.first(where: { $0.range.location == start }) else { return }
        findings.relate(speaker.key, .spokeAt, meeting, in: paragraph.index, at: speaker.range.location)
        let after = NSRange(location: speaker.end, length: paragraph.length - speaker.end)
        guard let parenthesis = Self.parenthesis.firstMatch(in: paragraph, range: after) else { return }
        let inside = parenthesis.range(at: 1)
        if Self.role.firstMatch(in: paragraph, range: inside) != nil {
            findings.setAttribute("role", GraphAssembler.collapse(paragraph.substring(inside)), of: speaker.key)
            let body = names.first { NSIntersectionRange($0.range, inside).length > 0 && $0.key.kind == .body }
            findings.relate(speaker.key, .memberOf, body?.key, in: paragraph.index, at: speaker.range.location)
            return
        }
        let party = names.filter { NSIntersectionRange($0.range, inside).length > 0 && ($0.key.kind == .state || $0.key.kind == .body) }
            .max { $0.range.length < $1.range.length }
        if let party {
            findings.relate(speaker.key, .represents, party.key, in: paragraph.index, at: speaker.range.location)
            return
        }
        // An organisation no gazetteer knows: name it as printed, without "Observer for the".
        var text = paragraph.substring(inside)
        var range = inside
        if let prefix = Self.observerPrefix.matches(in: text).first {
            text = (text as NSString).substring(from: prefix.range.length)
            range = NSRange(location: inside.location + prefix.range.length, length: inside.length - prefix.range.length)
        }
        guard let first = text.first, first.isUppercase, !text.contains(where: \.isNumber) else { return }
        let key = EntityKey(.body, text)
        findings.entities.append(EntityCandidate(key: key, paragraph: paragraph.index, range: range, surface: text, priority: 1))
        findings.relate(speaker.key, .represents, key, in: paragraph.index, at: speaker.range.location)
    }
}
