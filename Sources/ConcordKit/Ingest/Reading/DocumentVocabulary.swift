/// The words a document uses, counted: the evidence for repairing words that
/// line breaks and OCR have damaged, taken from the document itself rather than
/// from a dictionary, so it works for any language the text is written in.
struct DocumentVocabulary: Sendable {
    /// How often each lower-cased word (letters only) occurs.
    private(set) var counts: [String: Int] = [:]
    /// Lower-cased hyphenated compounds printed within a line (`rights-based`).
    private(set) var compounds: Set<String> = []

    init(lines: [String]) {
        for line in lines { add(line) }
    }

    /// How often `word` occurs, ignoring case.
    func count(_ word: String) -> Int { counts[word.lowercased(), default: 0] }

    /// `true` when `word` occurs at least `times` times.
    func contains(_ word: String, atLeast times: Int = 1) -> Bool { count(word) >= times }

    /// `true` when `compound` (with its hyphen) is printed somewhere within a line.
    func containsCompound(_ compound: String) -> Bool { compounds.contains(compound.lowercased()) }

    private mutating func add(_ line: String) {
        var word = String.UnicodeScalarView()
        var compound = String.UnicodeScalarView()
        var compoundHasHyphen = false
        func endCompound() {
            if compoundHasHyphen, compound.last != "-" { compounds.insert(String(compound)) }
            compound = String.UnicodeScalarView()
            compoundHasHyphen = false
        }
        func endWord() {
            if !word.isEmpty { counts[String(word), default: 0] += 1 }
            word = String.UnicodeScalarView()
        }
        for scalar in line.lowercased().unicodeScalars {
            if Self.isLetter(scalar) {
                word.append(scalar)
                compound.append(scalar)
            } else if scalar == "-" && !word.isEmpty {
                endWord()
                compound.append(scalar)
                compoundHasHyphen = true
            } else {
                endWord()
                endCompound()
            }
        }
        endWord()
        endCompound()
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") }
        return scalar.properties.isAlphabetic
    }
}
