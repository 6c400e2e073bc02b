/// Lettered sub-paragraphs — `(a)`, `(b)`, … — and the OCR damage they suffer:
/// `(@)` for `(a)`, `(9)` for `(g)`, `()` when the letter was lost.
enum ListEnumerator {
    /// Replaces a damaged enumerator at the start of `text` with the letter the
    /// list expects next; leaves correct or unexpected text alone.
    static func repair(_ text: String, expecting expected: inout Character?) -> String {
        guard let expectedLetter = expected, text.first == "(" else { return text }
        let inside = text.dropFirst().prefix { $0 != ")" && $0 != " " }
        guard inside.count <= 1 else { return text }
        if let letter = inside.first, letter.isLowercase { return text }
        var rest = text.dropFirst(1 + inside.count)
        if rest.first == ")" { rest = rest.dropFirst() }
        guard rest.first == " " else { return text }
        return "(\(expectedLetter))" + rest
    }

    /// Updates the expected next letter after paragraph `text`: the letter after its
    /// own enumerator, `a` after a paragraph introducing a list (ending with `:`),
    /// nothing otherwise.
    static func track(_ text: String, expecting expected: inout Character?) {
        if text.hasSuffix(":") {
            expected = "a"
            return
        }
        if text.first == "(", let letter = text.dropFirst().first, letter.isLowercase, letter.isASCII,
            text.dropFirst(2).first == ")", let value = letter.asciiValue, letter != "z"
        {
            expected = Character(UnicodeScalar(value + 1))
            return
        }
        expected = nil
    }
}
