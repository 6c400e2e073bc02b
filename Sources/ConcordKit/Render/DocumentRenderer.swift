/// Prints a document (`doc`): a header with symbol, title, kind, body, session, meeting
/// number, the dates of the meeting and of issue, language and source file, then each paragraph
/// under its label (official number, or #ordinal), headings in bold and marked `§`.
struct DocumentRenderer {
    /// The frozen JSON shape of one paragraph (`doc --json`).
    struct ParagraphJSON: Encodable {
        var document: String
        var symbol: String?
        var paragraph: Int
        var number: Int?
        var kind: String
        var section: String?
        var text: String

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(document, forKey: .document)
            try container.encode(symbol, forKey: .symbol)
            try container.encode(paragraph, forKey: .paragraph)
            try container.encode(number, forKey: .number)
            try container.encode(kind, forKey: .kind)
            try container.encode(section, forKey: .section)
            try container.encode(text, forKey: .text)
        }

        enum CodingKeys: String, CodingKey { case document, symbol, paragraph, number, kind, section, text }
    }

    let console: Console
    let json: Bool

    func render(_ view: DocumentView) throws {
        let document = view.document
        if json {
            for paragraph in view.paragraphs {
                console.line(try JSONLines.line(ParagraphJSON(
                    document: document.sourceName, symbol: document.symbol, paragraph: paragraph.ordinal,
                    number: paragraph.number, kind: paragraph.paragraphKind.rawValue, section: paragraph.section,
                    text: paragraph.text)))
            }
            return
        }
        renderHeader(view)
        for paragraph in view.paragraphs {
            console.line()
            let label = paragraph.number.map { "¶\($0)" } ?? "#\(paragraph.ordinal)"
            if paragraph.paragraphKind == .heading {
                console.line(console.styled("§ " + paragraph.text, .bold) + "  " + console.styled("\(view.label):\(label)", .dim))
                continue
            }
            let kind = paragraph.paragraphKind == .footnote ? "  (footnote)" : ""
            let address = "\(view.label):\(label)"
            // In a summary record, who says the paragraph (and for whom), cut to the line.
            let speaker = view.speakers[paragraph.id].map { speaker in
                let said = "— " + speaker.personName + (speaker.partyName.map { " (\($0))" } ?? "")
                return "  " + console.styled(TextWrapper.truncated(said, to: max(12, console.width - address.count - kind.count - 2)), .dim)
            } ?? ""
            console.line(console.styled(address, .bold) + kind + speaker)
            for line in TextWrapper(width: console.width, indent: "    ").lines(paragraph.text) { console.line(line) }
        }
    }

    private func renderHeader(_ view: DocumentView) {
        let document = view.document
        console.line(console.styled(document.symbol ?? document.sourceName, .bold) + "  " + console.styled(view.label, .dim))
        if let title = document.title {
            for line in TextWrapper(width: console.width).lines(title) { console.line(line) }
        }
        var facts = [document.documentKind.label]
        if let body = document.metadata.body { facts.append(body) }
        if let session = document.metadata.session { facts.append(session) }
        if let number = document.metadata.meetingNumber { facts.append("meeting no. \(number)") }
        if let held = document.metadata.meetingDate {
            facts.append("held " + held)
        } else if document.metadata.issueDate == nil, let dated = document.dated {
            facts.append(dated)  // stored before the two dates were told apart
        }
        if let start = document.meetingStartedAt {
            facts.append("meeting " + start + (document.meetingEndedAt.map { "–" + $0 } ?? ""))
        }
        if let issued = document.metadata.issueDate { facts.append("issued " + issued) }
        if let language = document.metadata.language { facts.append(language) }
        facts.append("\(view.paragraphCount) paragraphs")
        facts.append(document.sourceName + (document.sourceFormat.map { " (\($0.rawValue))" } ?? ""))
        console.line(console.styled(facts.joined(separator: " · "), .dim))
    }
}
