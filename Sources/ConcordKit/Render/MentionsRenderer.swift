/// Prints the paragraphs that mention an entity, the mentioned words highlighted
/// (ANSI on a terminal, «…» otherwise), each under its document and paragraph label.
struct MentionsRenderer {
    /// The frozen JSON shape of one paragraph (`mentions --json`).
    struct ParagraphJSON: Encodable {
        struct SpanJSON: Encodable {
            var start: Int
            var end: Int
            var surface: String
        }

        var entity: String
        var source: PlaceJSON
        var text: String
        var mentions: [SpanJSON]
    }

    let console: Console
    let json: Bool

    func render(_ paragraphs: [MentionQuery.MentionedParagraph], entity: Entity) throws {
        if json {
            for paragraph in paragraphs {
                let spans = zip(paragraph.ranges, paragraph.surfaces).map {
                    ParagraphJSON.SpanJSON(start: $0.lowerBound, end: $0.upperBound, surface: $1)
                }
                console.line(try JSONLines.line(ParagraphJSON(
                    entity: entity.id, source: PlaceJSON(paragraph.place), text: paragraph.text, mentions: spans)))
            }
            return
        }
        if paragraphs.isEmpty {
            console.line("no paragraph mentions \(entity.name) (\(entity.id))")
            return
        }
        for paragraph in paragraphs {
            let symbol = paragraph.place.symbol.map { "  " + console.styled($0, .dim) } ?? ""
            console.line(console.styled(paragraph.place.label, .bold) + symbol)
            let marked = Self.marked(paragraph.text, ranges: paragraph.ranges)
            for line in TextWrapper(width: console.width, indent: "    ").lines(marked) {
                console.line(highlighted(line))
            }
        }
    }

    /// `text` with each range (in Unicode code points) between the highlight markers.
    static func marked(_ text: String, ranges: [Range<Int>]) -> String {
        var scalars = String.UnicodeScalarView()
        var boundaries: [Int: String] = [:]
        for range in ranges {
            boundaries[range.lowerBound, default: ""] += ParagraphSearch.highlightStart
            boundaries[range.upperBound, default: ""] = ParagraphSearch.highlightEnd + (boundaries[range.upperBound] ?? "")
        }
        var offset = 0
        for scalar in text.unicodeScalars {
            if let marker = boundaries[offset] { scalars.append(contentsOf: marker.unicodeScalars) }
            scalars.append(scalar)
            offset += 1
        }
        if let marker = boundaries[offset] { scalars.append(contentsOf: marker.unicodeScalars) }
        return String(scalars)
    }

    private func highlighted(_ line: String) -> String {
        let open = console.usesColor ? TextStyle.highlight.rawValue : "«"
        let close = console.usesColor ? "\u{1B}[0m" : "»"
        return line.replacingOccurrences(of: ParagraphSearch.highlightStart, with: open)
            .replacingOccurrences(of: ParagraphSearch.highlightEnd, with: close)
    }
}
