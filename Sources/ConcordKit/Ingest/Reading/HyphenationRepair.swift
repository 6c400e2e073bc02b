/// Joins two lines of a paragraph, deciding what a hyphen at the end of the first
/// line means: a word broken by the line (`protec-` + `tion` → `protection`) or
/// a compound that happens to end the line (`rights-` + `based` → `rights-based`).
///
/// The rules, in order (the evidence comes from the document's own words):
/// 1. the next line does not start with a lower-case letter (`COVID-` `19`,
///    `Inter-` `American`): keep the hyphen;
/// 2. the hyphenated compound is printed elsewhere in the document: keep it;
/// 3. the joined word is printed elsewhere: join;
/// 4. the second piece is a suffix, not a word (`-tion`, `-ment`, `-ing`): join;
/// 5. the second piece is a usual head of English compound adjectives (`-based`,
///    `-related`), or both pieces are words the document uses on their own: keep;
/// 6. otherwise the first piece is a fragment: join.
struct HyphenationRepair: Sendable {
    let vocabulary: DocumentVocabulary

    /// Second pieces that are word endings, never words on their own.
    static let suffixes: Set<String> = [
        "tion", "tions", "sion", "sions", "ment", "ments", "ness", "ity", "ities", "ing", "ings", "ance", "ances",
        "ence", "ences", "ally", "ive", "ives", "ous", "ical", "ary", "ated", "ized", "ised", "ization", "isation",
        "ible", "able", "ably", "ism", "isms", "ists", "ture", "tures", "cy", "ly", "ed", "es", "er", "ers", "ial",
        "ially", "ient", "ients", "ant", "ants", "ent", "ents",
    ]

    /// Second pieces that usually make a compound adjective with the word before them.
    static let compoundHeads: Set<String> = [
        "based", "related", "making", "led", "oriented", "sensitive", "responsive", "specific", "friendly", "free",
        "wide", "level", "term", "up", "building", "raising", "centred", "centered", "inclusive", "owned", "run",
        "general", "a-vis", "bound", "affected", "focused",
    ]

    /// `first` (ending in a hyphen) and `second` as one line of text.
    func join(_ first: String, _ second: String) -> String {
        guard let last = first.last else { return second }
        guard last == "-" || last == "\u{2010}" || last == "\u{00AD}" else { return first + " " + second }
        let stem = String(first.dropLast())
        if last == "\u{00AD}" { return stem + second }  // a soft hyphen only ever marks a break
        return keepsHyphen(before: trailingWord(of: stem), after: leadingWord(of: second))
            ? first + second
            : stem + second
    }

    /// `true` when `head-tail` is a compound rather than a word broken in two.
    func keepsHyphen(before head: String, after tail: String) -> Bool {
        guard let firstCharacter = tail.first, firstCharacter.isLowercase, !head.isEmpty else { return true }
        if vocabulary.containsCompound(head + "-" + tail) { return true }
        if vocabulary.contains(head + tail) { return false }
        let lowerTail = tail.lowercased()
        if Self.suffixes.contains(lowerTail) { return false }
        if Self.compoundHeads.contains(lowerTail) { return true }
        // Each piece also occurs once here, at the break: "elsewhere" means twice.
        return vocabulary.contains(head, atLeast: 2) && vocabulary.contains(tail, atLeast: 2)
    }

    private func trailingWord(of text: String) -> String {
        String(text.reversed().prefix { $0.isWordLetter }.reversed())
    }

    private func leadingWord(of text: String) -> String {
        String(text.prefix { $0.isWordLetter })
    }
}
