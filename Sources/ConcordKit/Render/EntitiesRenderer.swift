/// Prints `entities`: an aligned table (kind, name, id, mentions) or JSON lines.
struct EntitiesRenderer {
    /// The frozen JSON shape of one entity (`entities --json`).
    struct EntityJSON: Encodable {
        var id: String
        var kind: String
        var name: String
        var aliases: [String]
        var mentions: [MentionJSON]
    }

    /// A paragraph naming the entity: `document` is the source file name, `paragraph`
    /// the ordinal, `number` the official paragraph number (null when there is none).
    struct MentionJSON: Encodable {
        var document: String
        var paragraph: Int
        var number: Int?

        enum CodingKeys: String, CodingKey { case document, paragraph, number }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(document, forKey: .document)
            try container.encode(paragraph, forKey: .paragraph)
            try container.encode(number, forKey: .number)
        }
    }

    let console: Console
    let json: Bool

    func render(_ items: [EntityListing.Item]) throws {
        if json {
            for item in items {
                console.line(try JSONLines.line(EntityJSON(
                    id: item.id, kind: item.kind.rawValue, name: item.name, aliases: item.aliases,
                    mentions: item.places.map { MentionJSON(document: $0.sourceName, paragraph: $0.ordinal, number: $0.number) })))
            }
            return
        }
        if items.isEmpty {
            console.line("no entities")
            return
        }
        if console.isPipe {
            let rows = items.map { [$0.kind.rawValue, $0.name, $0.id, String($0.mentionCount)] }
            return TabSeparatedLines.write(header: ["kind", "name", "id", "mentions"], rows: rows, to: console)
        }
        let kindWidth = max(4, items.map(\.kind.rawValue.count).max() ?? 0)
        let idWidth = items.map(\.id.count).max() ?? 0
        let countWidth = 8
        let nameWidth = max(12, min(items.map(\.name.count).max() ?? 0, console.width - kindWidth - idWidth - countWidth - 6))
        func pad(_ text: String, _ width: Int) -> String {
            text.count > width ? String(text.prefix(width - 1)) + "…" : TextWrapper.padded(text, to: width)
        }
        console.line(console.styled(pad("KIND", kindWidth) + "  " + pad("NAME", nameWidth) + "  " + pad("ID", idWidth) + "  MENTIONS", .bold))
        for item in items {
            let count = String(item.mentionCount)
            let line = pad(item.kind.rawValue, kindWidth) + "  " + pad(item.name, nameWidth) + "  " + pad(item.id, idWidth) + "  "
                + String(repeating: " ", count: max(0, countWidth - count.count)) + count
            console.line(console.styled(pad(item.kind.rawValue, kindWidth), .kind) + String(line.dropFirst(kindWidth)))
        }
    }
}
