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
        if cannotJoin(first, second) { return nil }
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
        if token.utf8.allSatisfy({ $0 < 0x80 }), !Self.mayBeGlued(token.utf8) { return [token] }
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

    /// For ASCII tokens (most of them), `true` when `joinedSplitWord` is sure to refuse them:
    /// the first is not all letters, the second does not start with a lowercase letter, or the
    /// document never prints the two joined. Found on the bytes, without building strings.
    private func cannotJoin(_ first: String, _ second: String) -> Bool {
        guard let lead = second.utf8.first, lead < 0x80 else { return false }
        if !Self.isLowercaseASCIILetter(lead) { return true }
        guard first.utf8.allSatisfy({ $0 < 0x80 }) else { return false }
        if !first.utf8.allSatisfy(Self.isASCIILetter) { return true }
        let secondLetters = second.utf8.prefix(while: Self.isASCIILetter)
        // A letter beyond ASCII (or a combining mark) may continue the second word: let the full check decide.
        if let next = second.utf8.dropFirst(secondLetters.count).first, next >= 0x80 { return false }
        let joined = (Array(first.utf8) + secondLetters).map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
        return vocabulary.counts[String(decoding: joined, as: UTF8.self), default: 0] == 0
    }

    /// The lowercase endings of a glued token: a plural's `s` and a function word.
    private static let gluedEndings: [[UInt8]] = gluedFunctionWords.map { Array(("s" + $0).utf8) }

    /// For an ASCII token, whether `unglued` could split it: at least six letters before
    /// anything else, ending (ignoring case) in `s` and a function word.
    private static func mayBeGlued(_ token: String.UTF8View) -> Bool {
        let letters = token.prefix(while: isASCIILetter).map { $0 | 0x20 }
        guard letters.count >= 6 else { return false }
        return gluedEndings.contains { letters.count > $0.count && letters.suffix($0.count).elementsEqual($0) }
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }

    private static func isLowercaseASCIILetter(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) }
}
