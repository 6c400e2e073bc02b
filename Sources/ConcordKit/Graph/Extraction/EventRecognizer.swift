import Foundation

/// Finds events: sessions ("the Committee’s thirty-second session"), numbered
/// meetings ("451st meeting", "9th Meeting of States parties"), and meetings,
/// dialogues and discussions described in the text ("a joint meeting with the
/// Committee on Enforced Disappearances", "an informal brainstorming meeting held
/// by the Committee in Baku in 2019"), with their dates and places.
struct EventRecognizer {
    let context: DocumentContext

    static let session = ScannedPattern(Pattern(
        #"\b("# + PatternPiece.ordinal + #")\s+(?:("# + EventScanners.sessionQualifiers.joined(separator: "|") + #")\s+)?session\b"#,
        caseInsensitive: true, requiring: ["session"]), scanner: EventScanners.session)
    private static let statesParties = Pattern(
        #"\b("# + PatternPiece.ordinal + #")\s+[Mm]eeting of (?:the )?States [Pp]arties\b"#, caseInsensitive: true, requiring: ["states parties"])
    private static let numberedMeeting = Pattern(#"\b(\d+(?:st|nd|rd|th))\s+meeting\b"#, requiring: ["meeting"])
    static let described = ScannedPattern(Pattern(
        #"\b((?:(?:"# + EventScanners.adjectives.joined(separator: "|") + #")\s+){1,4})("# + EventScanners.nouns.joined(separator: "|") + #")(s?)\b"#,
        caseInsensitive: true, requiring: EventScanners.nouns), scanner: EventScanners.described)
    private static let anchor = Pattern(
        #"^(?:\s+(?:held|to be held|convened|organized|organised|hosted|scheduled)\b|[^.;]{0,40}?\bfrom \d{1,2}\b|,?\s+(?:on|in) \d{1,2} "# + PatternPiece.month + ")")
    private static let date = Pattern(
        #"(?:\bfrom )?\b(\d{1,2})(?:(?: and | to |–|-)(\d{1,2}))?\s+("# + PatternPiece.month + #")\s+(\d{4})"#)
    /// "in Geneva", "in New York", "in Santiago de Chile" (a city's particle kept, so the State in its name is not taken for the place).
    private static let place = Pattern(#"\bin ((?:\p{Lu}\p{Ll}+)(?: (?:de |del |da |do |la )?\p{Lu}\p{Ll}+)?)(?![\p{L}])"#)
    private static let groupWords: Set<String> = [
        "the", "a", "an", "States", "and", "other", "stakeholders", "partners", "organizations", "civil", "society",
        "representatives", "delegations", "members", "experts", "its", "their", "relevant", "non-governmental",
    ]

    func recognize(_ paragraph: ParagraphText, names: [EntityCandidate], findings: inout Findings) {
        sessions(paragraph, names: names, findings: &findings)
        for match in Self.statesParties.matches(in: paragraph) {
            let after = names.first { $0.key.kind == .instrument && $0.range.location >= match.range.location + match.range.length
                && $0.range.location - (match.range.location + match.range.length) <= 8 }
            let treaty = after?.key ?? context.conventionKey
            let ordinal = paragraph.substring(match.range(at: 1))
            let name = "\(ordinal) Meeting of States Parties" + (treaty.map { " to the " + $0.name } ?? "")
            add(EntityKey(.event, name), match.range, paragraph, &findings, layer: .name)
        }
        if let owner = context.bodyKey {
            for match in Self.numberedMeeting.matches(in: paragraph) {
                let key = EntityKey(.event, "\(paragraph.substring(match.range(at: 1))) meeting of the \(owner.name)")
                add(key, match.range, paragraph, &findings, layer: .name)
                findings.relate(key, .heldBy, owner, in: paragraph.index)
            }
        }
        for match in Self.described.matches(in: paragraph) {
            describedEvent(match, paragraph, names: names, findings: &findings)
        }
    }

    private func add(_ key: EntityKey, _ range: NSRange, _ paragraph: ParagraphText, _ findings: inout Findings, layer: EntityCandidate.Layer) {
        findings.entities.append(EntityCandidate(
            key: key, paragraph: paragraph.index, range: range, surface: paragraph.substring(range), layer: layer, priority: 1))
    }

    private func sessions(_ paragraph: ParagraphText, names: [EntityCandidate], findings: inout Findings) {
        for match in Self.session.matches(in: paragraph) {
            let sentence = paragraph.sentence(containing: match.range.location)
            let before = names.last { Self.holdsSessions($0.key) && $0.end <= match.range.location && $0.range.location >= sentence.location
                && match.range.location - $0.end <= 40 }
            let ownerAfter = names.first { Self.holdsSessions($0.key) && $0.range.location > match.range.location + match.range.length
                && $0.range.location - (match.range.location + match.range.length) <= 8 }
            guard let owner = before?.key ?? ownerAfter?.key ?? context.bodyKey else { continue }
            let ordinal = paragraph.substring(match.range(at: 1)).lowercased()
            let qualifier = match.rangeIfPresent(2).map { paragraph.substring($0).lowercased() + " " } ?? ""
            let qualifierKept = qualifier == "online " ? "" : qualifier
            let name = ordinal.prefix(1).uppercased() + ordinal.dropFirst() + " \(qualifierKept)session of the \(owner.name)"
            let key = EntityKey(.event, name)
            add(key, match.range, paragraph, &findings, layer: .name)
            findings.relate(key, .heldBy, owner, in: paragraph.index)
        }
    }

    /// Bodies that meet in sessions: committees, councils, assemblies, commissions, working groups, conferences.
    private static func holdsSessions(_ key: EntityKey) -> Bool {
        let words = Set(key.name.split(separator: " ").map(String.init))
        return key.kind == .body && !words.isDisjoint(with: ["Committee", "Council", "Assembly", "Commission", "Group", "Conference", "Forum", "Board"])
    }

    private func describedEvent(_ match: PatternMatch, _ paragraph: ParagraphText, names: [EntityCandidate], findings: inout Findings) {
        let end = match.range.location + match.range.length
        let rest = NSRange(location: end, length: min(120, paragraph.length - end))
        let noun = paragraph.substring(match.range(at: 2)).lowercased()
        let plural = match.range(at: 3).length > 0
        let adjectives = paragraph.substring(match.range(at: 1)).lowercased()
        let company = partners(after: end, in: paragraph, names: names)
        let anchored = Self.anchor.firstMatch(in: paragraph, range: rest) != nil
        let isDialogue = noun == "dialogue" && (adjectives.contains("constructive") || adjectives.contains("interactive"))
        guard anchored || (company != nil && !plural) || (isDialogue && !plural) else { return }
        var range = match.range
        if let company { range.length = company.location + company.length - range.location }
        var description = paragraph.substring(range)
        description = description.prefix(1).uppercased() + description.dropFirst()
        let sentence = paragraph.sentence(containing: match.range.location)
        let tail = NSRange(location: end, length: sentence.location + sentence.length - end)
        var name = description
        if isDialogue, company == nil,
           let state = names.first(where: { $0.key.kind == .state && NSIntersectionRange($0.range, sentence).length > 0 }) {
            name += " with \(state.key.name)"
        }
        let when = anchored ? Self.date.firstMatch(in: paragraph, range: tail).map { isoDate($0, paragraph) }
            ?? Self.date.firstMatch(in: paragraph, range: NSRange(location: sentence.location, length: match.range.location - sentence.location)).map { isoDate($0, paragraph) }
            : nil
        let whereHeld = anchored ? Self.place.firstMatch(in: paragraph, range: tail).map { paragraph.substring($0.range(at: 1)) } : nil
        let whereName = whereHeld.flatMap { GazetteerRecognizer.shared.entry(named: $0) == nil ? $0 : nil }
        if let whereName, !name.contains(whereName) { name += " in \(whereName)" }
        if let when { name += " (\(when))" }
        // "Constructive dialogue" alone names no one event: say which document describes it.
        if name == description, company == nil, let label = context.documentLabel { name += " (\(label))" }
        let key = EntityKey(.event, name)
        add(key, range, paragraph, &findings, layer: .phrase)
        findings.setDate(when, of: key)
        findings.setPlace(whereHeld, of: key)
        let heldBy = paragraph.substring(tail).hasPrefix(" held by")
            ? names.first { $0.key.kind == .body && $0.range.location >= end && $0.range.location - end <= 14 }?.key
            : nil
        findings.relate(key, .heldBy, heldBy ?? (noun == "dialogue" || noun == "meeting" ? context.bodyKey : nil), in: paragraph.index)
        if let whereHeld, let state = GazetteerRecognizer.shared.entry(named: whereHeld), state.key.kind == .state {
            findings.relate(key, .heldIn, state.key, in: paragraph.index)
        }
    }

    /// "with States and other stakeholders", "with the Committee on Enforced Disappearances and the Working Group …":
    /// the range of the words after "with", made of names and words for groups.
    private func partners(after end: Int, in paragraph: ParagraphText, names: [EntityCandidate]) -> NSRange? {
        let string = paragraph.string
        let prefix = " with "
        guard end + prefix.count < paragraph.length, string.substring(with: NSRange(location: end, length: prefix.count)) == prefix else {
            return nil
        }
        var position = end + prefix.count
        var lastGood = position
        var sawName = false
        while position < paragraph.length {
            if let name = names.first(where: { $0.range.location == position }) {
                position = name.end
                lastGood = position
                sawName = true
            } else {
                var wordEnd = position
                while wordEnd < paragraph.length, let scalar = Unicode.Scalar(string.character(at: wordEnd)),
                      CharacterSet.letters.contains(scalar) || scalar == "-" { wordEnd += 1 }
                let word = string.substring(with: NSRange(location: position, length: wordEnd - position))
                guard wordEnd > position, Self.groupWords.contains(word) else { break }
                if word == "States" || word == "stakeholders" || word == "partners" || word == "organizations" || word == "society" || word == "delegations" {
                    sawName = true
                    lastGood = wordEnd
                }
                position = wordEnd
            }
            guard position < paragraph.length, string.character(at: position) == 0x20 else { break }
            position += 1
        }
        guard sawName, lastGood > end + prefix.count else { return nil }
        return NSRange(location: end, length: lastGood - end)
    }

    private func isoDate(_ match: NSTextCheckingResult, _ paragraph: ParagraphText) -> String {
        let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
        let month = (months.firstIndex(of: paragraph.substring(match.range(at: 3)).lowercased()) ?? 0) + 1
        let year = paragraph.substring(match.range(at: 4))
        let first = Int(paragraph.substring(match.range(at: 1))) ?? 1
        func day(_ value: Int) -> String { "\(year)-\(twoDigits(month))-\(twoDigits(value))" }
        if let second = match.rangeIfPresent(2), let last = Int(paragraph.substring(second)) {
            return day(first) + "/" + day(last)
        }
        return day(first)
    }

    private func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
