/// Prints an entity page (`show`): facts, relations grouped by predicate, notes and
/// tags, mentions; aligned for the console's width. With `--json`, one object.
struct EntityPageRenderer {
    /// The frozen JSON shape of `show --json`.
    struct PageJSON: Encodable {
        struct RelationJSON: Encodable {
            var relation: String
            var predicate: String
            var direction: String
            var id: String
            var kind: String
            var name: String
            var source: PlaceJSON?
            /// `extracted` or `edited` (``Relation/Source``); `source` is the paragraph.
            var origin: String
            var evidence: String?

            func encode(to encoder: Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(relation, forKey: .relation)
                try container.encode(predicate, forKey: .predicate)
                try container.encode(direction, forKey: .direction)
                try container.encode(id, forKey: .id)
                try container.encode(kind, forKey: .kind)
                try container.encode(name, forKey: .name)
                try container.encode(source, forKey: .source)
                try container.encode(origin, forKey: .origin)
                try container.encode(evidence, forKey: .evidence)
            }

            enum CodingKeys: String, CodingKey { case relation, predicate, direction, id, kind, name, source, origin, evidence }
        }

        struct NoteJSON: Encodable {
            var id: String
            var kind: String
            var body: String
            var author: String
            var created_at: String
        }

        var id: String
        var kind: String
        var name: String
        var summary: String?
        var date: String?
        var place: String?
        var aliases: [String]
        var attributes: [String: String]
        var merged: [String]
        var relations: [RelationJSON]
        var notes: [NoteJSON]
        var mentions: Int
        var first_seen: PlaceJSON?

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(kind, forKey: .kind)
            try container.encode(name, forKey: .name)
            try container.encode(summary, forKey: .summary)
            try container.encode(date, forKey: .date)
            try container.encode(place, forKey: .place)
            try container.encode(aliases, forKey: .aliases)
            try container.encode(attributes, forKey: .attributes)
            try container.encode(merged, forKey: .merged)
            try container.encode(relations, forKey: .relations)
            try container.encode(notes, forKey: .notes)
            try container.encode(mentions, forKey: .mentions)
            try container.encode(first_seen, forKey: .first_seen)
        }

        enum CodingKeys: String, CodingKey {
            case id, kind, name, summary, date, place, aliases, attributes, merged, relations, notes, mentions, first_seen
        }
    }

    let console: Console
    let json: Bool
    /// Whether each relation's evidence sentence is printed under it.
    var evidence = false

    func render(_ page: EntityPage) throws {
        if json {
            console.line(try JSONLines.line(Self.json(page)))
            return
        }
        let entity = page.entity
        console.line(console.styled(entity.name, .bold) + "  " + console.styled("(\(entity.kind.rawValue))", .kind))
        var facts: [[String]] = [["id", entity.id]]
        if !page.aliases.isEmpty { facts.append(["aliases", page.aliases.joined(separator: "; ")]) }
        if let summary = entity.summary { facts.append(["summary", summary]) }
        if let date = entity.date { facts.append(["date", date]) }
        if let place = entity.place { facts.append(["place", place]) }
        for attribute in page.attributes { facts.append([attribute.name, attribute.value]) }
        let seen = page.firstSeen.map { ", first in \($0.label)" + ($0.symbol.map { " (\($0))" } ?? "") } ?? ""
        facts.append(["mentions", "\(page.mentionCount)\(seen)"])
        if !page.mergedIDs.isEmpty { facts.append(["merged", page.mergedIDs.joined(separator: ", ")]) }
        let keyWidth = facts.map { $0[0].count }.max() ?? 0
        for fact in facts {
            let wrapped = TextWrapper(width: console.width - keyWidth - 4).lines(fact[1])
            for (index, line) in wrapped.enumerated() {
                let key = index == 0 ? fact[0] : ""
                console.line("  " + TextWrapper.padded(key, to: keyWidth) + "  " + line)
            }
        }
        renderRelations(page.links)
        renderAnnotations(page.annotations)
    }

    private func renderRelations(_ links: [EntityPage.Link]) {
        guard !links.isEmpty else { return }
        console.line()
        console.line(console.styled("relations", .bold))
        // The same statement found in several paragraphs shows once, with how many more there are.
        var grouped: [(link: EntityPage.Link, more: Int)] = []
        for link in links {
            if let last = grouped.last, last.link.predicate == link.predicate, last.link.direction == link.direction,
                last.link.other.id == link.other.id
            {
                grouped[grouped.count - 1].more += 1
            } else {
                grouped.append((link, 0))
            }
        }
        var rows: [[String]] = []
        var previous: (String, EntityPage.Link.Direction)?
        for (link, more) in grouped {
            let label = link.direction == .out ? "\(link.predicate) →" : "← \(link.predicate)"
            let isFirst = previous.map { $0 != (link.predicate, link.direction) } ?? true
            previous = (link.predicate, link.direction)
            let confirmed = link.source == Relation.Source.edited.rawValue ? " " + RelationsRenderer.confirmedMark : ""
            let place = (link.place.map { $0.label + confirmed } ?? "by hand") + (more > 0 ? " +\(more)" : "")
            rows.append([isFirst ? label : "", link.other.name, place])
        }
        for (line, (link, _)) in zip(Self.fitted(rows, width: console.width - 2), grouped) {
            console.line("  " + line)
            if evidence, let sentence = link.evidence {
                for wrapped in TextWrapper(width: console.width, indent: "      ").lines("“\(sentence)”") {
                    console.line(console.styled(wrapped, .dim))
                }
            }
        }
    }

    private func renderAnnotations(_ annotations: [Annotation]) {
        let notes = annotations.filter { $0.annotationKind == .note }
        let tags = annotations.filter { $0.annotationKind == .tag }
        if !notes.isEmpty {
            console.line()
            console.line(console.styled("notes", .bold))
            for note in notes {
                console.line("  " + console.styled("\(String(note.createdAt.prefix(10)))  \(note.author)", .dim))
                for line in TextWrapper(width: console.width, indent: "    ").lines(note.body) { console.line(line) }
            }
        }
        if !tags.isEmpty {
            console.line()
            let shown = tags.map { "#\($0.body) (\($0.author), \($0.createdAt.prefix(10)))" }
            let wrapped = TextWrapper(width: console.width, indent: "  ").lines(shown.joined(separator: "  "))
            console.line(console.styled("tags", .bold))
            for line in wrapped { console.line(line) }
        }
    }

    /// Rows of three columns where the middle one (a name) is cut so each line fits `width`.
    static func fitted(_ rows: [[String]], width: Int) -> [String] {
        let first = rows.map { $0[0].count }.max() ?? 0
        let last = rows.map { $0[2].count }.max() ?? 0
        let room = max(12, width - first - last - 4)
        let middle = min(room, rows.map { $0[1].count }.max() ?? 0)
        return rows.map { row in
            let name = TextWrapper.truncated(row[1], to: room)
            return TextWrapper.padded(row[0], to: first) + "  "
                + TextWrapper.padded(name, to: middle) + "  " + row[2]
        }
    }

    static func json(_ page: EntityPage) -> PageJSON {
        PageJSON(
            id: page.entity.id, kind: page.entity.kind.rawValue, name: page.entity.name, summary: page.entity.summary,
            date: page.entity.date, place: page.entity.place, aliases: page.aliases,
            attributes: Dictionary(page.attributes.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first }),
            merged: page.mergedIDs,
            relations: page.links.map {
                .init(
                    relation: $0.relationID, predicate: $0.predicate, direction: $0.direction.rawValue, id: $0.other.id,
                    kind: $0.other.kind.rawValue, name: $0.other.name, source: $0.place.map(PlaceJSON.init),
                    origin: $0.source, evidence: $0.evidence)
            },
            notes: page.annotations.map {
                .init(id: $0.id, kind: $0.annotationKind.rawValue, body: $0.body, author: $0.author, created_at: $0.createdAt)
            },
            mentions: page.mentionCount, first_seen: page.firstSeen.map(PlaceJSON.init))
    }
}
