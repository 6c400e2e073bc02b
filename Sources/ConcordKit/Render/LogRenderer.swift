import Foundation

/// Prints the change log: an aligned table on a terminal, or JSON lines.
struct LogRenderer {
    /// The frozen JSON shape of one change (`log --json`).
    struct ChangeJSON: Encodable {
        var replica: String
        var sequence: Int64
        var author: String
        var summary: String
        /// ISO 8601 UTC, from the change's hybrid logical clock.
        var time: String
        var timestamp: UInt64
        var local: Bool
        var undone: Bool
        var appliedAt: String

        enum CodingKeys: String, CodingKey {
            case replica, sequence, author, summary, time, timestamp, local, undone
            case appliedAt = "applied_at"
        }
    }

    let console: Console
    let json: Bool

    func render(_ entries: [ChangeLog.Entry]) {
        if json {
            for entry in entries {
                let record = entry.record
                let line = try? JSONLines.line(ChangeJSON(
                    replica: record.replicaID, sequence: record.sequence, author: record.author, summary: record.summary,
                    time: Timestamp.string(from: HybridLogicalClock.date(of: record.timestamp)),
                    timestamp: record.timestamp, local: entry.isLocal, undone: entry.isUndone, appliedAt: entry.appliedAt))
                console.line(line ?? "{}")
            }
            return
        }
        if entries.isEmpty {
            console.line("no changes yet since the knowledge base was built")
            return
        }
        let rows = entries.map { entry -> [String] in
            let record = entry.record
            let origin = entry.isLocal ? "#\(record.sequence)" : "\(record.replicaID.prefix(6))#\(record.sequence)"
            let summary = record.summary.replacingOccurrences(of: "\n", with: " ") + (entry.isUndone ? " (undone)" : "")
            return [SyncTimeFormat.short(record.timestamp), record.author, origin, summary]
        }
        if console.isPipe {
            return TabSeparatedLines.write(header: ["when (UTC)", "who", "change", "what"], rows: rows, to: console)
        }
        for line in TextTable(header: ["when (UTC)", "who", "change", "what"], rows: rows).lines(width: console.width) {
            console.line(line)
        }
    }
}

/// How sync output shows hybrid-logical-clock times to people.
enum SyncTimeFormat {
    /// `2026-11-22 16:05` (UTC).
    static func short(_ timestamp: UInt64) -> String {
        let iso = Timestamp.string(from: HybridLogicalClock.date(of: timestamp))
        return String(iso.prefix(16)).replacingOccurrences(of: "T", with: " ")
    }
}
