/// The words a document uses, counted: the evidence for repairing words that
/// line breaks and OCR have damaged, taken from the document itself rather than
/// from a dictionary, so it works for any language the text is written in.
struct DocumentVocabulary: Sendable {
    /// How often each lower-cased word (letters only) occurs.
    private(set) var counts: [String: Int] = [:]
    /// Lower-cased hyphenated compounds printed within a line (`rights-based`).
    private(set) var compounds: Set<String> = []

    /// The vocabulary of `lines`; `asciiFastPath: false` reads every line a scalar at a time
    /// (what tests compare the fast path with).
    init(lines: [String], asciiFastPath: Bool = true) {
        for line in lines {
            if asciiFastPath, line.utf8.allSatisfy({ $0 < 0x80 }) {
                addASCII(Array(line.utf8))
            } else {
                add(line)
            }
        }
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

    /// `add` for an ASCII line, on its bytes: the same words and compounds, found as
    /// ranges of the lowercased line rather than built a scalar at a time.
    private mutating func addASCII(_ line: [UInt8]) {
        let bytes = line.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
        var wordStart: Int?, compoundStart: Int?
        var compoundHasHyphen = false
        func endWord(at end: Int) {
            if let start = wordStart { counts[String(decoding: bytes[start..<end], as: UTF8.self), default: 0] += 1 }
            wordStart = nil
        }
        func endCompound(at end: Int) {
            if compoundHasHyphen, let start = compoundStart, bytes[end - 1] != 0x2D {
                compounds.insert(String(decoding: bytes[start..<end], as: UTF8.self))
            }
            compoundStart = nil
            compoundHasHyphen = false
        }
        for (index, byte) in bytes.enumerated() {
            if (0x61...0x7A).contains(byte) {
                if wordStart == nil { wordStart = index }
                if compoundStart == nil { compoundStart = index }
            } else if byte == 0x2D, wordStart != nil {
                endWord(at: index)
                compoundHasHyphen = true
            } else {
                endWord(at: index)
                endCompound(at: index)
            }
        }
        endWord(at: bytes.count)
        endCompound(at: bytes.count)
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") }
        return scalar.properties.isAlphabetic
    }
}
