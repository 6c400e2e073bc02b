import Foundation

/// Relations stated by a verb between two names of one sentence: a State that
/// ratified or signed a treaty, a body that adopted an instrument, someone who
/// submitted or presented a report, a body that considered or reviewed one.
struct VerbRelations {
    private struct Cue {
        var pattern: Pattern
        var predicate: RelationPredicate
        var subjects: Set<EntityKind>
    }

    private static let cues: [Cue] = [
        Cue(pattern: Pattern(#"\b(?:ratif(?:y|ied|ies|ying)|acceded to|accede to)\b"#, requiring: ["ratif", "acced"]), predicate: .ratified, subjects: [.state]),
        Cue(pattern: Pattern(#"\b(?:sign(?:ed|s)?)\b(?! by)"#, requiring: ["sign"]), predicate: .signed, subjects: [.state]),
        Cue(pattern: Pattern(#"\badopt(?:ed|s)?\b(?! by)"#, requiring: ["adopt"]), predicate: .adopted, subjects: [.body, .state]),
        Cue(pattern: Pattern(#"\b(?:submit(?:ted|s)?|present(?:ed|s)?)\b(?! by)"#, requiring: ["submit", "present"]), predicate: .submitted, subjects: [.body, .state, .person]),
        Cue(pattern: Pattern(#"\b(?:consider(?:ed|s)?|review(?:ed|s)?|examin(?:ed|es|ing))\b(?! by)"#, requiring: ["consider", "review", "examin"]), predicate: .reviewed, subjects: [.body]),
    ]
    private static let passiveAdoption = Pattern(#"\badopted by (?:the )?$"#)

    func relate(_ paragraph: ParagraphText, names: [EntityCandidate], findings: inout Findings) {
        for cue in Self.cues {
            for match in cue.pattern.matches(in: paragraph) {
                let sentence = paragraph.sentence(containing: match.range.location)
                let verbEnd = match.range.location + match.range.length
                let inSentence = names.filter { $0.range.location >= sentence.location && $0.end <= sentence.location + sentence.length }
                guard let subject = inSentence.last(where: { $0.end <= match.range.location && cue.subjects.contains($0.key.kind) }) else { continue }
                // The object: the instruments right after the verb, before the next clause.
                let objects = inSentence.filter { $0.key.kind == .instrument && $0.range.location >= verbEnd }
                    .filter { $0.range.location - verbEnd <= 80 }
                    .filter { cue.predicate != .reviewed || $0.key.name.lowercased().contains("report") || $0.key.name.contains("/") }
                for object in objects.prefix(2) {
                    findings.relate(subject.key, cue.predicate, object.key, in: paragraph.index)
                }
            }
        }
        // "X adopted by the Human Rights Committee": the body adopted X.
        for body in names where body.key.kind == .body {
            let start = max(0, body.range.location - 20)
            let before = paragraph.substring(NSRange(location: start, length: body.range.location - start))
            guard !Self.passiveAdoption.matches(in: before).isEmpty else { continue }
            if let object = names.last(where: { $0.key.kind == .instrument && $0.end <= start + 1 && start - $0.end <= 12 }) {
                findings.relate(body.key, .adopted, object.key, in: paragraph.index)
            }
        }
    }
}
