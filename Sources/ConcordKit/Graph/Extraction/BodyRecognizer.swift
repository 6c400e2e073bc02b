import Foundation

/// Finds bodies by the way UN documents name them: capitalised names ending in an
/// organisational word ("Documents Management Section", "Global Forum on Migration
/// and Development", "Ministry of Labour"), mandates ("Special Rapporteur on the
/// human rights of migrants"), a committee's working groups and secretariat.
struct BodyRecognizer {
    let context: DocumentContext

    static let heads = [
        "Committee", "Subcommittee", "Commission", "Council", "Office", "Organization", "Organisation", "Network",
        "Forum", "Group", "Section", "Agency", "Fund", "Programme", "Union", "Community", "University", "Ministry",
        "Institute", "Institution", "Bank", "Court", "Tribunal", "Secretariat", "Department", "Division", "Service",
        "Board", "Assembly", "Parliament", "Centre", "Center", "Mission", "Authority", "Federation", "Association",
        "Foundation", "Observatory", "Unit", "Panel", "Mechanism", "Ombudsman", "Ombudsperson", "Directorate",
        "Conference", "Alliance", "Coalition", "League",
    ]

    private static let word = PatternPiece.capitalWord
    /// Words inside a name: a preposition (maybe with "the"), or "and"/"or" directly before a capitalised word.
    private static let connector = #"(?:(?:of|on|for|against|to|in|de|des|du|la)(?:\s+the)?|and|or)"#
    /// [Capitalised words] Head [of/on/for … Capitalised words …]
    /// (The leading lookahead only skips, cheaply, the places where no name can start.)
    static let named: ScannedPattern = {
        let pattern = Pattern(
        #"(?=\p{Lu})(?<![\p{L}\-])((?:"# + word + #"\s+)*(?:"# + heads.joined(separator: "|") + #")(?:\s+(?:of|on|for|against)(?:\s+the)?\s+"#
            + word + #"(?:,\s+"# + word + #"|\s+(?:"# + connector + #"\s+)?"# + word + #")*)?)(?![\p{L}])"#)
        return ScannedPattern(pattern, paragraphScanner: BodyScanner.named(pattern))
    }()
    private static let university = Pattern(#"\bUniversity of \p{Lu}[\p{L}]+(?:,? (?:\p{Lu}[\p{L}]+ ?)+)?"#, requiring: ["university"])
    private static let mandate = Pattern(
        #"\b(Special Rapporteur|Independent Expert|Special Representative|Special Envoy)(?: of the (?:Human Rights Council|Secretary-General))? on (?:the )?(?:(?!(?:about|had|has|have|was|were|is|are|to|in|and|with|during|at|for|by|who|which|that|on|said|says|would|will|could|should|may)\b)(?![\p{Ll}\-]+ed\b)[\p{Ll}\-]+(?: |(?=[\s,.;:)]))){1,8}"#, requiring: ["special r", "independent expert", "special envoy"])
    private static let workingGroup = Pattern(
        #"\b[Ww]orking group on ((?:the )?\p{Lu}[\p{L}’']*(?:\s+(?:(?:and|of|for|on|the|or)\s+)*\p{Lu}[\p{L}’']*)*)"#, requiring: ["working group"])
    private static let secretariat = Pattern(#"\b[Tt]he Committee’s secretariat\b"#, requiring: ["secretariat"])

    /// Words that start a sentence or name a role, never the first word of a body's name.
    private static let leadingNoise: Set<String> = [
        "The", "A", "An", "In", "At", "On", "By", "For", "Its", "This", "That", "These", "Those", "Both", "Mr", "Ms",
        "And", "Of", "To", "With", "From", "As", "Under", "Through", "During", "Each", "Every", "All", "Any", "Some",
        "Such", "Several", "Other", "While", "When", "Although", "However", "Member", "Members", "States", "State",
        // The last words of a cover page's lines ("Original: English", "Distr.: General"), glued to the next line.
        "English", "French", "Spanish", "Arabic", "Chinese", "Russian", "Original",
    ]
    private static let genericHeads: Set<String> = Set(heads)

    func recognize(_ paragraph: ParagraphText) -> [EntityCandidate] {
        var candidates: [EntityCandidate] = []
        for match in Self.named.matches(in: paragraph) {
            if let candidate = namedBody(match.range(at: 1), in: paragraph) { candidates.append(candidate) }
        }
        for match in Self.university.matches(in: paragraph) {
            candidates.append(body(paragraph.substring(match.range), match.range, paragraph, priority: 1))
        }
        for match in Self.mandate.matches(in: paragraph) {
            var range = match.range
            var surface = paragraph.substring(range)
            while surface.hasSuffix(" ") { surface.removeLast(); range.length -= 1 }
            let name = surface.replacingOccurrences(of: " of the Human Rights Council", with: "")
                .replacingOccurrences(of: " of the Secretary-General", with: "")
            candidates.append(EntityCandidate(
                key: EntityKey(.body, name), paragraph: paragraph.index, range: range, surface: surface, priority: 1))
        }
        if let owner = context.treatyBody {
            for match in Self.workingGroup.matches(in: paragraph) {
                let topic = paragraph.substring(match.range(at: 1))
                let name = "Working group of the \(owner.name) on \(topic)"
                candidates.append(EntityCandidate(
                    key: EntityKey(.body, name), paragraph: paragraph.index, range: match.range,
                    surface: paragraph.substring(match.range), layer: .phrase, priority: 1))
            }
            for match in Self.secretariat.matches(in: paragraph) {
                candidates.append(EntityCandidate(
                    key: EntityKey(.body, "Secretariat of the \(owner.name)"), paragraph: paragraph.index, range: match.range,
                    surface: paragraph.substring(match.range), layer: .phrase, priority: 1))
            }
        }
        return candidates
    }

    private func namedBody(_ range: NSRange, in paragraph: ParagraphText) -> EntityCandidate? {
        var words = paragraph.substring(range).split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        var start = range.location
        while let first = words.first, Self.leadingNoise.contains(first) || first.isEmpty || first.hasSuffix("’s") || first.hasSuffix("'s") {
            start += (first as NSString).length + 1
            words.removeFirst()
        }
        guard words.count >= 2, !words.contains("No") else { return nil }  // a head alone ("the Committee") is a reference, not a name
        // "Committee members", "Office holders" are not names: the last word must be capitalised.
        let trimmed = NSRange(location: start, length: range.location + range.length - start)
        let surface = paragraph.substring(trimmed)
        if surface.hasPrefix("Committee’s") || surface.hasPrefix("Committee's") { return nil }
        return body(surface, trimmed, paragraph, priority: 0)
    }

    private func body(_ surface: String, _ range: NSRange, _ paragraph: ParagraphText, priority: Int) -> EntityCandidate {
        let gazetteer = GazetteerRecognizer.shared
        // "United Nations Committee on …" is the Committee on …
        let unprefixed = surface.hasPrefix("United Nations ") ? String(surface.dropFirst("United Nations ".count)) : surface
        let canonical = gazetteer.entry(named: surface)?.key ?? gazetteer.entry(named: unprefixed)?.key ?? EntityKey(.body, surface)
        return EntityCandidate(key: canonical, paragraph: paragraph.index, range: range, surface: surface, priority: priority)
    }
}
