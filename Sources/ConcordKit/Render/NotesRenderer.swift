/// Prints notes and tags (`notes`): aligned columns newest first, the text wrapped
/// to the terminal's width, or JSON lines.
struct NotesRenderer {
    /// The frozen JSON shape of one note or tag (`notes --json`).
    /// `document`, `paragraph` (ordinal) and `number` are null unless the target is a paragraph.
    struct NoteJSON: Encodable {
        var id: String
        var kind: String
        var body: String
        var author: String
        var createdAt: String
        var targetKind: String
        var target: String
        var targetName: String
        var document: String?
        var paragraph: Int?
        var number: Int?

        enum CodingKeys: String, CodingKey {
            case id, kind, body, author, target, document, paragraph, number
            case createdAt = "created_at"
            case targetKind = "target_kind"
            case targetName = "target_name"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(kind, forKey: .kind)
            try container.encode(body, forKey: .body)
            try container.encode(author, forKey: .author)
            try container.encode(createdAt, forKey: .createdAt)
            try container.encode(targetKind, forKey: .targetKind)
            try container.encode(target, forKey: .target)
            try container.encode(targetName, forKey: .targetName)
            try container.encode(document, forKey: .document)
            try container.encode(paragraph, forKey: .paragraph)
            try container.encode(number, forKey: .number)
        }
    }

    /// The target column never takes more than this many characters.
    static let targetWidth = 28

    let console: Console
    let json: Bool

    func render(_ listings: [AnnotationListing], filter: NotesFilter) {
        if json {
            for listing in listings { console.line((try? JSONLines.line(Self.json(listing))) ?? "{}") }
            return
        }
        if listings.isEmpty {
            console.line(filter == NotesFilter() ? "no notes or tags yet; add one with note TARGET \"TEXT\" or tag TARGET TAG" : "no notes or tags match")
            return
        }
        if console.isPipe {
            let rows = listings.map { listing -> [String] in
                let annotation = listing.annotation
                let body = annotation.annotationKind == .tag ? "#" + annotation.body : annotation.body
                return [annotation.createdAt, annotation.author, listing.targetName, body]
            }
            return TabSeparatedLines.write(header: ["created", "author", "target", "note"], rows: rows, to: console)
        }
        let rows = listings.map { listing -> [String] in
            let annotation = listing.annotation
            let when = String(annotation.createdAt.replacingOccurrences(of: "T", with: " ").prefix(16))
            let body = annotation.annotationKind == .tag ? "#" + annotation.body : annotation.body
            return [when, annotation.author, Self.truncated(listing.targetName, to: Self.targetWidth), body]
        }
        var widths = [0, 0, 0]
        for row in rows {
            for column in 0..<3 { widths[column] = max(widths[column], row[column].count) }
        }
        let indent = widths.reduce(0, +) + 3 * 2
        for row in rows {
            let head = (0..<3).map { TextWrapper.padded(row[$0], to: widths[$0]) }
            let styledHead = console.styled(head[0], .dim) + "  " + head[1] + "  " + console.styled(head[2], .bold) + "  "
            let room = console.width - indent
            if room >= 24 {
                let lines = Self.wrapped(row[3], width: room)
                console.line(styledHead + (lines.first ?? ""))
                for line in lines.dropFirst() { console.line(String(repeating: " ", count: indent) + line) }
            } else {
                console.line(styledHead.trimmingTrailingSpaces)
                for line in Self.wrapped(row[3], width: max(20, console.width - 4)) { console.line("    " + line) }
            }
        }
    }

    static func json(_ listing: AnnotationListing) -> NoteJSON {
        let annotation = listing.annotation
        return NoteJSON(
            id: annotation.id, kind: annotation.annotationKind.rawValue, body: annotation.body, author: annotation.author,
            createdAt: annotation.createdAt, targetKind: listing.targetKind.rawValue, target: listing.targetID,
            targetName: listing.targetName, document: listing.paragraph?.documentID, paragraph: listing.paragraph?.ordinal,
            number: listing.paragraph?.number)
    }

    static func truncated(_ text: String, to width: Int) -> String {
        text.count > width ? String(text.prefix(width - 1)) + "…" : text
    }

    /// `text` broken at spaces into lines of at most `width` characters (a longer word gets a line of its own).
    static func wrapped(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                if line.isEmpty {
                    line = String(word)
                } else if line.count + 1 + word.count <= width {
                    line += " " + word
                } else {
                    lines.append(line)
                    line = String(word)
                }
            }
            lines.append(line)
        }
        return lines
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
