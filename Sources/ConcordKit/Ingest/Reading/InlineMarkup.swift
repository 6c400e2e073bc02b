/// Word-processor markup that conversions leave inside a line of text:
/// `[bookmark: _GoBack]`, footnote references `[footnoteRef:19]` and footnote
/// bodies printed where they are referenced (`[19: The full text …]`).
///
/// ``clean(_:)`` removes the first two and lifts the bodies out, so body text
/// never carries a footnote in its middle.
enum InlineMarkup {
    /// The text of a footnote found inside a line, with the marker it was printed with.
    struct Footnote: Hashable, Sendable {
        var marker: String
        var text: String
    }

    /// The line without markup, and the footnote bodies it held, in order.
    static func clean(_ line: String) -> (text: String, footnotes: [Footnote]) {
        guard line.utf8.contains(UInt8(ascii: "[")) else { return (line, []) }
        let characters = Array(line)
        var text = ""
        var footnotes: [Footnote] = []
        var index = 0
        while index < characters.count {
            guard characters[index] == "[", let close = matchingBracket(in: characters, from: index) else {
                text.append(characters[index])
                index += 1
                continue
            }
            let inside = String(characters[(index + 1)..<close])
            if inside.hasPrefix("bookmark:") || inside.hasPrefix("footnoteRef:") {
                // An artefact: drop it entirely.
            } else if let footnote = footnoteBody(inside) {
                footnotes.append(footnote)
            } else {
                text += "[" + inside + "]"
            }
            index = close + 1
        }
        return (text, footnotes)
    }

    /// `3:  The full texts …` → marker `3`, text `The full texts …`.
    private static func footnoteBody(_ inside: String) -> Footnote? {
        guard let colon = inside.firstIndex(of: ":") else { return nil }
        let marker = inside[..<colon]
        guard !marker.isEmpty, marker.count <= 4, marker.allSatisfy(\.isNumber) else { return nil }
        let body = Whitespace.collapse(String(inside[inside.index(after: colon)...]))
        guard !body.isEmpty else { return nil }
        return Footnote(marker: String(marker), text: body)
    }

    /// The index of the `]` closing the `[` at `start`, counting nested brackets.
    private static func matchingBracket(in characters: [Character], from start: Int) -> Int? {
        var depth = 0
        for index in start..<characters.count {
            if characters[index] == "[" { depth += 1 }
            if characters[index] == "]" {
                depth -= 1
                if depth == 0 { return index }
            }
        }
        return nil
    }
}

/// Whitespace rules for paragraph text: single spaces, nothing at either end.
enum Whitespace {
    /// Runs of spaces, tabs and line breaks become one space; the ends are trimmed.
    /// Non-breaking spaces are typography and are kept as printed.
    static func collapse(_ text: String) -> String {
        // Every collapsible character is ASCII, so working on UTF-8 bytes is safe and fast.
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0B || byte == 0x0C || byte == 0x0D {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(0x20) }
                pendingSpace = false
                result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    static func isCollapsible(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\n" || scalar == "\u{0C}" || scalar == "\u{0B}"
    }
}
