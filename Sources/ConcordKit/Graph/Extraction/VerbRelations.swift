import Foundation

/// Relations stated by a verb between two names of one sentence: a State that
/// ratified or signed a treaty, a body that adopted an instrument, someone who
/// submitted or presented a report, a body that considered or reviewed one.
///
/// Only sentences that assert the act give a relation (see ``Assertion``): a verb in
/// its base or -ing form ("to ratify", "consider ratifying"), a negation, a modal or a
/// question ("asked whether X had ratified") state nothing. "The Committee encouraged
/// Albania and Chile to ratify the Convention" gives the weaker `urged_to_ratify`.
/// A list of subjects ("Albania, Ecuador and Mexico had ratified") gives one relation each.
struct VerbRelations {
    private struct Cue {
        var pattern: Pattern
        var predicate: RelationPredicate
        var subjects: Set<EntityKind>
    }

    private static let cues: [Cue] = [
        Cue(pattern: Pattern(#"\b(?:ratif(?:y|ied|ies|ying)|acceded to|accede to|accedes to|acceding to)\b"#, requiring: ["ratif", "acced"]), predicate: .ratified, subjects: [.state]),
        Cue(pattern: Pattern(#"\b(?:sign(?:ed|s|ing)?)\b(?! by)"#, requiring: ["sign"]), predicate: .signed, subjects: [.state]),
        Cue(pattern: Pattern(#"\badopt(?:ed|s|ing)?\b(?! by)"#, requiring: ["adopt"]), predicate: .adopted, subjects: [.body, .state]),
        Cue(pattern: Pattern(#"\b(?:submit(?:ted|s|ting)?|present(?:ed|s|ing)?)\b(?! by)"#, requiring: ["submit", "present"]), predicate: .submitted, subjects: [.body, .state, .person]),
        Cue(pattern: Pattern(#"\b(?:consider(?:ed|s|ing)?|review(?:ed|s|ing)?|examin(?:e|ed|es|ing))\b(?! by)"#, requiring: ["consider", "review", "examin"]), predicate: .reviewed, subjects: [.body]),
    ]
    private static let passiveAdoption = Pattern(#"\badopted by (?:the )?$"#)
    /// "The Convention had been ratified by Albania, Ecuador and Mexico".
    private static let passiveRatification = Pattern(#"\b(ratified|signed|acceded to) by (?=\p{Lu})"#, requiring: ["ratified by", "signed by", "acceded to by"])

    func relate(_ paragraph: ParagraphText, names: [EntityCandidate], findings: inout Findings) {
        for cue in Self.cues {
            for match in cue.pattern.matches(in: paragraph) {
                relate(cue, verb: match.range, paragraph, names: names, findings: &findings)
            }
        }
        passive(paragraph, names: names, findings: &findings)
        // "X adopted by the Human Rights Committee": the body adopted X.
        for body in names where body.key.kind == .body {
            let start = max(0, body.range.location - 20)
            let before = paragraph.substring(NSRange(location: start, length: body.range.location - start))
            guard !Self.passiveAdoption.matches(in: before).isEmpty else { continue }
            if let object = names.last(where: { $0.key.kind == .instrument && $0.end <= start + 1 && start - $0.end <= 12 }) {
                findings.relate(body.key, .adopted, object.key, in: paragraph.index, at: body.range.location)
            }
        }
    }

    private func relate(_ cue: Cue, verb: NSRange, _ paragraph: ParagraphText, names: [EntityCandidate], findings: inout Findings) {
        let sentence = paragraph.sentence(containing: verb.location)
        let verbEnd = verb.location + verb.length
        let inSentence = names.filter { $0.range.location >= sentence.location && $0.end <= sentence.location + sentence.length }
        guard let subject = inSentence.last(where: { $0.end <= verb.location && cue.subjects.contains($0.key.kind) }),
              verb.location - subject.end <= 120 else { return }
        // The object: the instruments right after the verb, before the next clause.
        let objects = inSentence.filter { $0.key.kind == .instrument && $0.range.location >= verbEnd && !$0.isAmbiguous }
            .filter { $0.range.location - verbEnd <= 80 }
            .filter { cue.predicate != .reviewed || $0.key.name.lowercased().contains("report") || $0.key.name.contains("/") }
        guard !objects.isEmpty else { return }
        let subjects = Self.list(ending: subject, in: inSentence, paragraph)
        let predicate: RelationPredicate
        switch Assertion.judge(verb: verb, first: subjects[0], last: subject, sentence: sentence, paragraph) {
        case .asserted: predicate = cue.predicate
        case .urged where cue.predicate == .ratified: predicate = .urgedToRatify
        default: return
        }
        for member in subjects {
            for object in objects.prefix(2) {
                findings.relate(member.key, predicate, object.key, in: paragraph.index, at: verb.location)
            }
        }
    }

    /// "The Convention had been ratified by Albania, Ecuador and Mexico": each State listed
    /// after "by" ratified (signed) the instrument named before the verb in the sentence,
    /// unless a negation, modal or question takes it back.
    private func passive(_ paragraph: ParagraphText, names: [EntityCandidate], findings: inout Findings) {
        for match in Self.passiveRatification.matches(in: paragraph) {
            let end = match.range.location + match.range.length
            guard let first = names.first(where: { $0.range.location == end && $0.key.kind == .state }) else { continue }
            let sentence = paragraph.sentence(containing: match.range.location)
            guard let object = names.last(where: {
                $0.key.kind == .instrument && !$0.isAmbiguous && $0.end <= match.range.location
                    && $0.range.location >= sentence.location && match.range.location - $0.end <= 60
            }) else { continue }
            let sentenceText = paragraph.substring(sentence).trimmingCharacters(in: .whitespacesAndNewlines)
            let prefix = Assertion.words(paragraph.substring(NSRange(location: sentence.location, length: object.range.location - sentence.location)))
            let gap = Assertion.words(paragraph.substring(NSRange(location: object.end, length: match.range.location - object.end)))
            guard !sentenceText.hasSuffix("?"), !prefix.contains(where: Assertion.questions.contains),
                  !gap.contains(where: { Assertion.hedges.contains($0) && $0 != "to" }) else { continue }
            let verb = paragraph.substring(match.range(at: 1))
            let predicate: RelationPredicate = verb == "signed" ? .signed : .ratified
            for state in Self.list(starting: first, in: names, paragraph) {
                findings.relate(state.key, predicate, object.key, in: paragraph.index, at: match.range.location)
            }
        }
    }

    /// The names listed from `first` on ("Albania, Ecuador and Mexico"): of the same kind,
    /// joined only by commas and "and", in text order.
    static func list(starting first: EntityCandidate, in names: [EntityCandidate], _ paragraph: ParagraphText) -> [EntityCandidate] {
        var members = [first]
        var current = first
        while let next = names.first(where: { $0.range.location >= current.end && $0.key.kind == first.key.kind }),
              next.range.location - current.end <= 6 {
            let gap = paragraph.substring(NSRange(location: current.end, length: next.range.location - current.end))
            guard [", ", " and ", ", and ", ","].contains(gap) else { break }
            members.append(next)
            current = next
        }
        return members
    }

    /// The names listed with `last` ("Albania, Ecuador and Mexico"): of the same kind,
    /// joined only by commas and "and", in text order.
    static func list(ending last: EntityCandidate, in names: [EntityCandidate], _ paragraph: ParagraphText) -> [EntityCandidate] {
        var members = [last]
        var current = last
        while let previous = names.last(where: { $0.end <= current.range.location && $0.key.kind == last.key.kind }),
              current.range.location - previous.end <= 6 {
            let gap = paragraph.substring(NSRange(location: previous.end, length: current.range.location - previous.end))
            guard [", ", " and ", ", and ", ","].contains(gap) else { break }
            members.insert(previous, at: 0)
            current = previous
        }
        return members
    }
}
