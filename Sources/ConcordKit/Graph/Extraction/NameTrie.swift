/// A character trie of folded names (see ``FoldedText``): finds, from each word
/// start of a paragraph, the longest gazetteer name printed there.
struct NameTrie<Payload: Sendable>: Sendable {
    private var children: [[UInt16: Int32]] = [[:]]
    private var payloads: [Int32: Payload] = [:]
    private var breaks: [Int32: Int] = [:]

    /// Adds `name`; a later insertion of the same folded name replaces the payload.
    mutating func insert(_ name: String, _ payload: Payload) {
        let folded = FoldedText.fold(name: name)
        guard !folded.isEmpty else { return }
        var node: Int32 = 0
        for unit in folded {
            if let next = children[Int(node)][unit] {
                node = next
            } else {
                children.append([:])
                let next = Int32(children.count - 1)
                children[Int(node)][unit] = next
                node = next
            }
        }
        payloads[node] = payload
        breaks[node] = max(breaks[node] ?? 0, FoldedText.breaks(in: name))
    }

    /// A name found in folded text: folded unit range and what was stored for it.
    struct Match {
        var start: Int
        var end: Int
        var payload: Payload
    }

    /// The longest name starting at folded index `start`, ending at a word end and
    /// spanning no more word breaks than the name has (so "I ran" is not "Iran").
    func longestMatch(in text: FoldedText, from start: Int) -> Match? {
        var node: Int32 = 0
        var best: Match?
        var index = start
        while index < text.units.count, let next = children[Int(node)][text.units[index]] {
            node = next
            index += 1
            if let payload = payloads[node] {
                let endsWord = index == text.units.count || text.startsWord[index]
                let spannedBreaks = text.breaksBefore[index - 1] - text.breaksBefore[start]
                if endsWord, spannedBreaks <= (breaks[node] ?? 0) {
                    best = Match(start: start, end: index, payload: payload)
                }
            }
        }
        return best
    }
}
