import Foundation

/// Turns what the recognisers found into rows to store: one entity per canonical
/// name, its printed forms as aliases, one mention per kept candidate, relations
/// without duplicates. People named both ways ("Benjamin Lewis", "Mr. Lewis")
/// become one entity under the full name.
struct GraphAssembler {
    let documentID: String
    let paragraphs: [ParsedParagraph]
    /// The paragraphs extraction read, by index: where evidence sentences are cut from.
    var texts: [Int: ParagraphText] = [:]

    /// The graph of `findings`. Only entities named in the text (or listed in `implicit`,
    /// like the meeting a summary record records) are kept, with the relations and facts between them.
    /// `named` lists entities kept even when no paragraph mentions them: those the title page
    /// names (the reader keeps it as metadata, so no mention can point into it).
    func assemble(_ findings: Findings, implicit: Set<EntityKey> = [], named: [EntityKey] = []) -> ExtractedGraph {
        let rename = personRenames(findings.entities)
        func canonical(_ key: EntityKey) -> EntityKey { rename[key] ?? key }

        var graph = ExtractedGraph()
        var order: [EntityKey] = []
        var aliases: [EntityKey: [String]] = [:]
        var mentionKeys = Set<String>()
        var offsets: [Int: ParagraphOffsets] = [:]
        for candidate in findings.entities {
            let key = canonical(candidate.key)
            if aliases[key] == nil { order.append(key); aliases[key] = [] }
            let surface = Self.collapse(candidate.surface)
            if candidate.surfaceIsAlias, !(aliases[key]?.contains(surface) ?? true) { aliases[key]?.append(surface) }
            let paragraph = paragraphs[candidate.paragraph]
            let paragraphID = Paragraph.id(documentID: documentID, ordinal: paragraph.ordinal)
            let text = offsets[candidate.paragraph] ?? ParagraphOffsets(paragraph.text)
            offsets[candidate.paragraph] = text
            let read = texts[candidate.paragraph]
            let start = text.codePoint(read?.storedOffset(candidate.range.location) ?? candidate.range.location)
            guard mentionKeys.insert("\(paragraphID)|\(start)|\(key.id)").inserted else { continue }
            graph.mentions.append(Mention(
                entityID: key.id, paragraphID: paragraphID, startOffset: start,
                endOffset: text.codePoint(read?.storedOffset(candidate.end) ?? candidate.end), surfaceText: candidate.surface))
        }
        var relationIDs = Set<String>()
        let evidence = EvidenceFinder(texts: texts, entities: findings.entities)
        for relation in findings.relations {
            let subject = canonical(relation.subject), object = canonical(relation.object)
            guard subject != object else { continue }
            for key in [subject, object] where aliases[key] == nil && implicit.contains(key) { order.append(key); aliases[key] = [] }
            guard aliases[subject] != nil, aliases[object] != nil else { continue }
            let paragraphID = Paragraph.id(documentID: documentID, ordinal: paragraphs[relation.paragraph].ordinal)
            var row = Relation(subjectID: subject.id, predicate: relation.predicate, objectID: object.id, paragraphID: paragraphID)
            if relationIDs.insert(row.id).inserted {
                row.evidence = evidence.sentence(of: relation).map(Self.collapse)
                graph.relations.append(row)
            }
        }
        var facts: [EntityKey: EntityFacts] = [:]
        for (key, fact) in findings.facts {
            let target = canonical(key)
            var merged = facts[target] ?? EntityFacts()
            merged.date = merged.date ?? fact.date
            merged.place = merged.place ?? fact.place
            merged.attributes.merge(fact.attributes) { first, _ in first }
            merged.extraAliases += fact.extraAliases
            facts[target] = merged
            if aliases[target] == nil, implicit.contains(target) { order.append(target); aliases[target] = [] }
        }
        for key in named.map(canonical) where aliases[key] == nil {
            order.append(key)
            aliases[key] = []
        }
        for key in order {
            let fact = facts[key]
            graph.entities.append(Entity(id: key.id, kind: key.kind, name: key.name, date: fact?.date, place: fact?.place))
            var names = aliases[key] ?? []
            for extra in fact?.extraAliases ?? [] where !names.contains(extra) { names.append(extra) }
            graph.aliases += names.map { Alias(entityID: key.id, alias: $0) }
            for (name, value) in (fact?.attributes ?? [:]).sorted(by: { $0.key < $1.key }) {
                graph.attributes.append(EntityAttribute(entityID: key.id, name: name, value: value))
            }
        }
        return graph
    }

    /// Honorific forms ("Mr. Lewis") → the full name printed elsewhere in the document
    /// ("Benjamin Lewis") when exactly one full name ends with the same surname.
    private func personRenames(_ candidates: [EntityCandidate]) -> [EntityKey: EntityKey] {
        let people = Set(candidates.map(\.key).filter { $0.kind == .person })
        let honorifics = people.filter { PersonRecognizer.honorific.matches(in: $0.name).first?.range.location == 0 }
        let fullNames = people.subtracting(honorifics)
        var renames: [EntityKey: EntityKey] = [:]
        for title in honorifics {
            let surname = title.name.split(separator: " ").dropFirst().joined(separator: " ")
            let matches = fullNames.filter { $0.name.hasSuffix(" " + surname) }
            if matches.count == 1, let full = matches.first { renames[title] = full }
        }
        return renames
    }

    static func collapse(_ text: String) -> String {
        // (Most surfaces are ASCII words with single spaces between them: already collapsed.)
        if isCollapsedASCII(text) { return text }
        return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// ASCII with no whitespace but single spaces between words: what `collapse` leaves as it is.
    static func isCollapsedASCII(_ text: String) -> Bool {
        var previousIsSpace = true
        for byte in text.utf8 {
            if byte >= 0x80 || (byte >= 0x09 && byte <= 0x0D) { return false }
            if byte == 0x20 {
                if previousIsSpace { return false }
                previousIsSpace = true
            } else {
                previousIsSpace = false
            }
        }
        return !previousIsSpace || text.isEmpty
    }
}

/// UTF-16 → code-point offsets for one paragraph's text.
struct ParagraphOffsets {
    private let map: [Int]?

    init(_ text: String) {
        let units = Array(text.utf16)
        if units.count == text.unicodeScalars.count {
            map = nil
        } else {
            var map = [Int](repeating: 0, count: units.count + 1)
            var count = 0
            for (offset, unit) in units.enumerated() {
                map[offset] = count
                if !UTF16.isLeadSurrogate(unit) { count += 1 }
            }
            map[units.count] = count
            self.map = map
        }
    }

    func codePoint(_ utf16Offset: Int) -> Int { map?[utf16Offset] ?? utf16Offset }
}
