import Foundation

/// Prints what `export FILE`, `import` and `sync` did, one line per file.
struct SyncTransportRenderer {
    let console: Console

    func renderExport(_ outcome: ChangesetExporter.Outcome, file: String) {
        let header = outcome.header
        if header.recordCount == 0 {
            console.line("wrote \(file): no changes the recipient lacks (the file still tells it what this replica has)")
            return
        }
        let replicas = Set(header.ranges.map(\.replicaID)).count
        let from = replicas == 1 ? "1 replica" : "\(replicas) replicas"
        console.line("wrote \(file): \(Self.changes(header.recordCount)) from \(from) (\(Self.describe(header.ranges)))")
    }

    func renderImport(_ outcome: ChangesetImporter.Outcome) {
        console.line("\(outcome.file): " + Self.summary(outcome))
    }

    func renderRefusal(_ message: String, errors: Console) {
        errors.line(errors.styled("error:", .error) + " " + message)
    }

    func renderSync(_ report: SyncFolder.Report, errors: Console) {
        for outcome in report.imported {
            console.line("imported \(Self.shortName(outcome.file, in: report.folder)): " + Self.summary(outcome))
        }
        if report.skipped > 0 {
            console.line("skipped \(report.skipped) file\(report.skipped == 1 ? "" : "s") imported before")
        }
        if let written = report.written {
            console.line("wrote \(written.name): \(Self.changes(written.changes))")
        } else {
            console.line("nothing new to write: the folder already holds every change known here")
        }
        for warning in report.warnings { errors.line(errors.styled("warning:", .bold) + " " + warning) }
        for refusal in report.refusals { renderRefusal(refusal, errors: errors) }
        for (replica, count) in report.stillRefused.sorted(by: { $0.key < $1.key }) {
            errors.line("still refused (reported before): \(count) file\(count == 1 ? "" : "s") of replica \(replica.prefix(8)); "
                + "`concord trust ignore \(replica.prefix(8))` stops reading them")
        }
        if report.ignoredFiles > 0 {
            console.line("left \(report.ignoredFiles) file\(report.ignoredFiles == 1 ? "" : "s") of ignored replicas unread (see trust list)")
        }
        let waiting = report.waiting > 0 ? ", \(report.waiting) waiting (see status)" : ""
        let refused = report.refusals.count + report.stillRefused.values.reduce(0, +)
        console.line("sync \(report.folder): \(report.applied) new change\(report.applied == 1 ? "" : "s") applied\(waiting)"
            + (refused == 0 ? "" : "; \(refused) refused"))
    }

    /// "N new changes applied, M already present, K waiting for earlier changes (see status)".
    static func summary(_ outcome: ChangesetImporter.Outcome) -> String {
        var text = "\(outcome.applied) new change\(outcome.applied == 1 ? "" : "s") applied, \(outcome.alreadyPresent) already present"
        text += outcome.waiting > 0 ? ", \(outcome.waiting) waiting for earlier changes (see status)" : ", 0 waiting"
        return text
    }

    static func changes(_ count: Int) -> String { count == 1 ? "1 change" : "\(count) changes" }

    /// "3fa4c1d2 1–12, 9b0e7701 3–4": ranges with short replica ids.
    static func describe(_ ranges: [ChangesetFileHeader.ReplicaRange]) -> String {
        let shown = ranges.prefix(4).map { range in
            "\(range.replicaID.prefix(8)) " + (range.first == range.last ? "\(range.first)" : "\(range.first)–\(range.last)")
        }
        return shown.joined(separator: ", ") + (ranges.count > 4 ? ", …" : "")
    }

    private static func shortName(_ path: String, in folder: String) -> String {
        path.hasPrefix(folder + "/") ? String(path.dropFirst(folder.count + 1)) : path
    }
}
