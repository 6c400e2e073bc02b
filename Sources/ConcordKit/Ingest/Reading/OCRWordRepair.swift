/// Mends two kinds of damage OCR does to word spacing, using the document's own
/// vocabulary as evidence (so correct rare words are left alone):
///
/// - a word split by a stray space: `statel ess` → `stateless`, `I nternational`
///   → `International`, when the joined word occurs elsewhere in the document,
///   more often than either piece on its own;
/// - a plural or verb glued to the function word after it: `Governmentswith` →
///   `Governments with`, `Membersof` → `Members of`, when the first part is a
///   word the document uses more often than the glued form.
struct OCRWordRepair: Sendable {
    let vocabulary: DocumentVocabulary

    /// Short words OCR often glues to the word before them.
    static let gluedFunctionWords = ["with", "that", "who", "and", "the", "are", "for", "is", "in", "of", "to", "on"]
    /// First parts that make real words with a function word (`therein`, `forthwith`).
    static let boundPrefixes: Set<String> = ["there", "where", "here", "forth", "hence", "whence", "thus"]

    /// `text` with split and glued words mended.
    func repair(_ text: String) -> String {
        let tokens = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        var result: [String] = []
        var index = 0
        while index < tokens.count {
            if index + 1 < tokens.count, let joined = joinedSplitWord(tokens[index], tokens[index + 1]) {
                result.append(contentsOf: unglued(joined))
                index += 2
            } else {
                result.append(contentsOf: unglued(tokens[index]))
                index += 1
            }
        }
        return result.joined(separator: " ")
    }

    /// `statel` + `ess` → `stateless`, or `nil` when the two tokens are real words.
    func joinedSplitWord(_ first: String, _ second: String) -> String? {
        guard !first.isEmpty, first.allSatisfy(\.isWordLetter) else { return nil }
        let secondLetters = String(second.prefix { $0.isWordLetter })
        guard let secondStart = secondLetters.first, secondStart.isLowercase else { return nil }
        let joinedCount = vocabulary.count(first + secondLetters)
        guard joinedCount > 0, vocabulary.count(secondLetters) < joinedCount else { return nil }
        if first.count == 1 {
            guard first.first?.isUppercase == true else { return nil }
        } else if vocabulary.count(first) >= joinedCount {
            return nil
        }
        return first + second
    }

    /// `Governmentswith` → [`Governments`, `with`]; anything else unchanged.
    func unglued(_ token: String) -> [String] {
        let letters = String(token.prefix { $0.isWordLetter })
        guard letters.count >= 6 else { return [token] }
        let rest = token.dropFirst(letters.count)
        let lower = letters.lowercased()
        for word in Self.gluedFunctionWords where lower.hasSuffix(word) {
            let head = String(letters.dropLast(word.count))
            guard head.count >= 4, head.lowercased().hasSuffix("s"), !Self.boundPrefixes.contains(head.lowercased()),
                vocabulary.count(head) > vocabulary.count(letters)
            else { continue }
            return [head, String(letters.suffix(word.count)) + rest]
        }
        return [token]
    }
}
