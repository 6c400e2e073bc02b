import Foundation

/// Finds the names of the gazetteers (States, treaty bodies and their conventions,
/// UN organs and agencies, standard instruments) in a paragraph, tolerating OCR
/// damage: lost spaces, confused letters, words broken across lines.
struct GazetteerRecognizer: Sendable {
    /// What a gazetteer name stands for.
    struct Entry: Sendable {
        var key: EntityKey
        /// Acronyms ("ILO") must be printed in capitals, exactly.
        var isAcronym: Bool
        /// The name's first letter is a capital, so the printed one must be too.
        var startsWithCapital: Bool
    }

    static let shared = GazetteerRecognizer()

    private let trie: NameTrie<Entry>
    /// Full names of bodies and instruments (lowercased, single-spaced) with their keys, for ``entry(completing:)``.
    private let fullNames: [(name: String, key: EntityKey)]

    init() {
        var trie = NameTrie<Entry>()
        var fullNames: [(name: String, key: EntityKey)] = []
        func add(_ name: String, _ key: EntityKey) {
            if key.kind != .state, name.count > 24 { fullNames.append((name.lowercased(), key)) }
            let letters = name.filter { $0.isLetter }
            let isAcronym = !letters.isEmpty && name.count <= 8 && letters.allSatisfy { $0.isUppercase }
            let startsWithCapital = name.first?.isUppercase ?? false
            trie.insert(name, Entry(key: key, isAcronym: isAcronym, startsWithCapital: startsWithCapital))
        }
        for name in StateGazetteer.names { add(name, EntityKey(.state, name)) }
        for (short, name) in StateGazetteer.shortForms { add(short, EntityKey(.state, name)) }
        for (name, aliases) in OrganizationGazetteer.bodies {
            let key = EntityKey(.body, name)
            add(name, key)
            for alias in aliases { add(alias, key) }
        }
        for (name, aliases) in OrganizationGazetteer.instruments {
            let key = EntityKey(.instrument, name)
            add(name, key)
            for alias in aliases { add(alias, key) }
        }
        for body in TreatyBodyGazetteer.all {
            let bodyKey = EntityKey(.body, body.name)
            add(body.name, bodyKey)
            for alias in body.bodyAliases { add(alias, bodyKey) }
            let conventionKey = EntityKey(.instrument, body.convention)
            add(body.convention, conventionKey)
            for alias in body.conventionAliases { add(alias, conventionKey) }
        }
        self.trie = trie
        self.fullNames = fullNames
    }

    /// The one body or instrument whose full name starts with `prefix` and goes on
    /// (a title cut where its line was wrapped: "Committee on the Protection of the Rights of All").
    func entry(completing prefix: String) -> EntityKey? {
        let start = GraphAssembler.collapse(prefix).lowercased() + " "
        guard start.count > 16 else { return nil }
        let keys = Set(fullNames.filter { $0.name.hasPrefix(start) }.map(\.key))
        return keys.count == 1 ? keys.first : nil
    }

    /// The gazetteer entry whose name is exactly `text` (after folding), if any.
    func entry(named text: String) -> Entry? {
        let folded = FoldedText(text)
        guard !folded.units.isEmpty, let match = trie.longestMatch(in: folded, from: 0),
              match.end == folded.units.count else { return nil }
        return match.payload
    }

    func recognize(_ paragraph: ParagraphText, folded: FoldedText) -> [EntityCandidate] {
        var candidates: [EntityCandidate] = []
        var index = 0
        while index < folded.units.count {
            guard folded.startsWord[index], let match = trie.longestMatch(in: folded, from: index),
                  accepts(match, in: folded) else {
                index += 1
                continue
            }
            let start = folded.origins[match.start]
            let end = folded.origins[match.end - 1] + 1
            let range = NSRange(location: start, length: end - start)
            candidates.append(EntityCandidate(
                key: match.payload.key, paragraph: paragraph.index, range: range,
                surface: paragraph.substring(range), priority: 2))
            index = match.end
        }
        return candidates
    }

    private func accepts(_ match: NameTrie<Entry>.Match, in folded: FoldedText) -> Bool {
        if match.payload.isAcronym {
            return (match.start..<match.end).allSatisfy { folded.wasCapital[$0] || !isLetter(folded.units[$0]) }
        }
        return !match.payload.startsWithCapital || folded.wasCapital[match.start]
    }

    private func isLetter(_ unit: UInt16) -> Bool { !(0x30...0x39).contains(unit) }
}
