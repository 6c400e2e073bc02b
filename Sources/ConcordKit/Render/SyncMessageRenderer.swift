import Foundation

/// Prints the one-line results of `undo`, `resolve` and `hash`.
struct SyncMessageRenderer {
    let console: Console

    func render(_ outcome: ChangeUndoer.Outcome) {
        let undone = outcome.undone
        var line = "undid change #\(undone.sequence): \(undone.summary)"
        if outcome.skipped > 0 {
            line += " (\(outcome.reverted) reverted; \(outcome.skipped) left as they are: changed since, or documents, which are kept)"
        }
        if outcome.reverted == 0 { line += " — nothing was left to revert" }
        console.line(line)
    }

    func render(_ resolution: ConflictList.Resolution) {
        let conflict = resolution.conflict
        let subject = conflict.subjectName ?? conflict.subject
        console.line("resolved \(conflict.id): \(conflict.fieldDescription) of \(subject) is \"\(resolution.keptValue)\"; the decision syncs with your next export")
    }

    /// The frozen JSON shape of `hash --json`.
    struct HashJSON: Encodable {
        var sha256: String
    }

    func renderHash(_ digest: String, json: Bool) {
        if json {
            console.line((try? JSONLines.line(HashJSON(sha256: digest))) ?? "{}")
        } else {
            console.line(digest)
        }
    }
}
