import Foundation

/// Finds people: names after an honorific as printed ("Mr. Botero Navarro",
/// "Ms. Landázuri de Mora"), and full names in passing ("Cristina Tirado, adjunct
/// associate professor", "moderated by Benjamin Lewis") when the surname is known
/// from an honorific form or the name stands before a role.
struct PersonRecognizer {
    private static let nameWord = #"\p{Lu}[\p{L}\p{M}’'\-]*[\p{L}\p{M}]"#
    private static let particle = #"(?:de|del|de la|de los|da|das|do|dos|van|van der|von|der|di|le|la|al|el|bin|ibn|y|e)"#
    static let honorific = Pattern(
        #"\b(Mr|Ms|Mrs|Mme|Dr|Sir|Dame|Madam|Mister|Prof)\.?\s+((?:\p{Lu}\.\s?)*"# + nameWord + #"(?:\s+(?:"# + particle + #"\s+)?"# + nameWord + #")*)"#, requiring: ["mr", "ms", "dr", "sir", "dame", "madam", "mme", "prof", "mister"])
    /// The leading lookahead only skips, cheaply, the places where no name can start.
    static let fullName = ScannedPattern(Pattern(
        #"(?=\p{Lu}\p{Ll})(?<!\p{Lu}[\p{L}’'\-]{0,20}\s)(?<![\p{L}\-])(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)\s+((?:\p{Lu}\.\s)?\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?:\s+\p{Lu}\p{Ll}+)?)(?![\p{L}\-])"#), scanner: PersonScanner.fullNames)
    private static let roleAfter = Pattern(
        #"^,\s+(?:(?:an?|the|who is|who was)\s+)?(?:[\p{Ll}\-]+\s+){0,3}(?:professor|lecturer|researcher|representative|director|head|chief|officer|expert|adviser|advisor|consultant|coordinator|president|chair|chairperson|minister|ambassador|judge|rapporteur|member|secretary|delegate|spokesperson|journalist|lawyer|activist|founder)\b"#)
    private static let introducedBy = Pattern(#"(?:moderated|chaired|presented|introduced|opened|led|facilitated|delivered) by $"#)
    /// A title then a comma, as UN reports introduce office-holders: "the Special Rapporteur on the
    /// human rights of migrants, Felipe González Morales", "the High Commissioner, Volker Türk".
    private static let titleBefore = Pattern(
        #"\b(?:Rapporteur|Expert|Chair|Chairperson|President|Vice-President|Commissioner|Secretary-General|Director|Director-General|Minister|Ambassador|Representative|Envoy|Coordinator|Judge|Professor|Rector|Ombudsman|Ombudsperson)\b[^.;()]{0,100},\s*$"#)

    /// Capitalised words that are never a given name.
    private static let notGivenNames: Set<String> = [
        "The", "This", "That", "These", "Those", "In", "At", "On", "By", "For", "From", "With", "Under", "Its", "Their",
        "United", "Nations", "Human", "Rights", "Global", "General", "Special", "Council", "Committee", "Office",
        "Government", "States", "State", "International", "National", "African", "European", "American", "Working",
        "Member", "Members", "Convention", "Compact", "Assembly", "Secretary", "Republic", "Kingdom", "Federation",
        "Development", "Migration", "Sustainable", "Goals", "Agenda", "Declaration", "Protocol", "Ministry", "Middle",
        "East", "West", "North", "South", "Central", "Latin", "Asian", "Pacific", "Both", "However", "Despite",
        "During", "Although", "While", "Such", "Some", "Many", "Migrants", "Mr", "Ms", "Chair", "Rapporteur",
        "Views", "Law", "Act", "Decree", "Article", "Section", "Annex", "Part", "Chapter", "Page", "Resolution",
        "Domestic", "Workers", "Recommendation", "Lastly", "Furthermore", "Moreover", "Nevertheless", "Indeed",
        "Given", "Because", "When", "If", "As", "It", "He", "She", "They", "We", "Our", "Constitution", "Code",
    ]

    /// Honorific people in a paragraph; the canonical name keeps the honorific ("Mr. Lewis").
    func recognizeHonorifics(_ paragraph: ParagraphText) -> [EntityCandidate] {
        Self.honorific.matches(in: paragraph).map { match in
            let title = paragraph.substring(match.range(at: 1))
            let name = paragraph.substring(match.range(at: 2))
            return EntityCandidate(
                key: EntityKey(.person, "\(title). \(name)"), paragraph: paragraph.index, range: match.range,
                surface: paragraph.substring(match.range), priority: 3)
        }
    }

    /// Full names without honorific: accepted when the surname is one an honorific form
    /// used (`knownSurnames`), or the name is introduced by a role or an agent phrase.
    func recognizeFullNames(_ paragraph: ParagraphText, knownSurnames: Set<String>, taken: [EntityCandidate]) -> [EntityCandidate] {
        var found: [EntityCandidate] = []
        for match in Self.fullName.matches(in: paragraph) {
            let range = match.range
            if taken.contains(where: { NSIntersectionRange($0.range, range).length > 0 }) { continue }
            let given = paragraph.substring(match.range(at: 1))
            let surname = paragraph.substring(match.range(at: 2))
            if Self.notGivenNames.contains(given) || surname.split(separator: " ").contains(where: { Self.notGivenNames.contains(String($0)) }) {
                continue
            }
            if GazetteerRecognizer.shared.entry(named: surname) != nil || GazetteerRecognizer.shared.entry(named: given) != nil { continue }
            let lastWord = surname.split(separator: " ").last.map(String.init) ?? surname
            let end = range.location + range.length
            let after = NSRange(location: end, length: min(80, paragraph.length - end))
            let beforeStart = max(0, range.location - 140)
            let before = paragraph.substring(NSRange(location: beforeStart, length: range.location - beforeStart))
            let introduced = knownSurnames.contains(lastWord)
                || Self.roleAfter.firstMatch(in: paragraph, range: after) != nil
                || !Self.introducedBy.matches(in: before).isEmpty
                || !Self.titleBefore.matches(in: before).isEmpty
            guard introduced else { continue }
            found.append(EntityCandidate(
                key: EntityKey(.person, "\(given) \(surname)"), paragraph: paragraph.index, range: range,
                surface: paragraph.substring(range), priority: 2))
        }
        return found
    }

    /// The surname of an honorific name ("Mr. Botero Navarro" → "Navarro", "Ms. Landázuri de Mora" → "Mora").
    static func surname(of canonical: String) -> String {
        canonical.split(separator: " ").last.map(String.init) ?? canonical
    }
}
