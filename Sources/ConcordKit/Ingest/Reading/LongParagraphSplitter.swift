/// Cuts a paragraph far longer than any printed one (a text with no line breaks at all, or
/// a table run together) into paragraphs of at most ``limit`` UTF-8 bytes, at sentence ends
/// where it can, else at a space.
///
/// Extraction looks at one paragraph at a time, and parts of it take time in proportion to the
/// paragraph's length for each name they try: bounding the paragraph keeps a whole document,
/// however it is laid out, in time linear in its length. Real UN paragraphs stay far below.
enum LongParagraphSplitter {
    /// Bytes of UTF-8 in the longest paragraph kept whole (about 20 printed pages of one paragraph).
    static let limit = 20_000

    /// `text` itself when it is short enough, else its pieces in order (none empty, whitespace single).
    static func pieces(of text: String, limit: Int = limit) -> [String] {
        guard text.utf8.count > limit else { return [text] }
        let bytes = Array(text.utf8)
        var pieces: [String] = []
        var start = 0
        while start < bytes.count {
            var end = min(bytes.count, start + limit)
            if end < bytes.count { end = cut(bytes, from: start, before: end) }
            let piece = Whitespace.collapse(String(decoding: bytes[start..<end], as: UTF8.self))
            if !piece.isEmpty { pieces.append(piece) }
            start = end
        }
        return pieces
    }

    /// Where to end the piece that starts at `start` and must end by `end`: after the last
    /// sentence end (`. `, `? `, `! `) in its second half, else at its last space, else at `end`
    /// moved back to the start of a character.
    private static func cut(_ bytes: [UInt8], from start: Int, before end: Int) -> Int {
        let half = start + (end - start) / 2
        var index = end - 1
        var lastSpace: Int?
        while index > half {
            if bytes[index] == 0x20 {
                let before = bytes[index - 1]
                if before == UInt8(ascii: ".") || before == UInt8(ascii: "?") || before == UInt8(ascii: "!") { return index + 1 }
                if lastSpace == nil { lastSpace = index + 1 }
            }
            index -= 1
        }
        if let lastSpace { return lastSpace }
        var boundary = end
        while boundary > start + 1, bytes[boundary] & 0xC0 == 0x80 { boundary -= 1 }
        return boundary
    }
}
