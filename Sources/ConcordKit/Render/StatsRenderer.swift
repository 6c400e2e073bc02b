/// Prints what a knowledge base holds (`stats`): counts, then the documents with
/// the short labels that can be typed for them. With `--json`, one object.
struct StatsRenderer {
    /// The frozen JSON shape of `stats --json`.
    struct StatsJSON: Encodable {
        struct DocumentJSON: Encodable {
            var label: String
            var id: String
            var source: String
            var symbol: String?
            var kind: String
            var dated: String?
            var paragraphs: Int
            var title: String?
            var format: String?
            var source_sha256: String?
            var metadata: DocumentMetadata

            func encode(to encoder: Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(label, forKey: .label)
                try container.encode(id, forKey: .id)
                try container.encode(source, forKey: .source)
                try container.encode(symbol, forKey: .symbol)
                try container.encode(kind, forKey: .kind)
                try container.encode(dated, forKey: .dated)
                try container.encode(paragraphs, forKey: .paragraphs)
                try container.encode(title, forKey: .title)
                try container.encode(format, forKey: .format)
                try container.encode(source_sha256, forKey: .source_sha256)
                try container.encode(metadata.body, forKey: .body)
                try container.encode(metadata.session, forKey: .session)
                try container.encode(metadata.meetingNumber, forKey: .meeting_number)
                try container.encode(metadata.issueDate, forKey: .issue_date)
                try container.encode(metadata.meetingDate, forKey: .meeting_date)
                try container.encode(metadata.language, forKey: .language)
            }

            enum CodingKeys: String, CodingKey {
                case label, id, source, symbol, kind, dated, paragraphs, title, format, source_sha256, body, session
                case meeting_number, issue_date, meeting_date, language
            }
        }

        var documents: Int
        var paragraphs: Int
        var entities: [String: Int]
        var relations: [String: Int]
        var mentions: Int
        var notes: Int
        var tags: Int
        var document_list: [DocumentJSON]
    }

    let console: Console
    let json: Bool

    func render(_ statistics: GraphStatistics) throws {
        if json {
            console.line(try JSONLines.line(StatsJSON(
                documents: statistics.documentCount, paragraphs: statistics.paragraphCount,
                entities: Dictionary(uniqueKeysWithValues: statistics.entitiesByKind.map { ($0.kind, $0.count) }),
                relations: Dictionary(uniqueKeysWithValues: statistics.relationsByPredicate.map { ($0.predicate, $0.count) }),
                mentions: statistics.mentionCount, notes: statistics.noteCount, tags: statistics.tagCount,
                document_list: statistics.documents.map {
                    .init(
                        label: $0.label, id: $0.id, source: $0.sourceName, symbol: $0.symbol, kind: $0.kind, dated: $0.dated,
                        paragraphs: $0.paragraphCount, title: $0.title, format: $0.format, source_sha256: $0.sourceSHA256,
                        metadata: $0.metadata)
                })))
            return
        }
        let entityTotal = statistics.entitiesByKind.reduce(0) { $0 + $1.count }
        let relationTotal = statistics.relationsByPredicate.reduce(0) { $0 + $1.count }
        var rows: [[String]] = [
            ["documents", "\(statistics.documentCount)", ""],
            ["paragraphs", "\(statistics.paragraphCount)", ""],
            ["entities", "\(entityTotal)", statistics.entitiesByKind.map { "\($0.kind) \($0.count)" }.joined(separator: ", ")],
            ["relations", "\(relationTotal)", statistics.relationsByPredicate.map { "\($0.predicate) \($0.count)" }.joined(separator: ", ")],
            ["mentions", "\(statistics.mentionCount)", ""],
            ["annotations", "\(statistics.noteCount + statistics.tagCount)", "notes \(statistics.noteCount), tags \(statistics.tagCount)"],
        ]
        rows = rows.map { [$0[0], String(repeating: " ", count: max(0, 6 - $0[1].count)) + $0[1], $0[2]] }
        let wrapped = rows.flatMap { row -> [String] in
            let lead = TextWrapper.padded(row[0], to: 11) + "  " + row[1] + "  "
            let parts = TextWrapper(width: console.width - lead.count).lines(row[2])
            guard let first = parts.first else { return [lead.trimmingTrailingSpaces] }
            return [lead + first] + parts.dropFirst().map { String(repeating: " ", count: lead.count) + $0 }
        }
        for line in wrapped { console.line(line) }
        console.line()
        console.line(console.styled("documents", .bold))
        let documentRows = statistics.documents.map { document -> [String] in
            let what = [document.symbol, document.dated, document.kind.replacingOccurrences(of: "_", with: " ")]
                .compactMap { $0 }.joined(separator: " · ")
            return [document.label, "\(document.paragraphCount) ¶", what]
        }
        for line in TextTable(rows: documentRows).lines(width: console.width - 2) { console.line("  " + line) }
    }
}

private extension String {
    var trimmingTrailingSpaces: String {
        var result = self
        while result.hasSuffix(" ") { result.removeLast() }
        return result
    }
}
