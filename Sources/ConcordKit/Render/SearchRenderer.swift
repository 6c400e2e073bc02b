/// Prints search hits: an aligned list on a terminal, or JSON lines.
struct SearchRenderer {
    /// The frozen JSON shape of one hit (`search --json`): every key is always
    /// present, `symbol` and `number` as `null` when the document has none.
    /// `paragraph` is the ordinal, `number` the official number; the snippet marks
    /// matched words with « ».
    struct HitJSON: Encodable {
        var document: String
        var symbol: String?
        var paragraph: Int
        var number: Int?
        var snippet: String
        var rank: Double

        enum CodingKeys: String, CodingKey { case document, symbol, paragraph, number, snippet, rank }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(document, forKey: .document)
            try container.encode(symbol, forKey: .symbol)
            try container.encode(paragraph, forKey: .paragraph)
            try container.encode(number, forKey: .number)
            try container.encode(snippet, forKey: .snippet)
            try container.encode(rank, forKey: .rank)
        }
    }

    let console: Console
    let json: Bool

    func render(_ hits: [ParagraphSearch.Hit], query: String) {
        if json {
            for hit in hits {
                let plain = hit.snippet
                    .replacingOccurrences(of: ParagraphSearch.highlightStart, with: "«")
                    .replacingOccurrences(of: ParagraphSearch.highlightEnd, with: "»")
                let line = try? JSONLines.line(
                    HitJSON(document: hit.document, symbol: hit.documentSymbol, paragraph: hit.ordinal, number: hit.number, snippet: plain, rank: hit.rank))
                console.line(line ?? "{}")
            }
            return
        }
        if hits.isEmpty {
            console.line("no paragraph matches \(query)")
            return
        }
        if console.isPipe {
            let rows = hits.map { hit in
                [DocumentLabel.short(hit.document), hit.number.map { "¶\($0)" } ?? "#\(hit.ordinal)", hit.documentSymbol ?? "",
                 highlighted(hit.snippet)]
            }
            return TabSeparatedLines.write(header: ["document", "paragraph", "symbol", "snippet"], rows: rows, to: console)
        }
        for hit in hits {
            let place = hit.number.map { "¶\($0)" } ?? "#\(hit.ordinal)"
            let where_ = "\(DocumentLabel.short(hit.document)):\(place)"
            console.line(console.styled(where_, .bold) + (hit.documentSymbol.map { "  " + console.styled($0, .dim) } ?? ""))
            console.line("    " + highlighted(hit.snippet))
        }
    }

    private func highlighted(_ snippet: String) -> String {
        let open = console.usesColor ? TextStyle.highlight.rawValue : "«"
        let close = console.usesColor ? "\u{1B}[0m" : "»"
        return snippet
            .replacingOccurrences(of: ParagraphSearch.highlightStart, with: open)
            .replacingOccurrences(of: ParagraphSearch.highlightEnd, with: close)
            .replacingOccurrences(of: "\n", with: " ")
    }
}
