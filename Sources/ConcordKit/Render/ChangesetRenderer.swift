/// Prints `changeset show`: per record a heading (who, when, what) and one line per
/// field change, values elided to fit the width; or one JSON object per record.
struct ChangesetRenderer {
    let console: Console
    let json: Bool

    func renderHeader(_ header: ChangesetFileHeader, file: String) {
        guard !json else { return }
        let name = file.count <= console.width ? file : "…" + file.suffix(console.width - 1)
        console.line(console.styled(name, .bold))
        console.line("  \(SyncTransportRenderer.changes(header.recordCount)) written by \(header.originReplicaID.prefix(8)) at \(Timestamp.string(from: header.writtenAt))")
        if !header.ranges.isEmpty { console.line(elide("  holds " + SyncTransportRenderer.describe(header.ranges), to: console.width)) }
        for line in header.signatureDescriptions { console.line(elide("  " + line, to: console.width)) }
    }

    func render(_ record: ChangesetDescriber.RecordDescription) {
        if json {
            console.line((try? JSONLines.line(record)) ?? "{}")
            return
        }
        console.line("")
        let who = "\(record.replica.prefix(8))#\(record.sequence)"
        console.line(console.styled(who, .bold) + "  \(record.author)  \(record.time)  " + elide(record.summary, to: max(10, console.width - who.count - record.author.count - record.time.count - 6)))
        for row in record.changes {
            let subject = row.entity.map { id in row.entityName.map { "\($0) (\(id))" } ?? id } ?? row.key
            let sign = ["insert": "+", "delete": "-", "update": "~"][row.operation] ?? "?"
            console.line("  \(sign) \(row.table)  " + elide(subject, to: console.width - row.table.count - 6))
            for field in row.fields {
                console.line("      " + describe(field, room: console.width - 6))
            }
        }
    }

    private func describe(_ field: ChangesetDescriber.FieldDescription, room: Int) -> String {
        let prefix = field.field + ": "
        let space = max(12, room - prefix.count)
        switch (field.old, field.new) {
        case let (old?, new?):
            let half = max(6, (space - 3) / 2)
            return prefix + elide(quoted(old), to: half) + " → " + elide(quoted(new), to: half)
        case let (nil, new?): return prefix + elide(quoted(new), to: space)
        case let (old?, nil): return prefix + elide(quoted(old), to: space - 4) + " → ∅"
        case (nil, nil): return prefix
        }
    }

    private func quoted(_ value: String) -> String {
        value == "NULL" || Int(value) != nil ? value : "\"" + value.replacingOccurrences(of: "\n", with: " ") + "\""
    }

    private func elide(_ text: String, to width: Int) -> String {
        text.count <= width ? text : String(text.prefix(max(1, width - 1))) + "…"
    }
}
