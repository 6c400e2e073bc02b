import Foundation

/// Whether a sentence asserts the act its verb names, judged the way UN drafting
/// marks what did not happen: a question ("asked whether Guatemala had ratified …",
/// a sentence ending in "?"), a negation ("had not yet ratified"), a modal or intention
/// ("would ratify", "intended to ratify"), an exhortation ("encouraged Spain to ratify",
/// "called upon States to ratify"), or a verb in its base or -ing form.
enum Assertion: Equatable {
    /// The sentence says the act took place.
    case asserted
    /// Someone was urged, encouraged, called upon or invited to do it.
    case urged
    /// A question, negation, modal or intention: no fact.
    case unasserted

    /// Words between the subject and the verb that take the assertion back.
    static let hedges: Set<String> = [
        "not", "never", "yet", "no", "nor", "neither", "would", "should", "could", "might", "may", "must", "shall", "will",
        "to", "whether", "if", "intend", "intended", "intends", "intending", "plan", "planned", "plans", "planning",
        "consider", "considered", "considering", "wish", "wished", "wishes", "hope", "hoped", "hopes", "expect", "expected",
        "expects", "prepare", "prepared", "preparing", "about", "process", "failed", "refused", "unable", "able", "ready",
    ]
    /// Words before the subject that make the clause a question or a condition.
    static let questions: Set<String> = ["whether", "if", "why", "when", "how", "unless"]
    /// Stems of the verbs of exhortation ("encouraged", "urges", "called upon", "invited", "recommended").
    static let exhortations = ["encourag", "urg", "call", "invit", "recommend", "request", "appeal", "exhort", "invite"]
    /// Verb forms that state no act by themselves ("to ratify", "ratifying").
    static let baseForms: Set<String> = [
        "ratify", "ratifying", "accede to", "acceding to", "sign", "signing", "adopt", "adopting", "submit", "submitting",
        "present", "presenting", "consider", "considering", "review", "reviewing", "examine", "examining",
    ]

    /// Judges the sentence `sentence` of `paragraph`, whose verb is at `verb` and whose subjects
    /// (one, or a list) run from `first` to `last`.
    static func judge(verb: NSRange, first: EntityCandidate, last: EntityCandidate, sentence: NSRange, _ paragraph: ParagraphText) -> Assertion {
        let sentenceText = paragraph.substring(sentence).trimmingCharacters(in: .whitespacesAndNewlines)
        if sentenceText.hasSuffix("?") { return .unasserted }
        let prefixRange = NSRange(location: sentence.location, length: max(0, first.range.location - sentence.location))
        let prefix = words(paragraph.substring(prefixRange))
        if !prefix.isDisjoint(with: questions) { return .unasserted }
        let gapText = paragraph.substring(NSRange(location: last.end, length: max(0, verb.location - last.end)))
        let gap = words(gapText)
        let form = paragraph.substring(verb).lowercased()
        let exhorted = prefix.contains { word in exhortations.contains { word.hasPrefix($0) } }
        if exhorted {
            return baseForms.contains(form) && gap.first == "to" ? .urged : .unasserted
        }
        if isFirstToAct(gap) { return .asserted }
        if baseForms.contains(form) || !gap.isDisjoint(with: hedges) || gapText.contains("n’t") || gapText.contains("n't") {
            return .unasserted
        }
        return .asserted
    }

    /// "had been one of the first States to ratify", "was the only country to sign": the
    /// infinitive after a superlative states that the act took place.
    static func isFirstToAct(_ gap: [String]) -> Bool {
        guard gap.last == "to", gap.count >= 2 else { return false }
        var index = gap.count - 2
        if ["state", "states", "country", "countries", "member", "members", "one", "ones"].contains(gap[index]) { index -= 1 }
        guard index >= 0, ["first", "last", "only", "earliest", "second", "third"].contains(gap[index]) else { return false }
        return !gap[..<index].contains { ["not", "never", "would", "could", "should", "might", "may", "will", "whether", "if"].contains($0) }
    }

    /// The lowercased words of `text`, in order (letters only).
    static func words(_ text: String) -> [String] {
        text.lowercased().split { !$0.isLetter }.map(String.init)
    }
}

extension Array where Element == String {
    fileprivate func isDisjoint(with set: Set<String>) -> Bool { !contains(where: set.contains) }
}
