/// Prints `relations`: aligned lines "subject  predicate  object  where  source" (with the
/// evidence sentence under each when asked), or JSON lines.
struct RelationsRenderer {
    /// The frozen JSON shape of one relation (`relations --json`): subject and object are
    /// entity ids; `document` (source file name), `paragraph` (ordinal) and `number`
    /// (official number) are null for a relation added by hand; `source` is `extracted`
    /// or `edited`; `evidence` is the sentence stating it (null for one added by hand).
    struct RelationJSON: Encodable {
        var subject: String
        var predicate: String
        var object: String
        var document: String?
        var paragraph: Int?
        var number: Int?
        var source: String
        var evidence: String?

        enum CodingKeys: String, CodingKey { case subject, predicate, object, document, paragraph, number, source, evidence }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(subject, forKey: .subject)
            try container.encode(predicate, forKey: .predicate)
            try container.encode(object, forKey: .object)
            try container.encode(document, forKey: .document)
            try container.encode(paragraph, forKey: .paragraph)
            try container.encode(number, forKey: .number)
            try container.encode(source, forKey: .source)
            try container.encode(evidence, forKey: .evidence)
        }
    }

    let console: Console
    let json: Bool
    /// Whether each relation's evidence sentence is printed under it.
    var evidence = false

    func render(_ items: [RelationListing.Item]) throws {
        if json {
            for item in items {
                console.line(try JSONLines.line(RelationJSON(
                    subject: item.subjectID, predicate: item.predicate, object: item.objectID,
                    document: item.sourceName, paragraph: item.ordinal, number: item.number,
                    source: item.source, evidence: item.evidence)))
            }
            return
        }
        if items.isEmpty {
            console.line("no relations")
            return
        }
        if console.isPipe {
            let rows = items.map { [$0.subjectName, $0.predicate, $0.objectName, place($0)] }
            return TabSeparatedLines.write(header: ["subject", "predicate", "object", "where"], rows: rows, to: console)
        }
        let places = items.map(place)
        let placeWidth = places.map(\.count).max() ?? 0
        let predicateWidth = items.map(\.predicate.count).max() ?? 0
        let room = max(16, (console.width - placeWidth - predicateWidth - 6) / 2)
        let subjectWidth = min(room, items.map(\.subjectName.count).max() ?? 0)
        let objectWidth = min(room, items.map(\.objectName.count).max() ?? 0)
        func pad(_ text: String, _ width: Int) -> String {
            text.count > width ? String(text.prefix(width - 1)) + "…" : TextWrapper.padded(text, to: width)
        }
        for (item, place) in zip(items, places) {
            console.line(
                pad(item.subjectName, subjectWidth) + "  " + console.styled(pad(item.predicate, predicateWidth), .bold) + "  "
                    + pad(item.objectName, objectWidth) + "  " + console.styled(place, .dim))
            if evidence, let sentence = item.evidence {
                for line in TextWrapper(width: console.width, indent: "    ").lines("“\(sentence)”") {
                    console.line(console.styled(line, .dim))
                }
            }
        }
    }

    /// Where the relation comes from: "001:¶3" (extracted from paragraph 3), "001:#3 ✓" (extracted
    /// from the third paragraph and confirmed by a person) or "by hand".
    private func place(_ item: RelationListing.Item) -> String {
        guard let source = item.sourceName, let ordinal = item.ordinal else { return "by hand" }
        let mark = item.source == Relation.Source.edited.rawValue ? " " + Self.confirmedMark : ""
        return DocumentLabel.short(source) + ":" + (item.number.map { "¶\($0)" } ?? "#\(ordinal)") + mark
    }

    /// Follows the paragraph of an extracted relation a person confirmed.
    static let confirmedMark = "✓"
}
