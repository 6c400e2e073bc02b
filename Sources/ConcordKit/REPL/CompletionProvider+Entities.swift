import GRDB

/// Entity names for ``CompletionProvider``: from the beginning of a name or of any of its
/// words, names typed unquoted with spaces, and each name's kinds for the list a second Tab shows.
extension CompletionProvider {
    /// Names as Tab lists them, each with the kinds of the entities it names: `Benjamin Lewis (person)`.
    func withKinds(_ names: [String]) -> [String] {
        let kinds = (try? knowledgeBase?.read { db in try names.map { try entityNames.kinds(named: $0, in: db) } }) ?? []
        return names.enumerated().map { index, name in
            guard index < kinds.count, !kinds[index].isEmpty else { return name }
            return "\(name) (\(kinds[index].joined(separator: ", ")))"
        }
    }

    /// The unquoted words before the cursor that belong to the same many-word entity argument
    /// as the word being typed (`Mr.` in `show Mr. Bot`), or nil when there are none.
    func precedingEntityWords(of partial: PartialCommandLine) -> [String]? {
        guard let command = partial.words.first, let shape = CommandShape.named(command),
              let repeating = shape.positionals.last, repeating.isRepeating else { return nil }
        var run: [String] = []
        for word in partial.words.dropFirst().reversed() {
            if word.hasPrefix("-") || word.contains(where: \.isWhitespace) { break }
            run.insert(word, at: 0)
        }
        // Only the words the repeating argument takes (after the positionals before it).
        let before = shape.positionals.count - 1
        let positionalWords = partial.words.dropFirst().filter { !$0.hasPrefix("-") }.count
        let taken = min(run.count, positionalWords - before)
        guard taken > 0, Self.slot(forValueNamed: repeating.valueName, option: []) == .entity else { return nil }
        return Array(run.suffix(taken))
    }

    /// Names beginning with `run` followed by the word being typed, offered as the rest of the name
    /// from that word on, unquoted (the argument takes several words): `Bot` → `Botero Navarro`.
    func namesContinuing(_ run: [String], partial: PartialCommandLine) -> Completion {
        let typedWords = run + [partial.partial]
        let key = typedWords.map(NameNormalizer.normalize)
        let found = read { try entityNames.names(beginningWith: typedWords.joined(separator: " "), in: $0) }
        var rests: [String] = []
        for name in found {
            let words = name.split(whereSeparator: \.isWhitespace).map(String.init)
            guard words.count >= key.count,
                  zip(words.prefix(run.count).map(NameNormalizer.normalize), key).allSatisfy({ $0 == $1 }),
                  NameNormalizer.normalize(words[run.count]).hasPrefix(key[run.count]) else { continue }
            let rest = words[run.count...].joined(separator: " ")
            if !rest.contains(where: { $0 == "\"" || $0 == "'" || $0 == "\\" }), !rests.contains(rest) { rests.append(rest) }
        }
        return Completion(start: partial.partialStart, candidates: rests)
    }

    /// Entity names, aliases and ids beginning with `typed`; `false` when the only
    /// candidate is an id's kind prefix (`person:`) still to be finished.
    func entities(beginningWith typed: String) -> (candidates: [String], endsWord: Bool) {
        let idPrefixes = EntityKind.allCases.map { $0.rawValue + ":" }
        let lowered = typed.lowercased()
        let looksLikeID = idPrefixes.contains { lowered.hasPrefix($0) }
        // "pers" may be the start of a name or of an id: offer "person:" as well.
        let kindPrefixes = lowered.count >= 3 && !lowered.contains(":") ? idPrefixes.filter { $0.hasPrefix(lowered) } : []
        let found = read { db -> [String] in
            if looksLikeID { return try entityNames.ids(beginningWith: lowered, in: db) }
            let beginning = try entityNames.names(beginningWith: typed, in: db)
            // Names beginning with the text come first; when they already fill the list, the
            // word-start lookup (a trigram MATCH and a check of each candidate) is not needed.
            guard beginning.count < entityNames.limit else { return beginning }
            let within = try entityNames.names(withWordBeginning: typed, in: db)
            var seen = Set(beginning)
            return beginning + within.filter { seen.insert($0).inserted }
        }
        let candidates = kindPrefixes + found
        return (candidates, !(candidates.count == 1 && kindPrefixes.count == 1))
    }
}
