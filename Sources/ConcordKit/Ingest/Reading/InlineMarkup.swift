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
        let scalars = line.unicodeScalars
        var text = String.UnicodeScalarView()
        var footnotes: [Footnote] = []
        var index = scalars.startIndex
        while index < scalars.endIndex {
            guard scalars[index] == "[", let close = matchingBracket(in: scalars, from: index) else {
                text.append(scalars[index])
                index = scalars.index(after: index)
                continue
            }
            let inside = String(scalars[scalars.index(after: index)..<close])
            if inside.hasPrefix("bookmark:") || inside.hasPrefix("footnoteRef:") {
                // An artefact: drop it entirely.
            } else if let footnote = footnoteBody(inside) {
                footnotes.append(footnote)
            } else {
                text.append(contentsOf: ("[" + inside + "]").unicodeScalars)
            }
            index = scalars.index(after: close)
        }
        return (String(text), footnotes)
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

    /// Longest markup looked for: a `[` without its `]` this far on is text (this keeps a long
    /// line with many stray brackets linear).
    static let longestMarkup = 20_000

    /// The index of the `]` closing the `[` at `start`, counting nested brackets.
    private static func matchingBracket(in scalars: String.UnicodeScalarView, from start: String.UnicodeScalarView.Index) -> String.UnicodeScalarView.Index? {
        var depth = 0
        var index = start
        var looked = 0
        while index < scalars.endIndex, looked < longestMarkup {
            if scalars[index] == "[" { depth += 1 }
            if scalars[index] == "]" {
                depth -= 1
                if depth == 0 { return index }
            }
            index = scalars.index(after: index)
            looked += 1
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
        var contiguous = text
        return contiguous.withUTF8 { bytes in
            if isCollapsed(bytes) { return text }
            return String(unsafeUninitializedCapacity: bytes.count) { result in
                var count = 0
                var pendingSpace = false
                for byte in bytes {
                    if isCollapsible(byte) {
                        pendingSpace = count > 0
                    } else {
                        if pendingSpace { result[count] = 0x20; count += 1 }
                        pendingSpace = false
                        result[count] = byte
                        count += 1
                    }
                }
                return count
            }
        }
    }

    /// Whether `bytes` are already what ``collapse(_:)`` makes of them (most lines are):
    /// no collapsible byte but single spaces between other bytes.
    private static func isCollapsed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previousIsSpace = true  // a space at the start is not collapsed
        for byte in bytes {
            if isCollapsible(byte) {
                if byte != 0x20 || previousIsSpace { return false }
                previousIsSpace = true
            } else {
                previousIsSpace = false
            }
        }
        return bytes.last != 0x20
    }

    private static func isCollapsible(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0B || byte == 0x0C || byte == 0x0D
    }

    static func isCollapsible(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\n" || scalar == "\u{0C}" || scalar == "\u{0B}"
    }
}
