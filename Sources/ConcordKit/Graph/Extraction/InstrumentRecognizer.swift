import Foundation

/// Finds instruments by the way UN documents cite them: document symbols
/// ("A/HRC/47/30"), resolutions ("General Assembly resolution 74/148"), general
/// comments, ILO conventions ("Domestic Workers Convention, 2011 (No. 189)"),
/// national laws ("Law No. 23/2007"), periodic reports of States, communications
/// ("communication No. 2728/2016 (Teitiota v. New Zealand)"), and capitalised
/// titles ending in Convention, Covenant, Protocol, Declaration, Charter, Act…
struct InstrumentRecognizer {
    let context: DocumentContext

    private static let symbol = Pattern(
        #"(?<![\p{L}\d/.@:])(?:A|E|S|ST|CMW|CCPR|CRC|CEDAW|CERD|CAT|CED|CRPD|HRI|TD|UNEP|[A-Z]{2,6})(?:/[A-Za-z0-9.\-]+){2,}(?<![.\-])"#, requiring: ["/"])
    private static let resolution = Pattern(
        #"\b(?:(General Assembly|Human Rights Council|Security Council|Economic and Social Council|Commission on Human Rights)\s+)?(?:[Rr]esolutions?)\s+(\d{1,4}/\d{1,4}(?:\s?[A-Z]\b)?(?:\s*\([^)]{1,20}\))?(?:(?:,\s*|,?\s+and\s+)\d{1,4}/\d{1,4}(?:\s*\([^)]{1,20}\))?)*)"#, requiring: ["resolution"])
    private static let resolutionNumber = Pattern(#"\d{1,4}/\d{1,4}"#)
    private static let generalComment = Pattern(#"\b([Jj]oint )?[Gg]eneral (comment|recommendation) No\.\s?(\d+)(?:\s\((\d{4})\))?"#, requiring: ["general comment", "general recommendation"])
    private static let draftComment = Pattern(#"\b(?:[Aa]|[Tt]he|[Ii]ts) (?:draft )?general comment on (?:the )?[^.;,()]+"#, requiring: ["general comment"])
    private static let labourConvention = Pattern(
        #"\b((?:\p{Lu}[\p{L}’']*\s+){1,7})(Convention|Recommendation|Protocol),\s+(\d{4})\s+\(No\.\s?(\d+)\)"#, requiring: ["(no."])
    private static let law = Pattern(
        #"\b((?:Decree[- ]Law|Legislative Decree|Royal Decree|Organic Law|Federal Law|Law|Decree|Act|Ordinance|Circular|Regulation|Order)\s+No\.\s?[\dA-Z][\w/\-.]*[\w])(?:\s+of\s+(?:\d{1,2}\s+)?(?:\p{Lu}\p{Ll}+\s+)?\d{4})?"#, requiring: [" no."])
    /// A national law cited by its date and subject: "Act of 21 February 2013 on the protection of foreigners",
    /// "Law of 4 May 2016 on migration" (the subject ends at punctuation or a word that starts a clause).
    private static let datedLaw = Pattern(
        #"\b(?:Act|Law|Decree|Ordinance|Organic Law|Royal Decree|Federal Act|Federal Law) of \d{1,2} "# + PatternPiece.month
            + #" \d{4}(?: on (?:the )?(?:(?!(?:and|which|that|was|had|has|would|to|in|by)\b)[\p{Ll}\-’']+ ?){1,8}(?<! ))?"#,
        requiring: ["act of", "law of", "decree of", "ordinance of"])
    private static let periodicReport = Pattern(
        #"\b((?:initial|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|combined [\w\s\-]+?) periodic reports?|initial report) of (?:the )?"#, caseInsensitive: false, requiring: ["report"])
    private static let communication = Pattern(#"\bcommunication No\.\s?(\d+/\d{4})(?:\s*\(([^()]{3,80} v\. [^()]{2,80})\))?"#, requiring: ["communication"])
    private static let guidance = Pattern(#"\b(?:[Jj]oint )?guidance(?: notes?)? on (?:the )?(?:[\p{L}\d\-’']+ ?){1,14}"#, requiring: ["guidance"])
    private static let annualReport = Pattern(#"\b(?:[Ii]ts|[Tt]he Committee’s) annual report\b"#, requiring: ["annual report"])
    private static let concludingObservations = Pattern(#"\b(?:[Tt]he |[Ii]ts )?(?:relevant |latest |previous )?concluding observations\b"#, requiring: ["concluding observations"])
    private static let titled = Pattern(
        #"(?<![\p{L}\-])((?:\d{4}\s+)?(?:\p{Lu}[\p{L}’'\-]*\s+){1,6}(?:Convention|Covenant|Protocol|Declaration|Charter|Compact|Act|Constitution|Code|Agenda|Principles and Guidelines)(?:\s+(?:on|of|for|against|relating to|concerning)(?:\s+the)?\s+\p{Lu}[\p{L}’'\-]*(?:,\s+\p{Lu}[\p{L}’'\-]*|\s+(?:(?:(?:of|on|for|against|in)(?:\s+the)?|and|or)\s+)?\p{Lu}[\p{L}’'\-]*)*)?)"#, requiring: ["convention", "covenant", "protocol", "declaration", "charter", "compact", "act", "constitution", "code", "agenda", "principles"])

    func recognize(_ paragraph: ParagraphText, names: [EntityCandidate], findings: inout Findings) {
        let index = paragraph.index
        func add(_ key: EntityKey, _ range: NSRange, layer: EntityCandidate.Layer = .name, priority: Int = 1) {
            findings.entities.append(EntityCandidate(
                key: key, paragraph: index, range: range, surface: paragraph.substring(range), layer: layer, priority: priority))
        }
        for match in Self.symbol.matches(in: paragraph) {
            add(EntityKey(.instrument, paragraph.substring(match.range)), match.range, priority: 3)
        }
        resolutions(paragraph, names: names, findings: &findings)
        for match in Self.generalComment.matches(in: paragraph) {
            let owner = ownerBody(before: match.range.location, in: paragraph, names: names)
            let kindWord = paragraph.substring(match.range(at: 2))
            let number = paragraph.substring(match.range(at: 3))
            let ownerName = owner.map { " of the " + $0.name } ?? ""
            let key = EntityKey(.instrument, "General \(kindWord) No. \(number)\(ownerName)")
            add(key, match.range, priority: 3)
            if let year = match.rangeIfPresent(4) { findings.setDate(paragraph.substring(year), of: key) }
            findings.relate(owner, .adopted, key, in: index, at: match.range.location)
        }
        if let owner = context.bodyKey {
            for match in Self.draftComment.matches(in: paragraph) {
                let surface = paragraph.substring(match.range).trimmingCharacters(in: .whitespaces)
                let topic = surface.components(separatedBy: "general comment ").last ?? surface
                add(EntityKey(.instrument, "Draft general comment of the \(owner.name) \(topic)"),
                    NSRange(location: match.range.location, length: (surface as NSString).length), layer: .phrase)
            }
            for match in Self.annualReport.matches(in: paragraph) {
                let key = EntityKey(.instrument, "Annual report of the \(owner.name)")
                add(key, match.range, layer: .phrase)
                findings.relate(owner, .adopted, key, in: index, at: match.range.location)
            }
        }
        for match in Self.guidance.matches(in: paragraph) {
            var surface = paragraph.substring(match.range)
            while surface.hasSuffix(" ") { surface.removeLast() }
            let range = NSRange(location: match.range.location, length: (surface as NSString).length)
            let name = surface.prefix(1).uppercased() + surface.dropFirst()
            add(EntityKey(.instrument, name), range, layer: .phrase)
        }
        for match in Self.labourConvention.matches(in: paragraph) {
            var range = match.range
            var surface = paragraph.substring(range)
            for article in ["The ", "the ", "And ", "and "] where surface.hasPrefix(article) {
                surface.removeFirst(article.count)
                range = NSRange(location: range.location + article.count, length: range.length - article.count)
            }
            add(EntityKey(.instrument, surface), range, priority: 3)
        }
        for match in Self.law.matches(in: paragraph) + Self.datedLaw.matches(in: paragraph) {
            add(EntityKey(.instrument, paragraph.substring(match.range)), match.range, priority: 2)
        }
        periodicReports(paragraph, names: names, findings: &findings)
        communications(paragraph, names: names, findings: &findings)
        concludingObservations(paragraph, names: names, findings: &findings)
        for match in Self.titled.matches(in: paragraph) {
            let range = match.range(at: 1)
            let surface = paragraph.substring(range)
            let first = surface.split(separator: " ").first.map(String.init) ?? ""
            if ["The", "A", "An", "In", "Its", "This", "Under", "Both", "And", "Of"].contains(first) { continue }
            let key = GazetteerRecognizer.shared.entry(named: surface)?.key ?? EntityKey(.instrument, surface)
            add(key, range, priority: 0)
        }
    }

    /// "General Assembly resolution 74/148", "resolutions 64/166 (sect. II) and 65/212", "its resolution 74/148".
    private func resolutions(_ paragraph: ParagraphText, names: [EntityCandidate], findings: inout Findings) {
        for match in Self.resolution.matches(in: paragraph) {
            let organ = match.rangeIfPresent(1).map { EntityKey(.body, paragraph.substring($0)) }
                ?? organNear(match.range, in: paragraph, names: names)
            let list = match.range(at: 2)
            for number in Self.resolutionNumber.matches(in: paragraph, range: list) {
                let numberText = paragraph.substring(number.range)
                let organ = organ ?? context.resolutionOrgans[numberText]
                let name = (organ.map { $0.name + " resolution " } ?? "Resolution ") + numberText
                let key = EntityKey(.instrument, name)
                let range = number.range.location == list.location ? NSRange(location: match.range.location, length: number.range.location + number.range.length - match.range.location) : number.range
                findings.entities.append(EntityCandidate(
                    key: key, paragraph: paragraph.index, range: range, surface: paragraph.substring(range), priority: 3))
                findings.relate(organ, .adopted, key, in: paragraph.index)
            }
        }
    }

    /// The organ a resolution belongs to when only "its resolution" is printed: an organ named in the same sentence.
    private func organNear(_ range: NSRange, in paragraph: ParagraphText, names: [EntityCandidate]) -> EntityKey? {
        let sentence = paragraph.sentence(containing: range.location)
        let organs: Set<String> = ["General Assembly", "Human Rights Council", "Security Council", "Economic and Social Council"]
        return names.first { NSIntersectionRange($0.range, sentence).length > 0 && $0.key.kind == .body && organs.contains($0.key.name) }?.key
    }

    /// The body whose general comment this is: "the Committee’s general comment", "its general comment" (the document's body),
    /// or a treaty body named just before.
    private func ownerBody(before location: Int, in paragraph: ParagraphText, names: [EntityCandidate]) -> EntityKey? {
        if let named = names.last(where: { $0.end <= location && location - $0.end <= 4 && $0.key.kind == .body }) {
            return named.key
        }
        return context.bodyKey
    }

    private func periodicReports(_ paragraph: ParagraphText, names: [EntityCandidate], findings: inout Findings) {
        for match in Self.periodicReport.matches(in: paragraph) {
            let end = match.range.location + match.range.length
            guard let state = names.first(where: { $0.range.location == end && $0.key.kind == .state }) else { continue }
            let range = NSRange(location: match.range.location, length: state.end - match.range.location)
            var surface = paragraph.substring(range)
            surface = surface.prefix(1).uppercased() + surface.dropFirst()
            let report = paragraph.substring(match.range(at: 1)).replacingOccurrences(of: "reports", with: "report")
            let key = EntityKey(.instrument, (report.prefix(1).uppercased() + report.dropFirst()) + " of " + state.key.name)
            findings.entities.append(EntityCandidate(
                key: key, paragraph: paragraph.index, range: range, surface: paragraph.substring(range), layer: .phrase, priority: 1))
            findings.relate(state.key, .submitted, key, in: paragraph.index)
            let sentence = paragraph.substring(paragraph.sentence(containing: match.range.location)).lowercased()
            if ["consider", "review", "examin"].contains(where: sentence.contains) {
                findings.relate(context.bodyKey, .reviewed, key, in: paragraph.index)
            }
        }
    }

    private func communications(_ paragraph: ParagraphText, names: [EntityCandidate], findings: inout Findings) {
        for match in Self.communication.matches(in: paragraph) {
            let number = paragraph.substring(match.range(at: 1))
            let caseName = match.rangeIfPresent(2).map { paragraph.substring($0).replacingOccurrences(of: "\n", with: " ") }
            let key = EntityKey(.instrument, "Communication No. \(number)" + (caseName.map { " (\($0))" } ?? ""))
            let head = NSRange(location: match.range.location, length: ("communication No. " as NSString).length + (number as NSString).length)
            findings.entities.append(EntityCandidate(
                key: key, paragraph: paragraph.index, range: head, surface: paragraph.substring(head), priority: 2))
            if let caseRange = match.rangeIfPresent(2) {
                findings.entities.append(EntityCandidate(
                    key: key, paragraph: paragraph.index, range: caseRange, surface: paragraph.substring(caseRange), layer: .phrase, priority: 2))
                for state in names where state.key.kind == .state && NSIntersectionRange(state.range, caseRange).length > 0 {
                    findings.relate(key, .refersTo, state.key, in: paragraph.index)
                }
            }
            let sentence = paragraph.sentence(containing: match.range.location)
            if let adopter = names.last(where: { $0.key.kind == .body && $0.end <= match.range.location && $0.range.location >= sentence.location }) {
                let between = paragraph.substring(NSRange(location: sentence.location, length: match.range.location - sentence.location))
                if between.contains("adopted") { findings.relate(adopter.key, .adopted, key, in: paragraph.index) }
            }
        }
    }

    private func concludingObservations(_ paragraph: ParagraphText, names: [EntityCandidate], findings: inout Findings) {
        guard let owner = context.bodyKey else { return }
        for match in Self.concludingObservations.matches(in: paragraph) {
            let sentence = paragraph.sentence(containing: match.range.location)
            let states = names.filter { $0.key.kind == .state && NSIntersectionRange($0.range, sentence).length > 0 }
            guard states.count == 1, let state = states.first else { continue }
            let key = EntityKey(.instrument, "Concluding observations of the \(owner.name) on \(state.key.name)")
            findings.entities.append(EntityCandidate(
                key: key, paragraph: paragraph.index, range: match.range, surface: paragraph.substring(match.range), layer: .phrase, priority: 1))
            if paragraph.substring(sentence).contains("adopted") { findings.relate(owner, .adopted, key, in: paragraph.index) }
        }
    }
}
