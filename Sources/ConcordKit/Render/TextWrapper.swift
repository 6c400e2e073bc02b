/// Breaks running text into lines of at most `width` characters at spaces, for
/// paragraphs printed under a label. A word longer than a line is cut.
public struct TextWrapper: Sendable {
    public var width: Int
    public var indent: String

    public init(width: Int, indent: String = "") {
        self.width = width
        self.indent = indent
    }

    /// The wrapped lines of `text`, each starting with the indent.
    public func lines(_ text: String) -> [String] {
        let room = max(20, width - indent.count)
        var lines: [String] = []
        var current = ""
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
            var word = Substring(word)
            while word.count > room {
                if !current.isEmpty { lines.append(current); current = "" }
                lines.append(String(word.prefix(room)))
                word = word.dropFirst(room)
            }
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= room {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.map { indent + $0 }
    }

    /// `text` cut to `width` characters, ending in "…" when it was longer.
    public static func truncated(_ text: String, to width: Int) -> String {
        guard text.count > width else { return text }
        return String(text.prefix(max(0, width - 1))) + "…"
    }

    /// `text` followed by spaces up to `width` characters (never cut).
    ///
    /// Counts characters as the column widths do; Foundation's `padding(toLength:)` counts UTF-16
    /// units, so a name with a decomposed accent came out a column short (or cut mid-letter), and
    /// it cost a sixth of rendering `links`.
    public static func padded(_ text: String, to width: Int) -> String {
        let count = text.count
        return count >= width ? text : text + String(repeating: " ", count: width - count)
    }
}
