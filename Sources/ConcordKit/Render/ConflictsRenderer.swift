import Foundation

/// Prints open conflicts: each field with every competing value, who wrote it and when.
struct ConflictsRenderer {
    /// The frozen JSON shape of one conflict (`conflicts --json`).
    struct ConflictJSON: Encodable {
        var id: String
        var table: String
        var row: String
        var field: String
        var subject: String
        var subjectName: String?
        var versions: [VersionJSON]

        enum CodingKeys: String, CodingKey {
            case id, table, row, field, subject, versions
            case subjectName = "subject_name"
        }
    }

    /// One competing value; `shown` is the one the knowledge base shows now.
    struct VersionJSON: Encodable {
        var value: String?
        var author: String
        var replica: String
        var sequence: Int64
        var time: String
        var shown: Bool
        var mine: Bool
    }

    let console: Console
    let json: Bool
    let localReplicaID: String

    func render(_ conflicts: [Conflict]) {
        if json {
            for conflict in conflicts {
                let versions = conflict.versions.enumerated().map { index, version in
                    VersionJSON(
                        value: version.value.isNull ? nil : version.text, author: version.author, replica: version.replicaID,
                        sequence: version.sequence, time: Timestamp.string(from: version.date), shown: index == 0,
                        mine: version.replicaID == localReplicaID)
                }
                let line = try? JSONLines.line(ConflictJSON(
                    id: conflict.id, table: conflict.table, row: conflict.rowKey.replacingOccurrences(of: "\u{1F}", with: " "),
                    field: conflict.column, subject: conflict.subject, subjectName: conflict.subjectName, versions: versions))
                console.line(line ?? "{}")
            }
            return
        }
        if conflicts.isEmpty {
            console.line("no open conflicts")
            return
        }
        for conflict in conflicts {
            let subject = conflict.subjectName.map { "\($0) (\(conflict.subject))" } ?? conflict.subject
            console.line(console.styled(conflict.id, .bold) + "  " + conflict.fieldDescription + " of " + subject)
            let rows = conflict.versions.enumerated().map { index, version -> [String] in
                let label = index == 0 ? "shown" : "also"
                let who = version.author + (version.replicaID == localReplicaID ? " (you)" : "")
                return ["  " + label, SyncTimeFormat.short(version.timestamp), who, Self.quoted(version)]
            }
            for line in TextTable(rows: rows).lines(width: console.width) { console.line(line) }
        }
        console.line("decide with: resolve ID --keep mine|theirs|\"VALUE\"")
    }

    static func quoted(_ version: Conflict.Version) -> String {
        version.value.isNull ? "(empty)" : "\"" + version.text.replacingOccurrences(of: "\n", with: " ") + "\""
    }
}
