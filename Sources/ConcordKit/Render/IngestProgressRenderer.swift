import Foundation

/// What `ingest` prints while it runs: on a terminal, one progress line redrawn in place
/// (count, MB/s, time left) with warnings and refusals above it; in a pipe, one line per
/// document. At the end, the refusals with their reasons.
final class IngestProgressRenderer {
    private let console: Console
    private let totalFiles: Int
    private let totalBytes: Int
    private let started = ContinuousClock.now
    private var doneFiles = 0
    private var doneBytes = 0
    private var refusals: [Ingestor.Outcome] = []
    private var added = 0
    private var skipped = 0

    init(console: Console, totalFiles: Int, totalBytes: Int) {
        self.console = console
        self.totalFiles = totalFiles
        self.totalBytes = totalBytes
    }

    /// Records one document's outcome; `bytes` is its file's size.
    func record(_ outcome: Ingestor.Outcome, bytes: Int) {
        doneFiles += 1
        doneBytes += bytes
        if outcome.refusal != nil { refusals.append(outcome) } else if outcome.added { added += 1 } else { skipped += 1 }
        if console.isTerminal {
            var above = outcome.warnings.map { "warning: \($0)" }
            if let refusal = outcome.refusal { above.append("refused: \(refusal.localizedDescription)") }
            if !above.isEmpty {
                console.clearLine()
                console.write(above.joined(separator: "\n") + "\n")
            }
            console.clearLine()
            console.write(progressLine())
        } else {
            for warning in outcome.warnings { console.line("warning: \(warning)") }
            console.line(line(for: outcome))
        }
    }

    /// Ends the progress line and lists the refusals; `true` when every file was ingested or already there.
    func finish() -> Bool {
        if doneFiles > 0 { console.clearLine() }
        if totalFiles > 1 || console.isTerminal {
            console.line("\(added) added, \(skipped) already there, \(refusals.count) refused, of \(totalFiles) files (\(megabytes(doneBytes)) MB)")
        }
        if !refusals.isEmpty {
            console.line("refused:")
            for outcome in refusals { console.line("  \(outcome.refusal?.localizedDescription ?? outcome.sourceName)") }
        }
        return refusals.isEmpty
    }

    private func line(for outcome: Ingestor.Outcome) -> String {
        let progress = totalFiles > 1 ? "[\(doneFiles)/\(totalFiles)] " : ""
        if let refusal = outcome.refusal { return "\(progress)\(outcome.sourceName): refused: \(refusal.localizedDescription)" }
        if outcome.added {
            return "\(progress)\(outcome.sourceName): added \(outcome.paragraphCount) paragraphs, \(outcome.entityCount) entities (\(outcome.documentID))"
        }
        return "\(progress)\(outcome.sourceName): already in the knowledge base (\(outcome.documentID)); nothing changed"
    }

    /// `[#####.....] 12/40 files  3.1 MB/s  0:42 left`, fitted to the terminal's width.
    private func progressLine() -> String {
        let elapsed = started.duration(to: .now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let rate = seconds > 0 ? Double(doneBytes) / seconds : 0
        let left = rate > 0 ? Double(max(0, totalBytes - doneBytes)) / rate : 0
        let fraction = totalBytes > 0 ? Double(doneBytes) / Double(totalBytes) : Double(doneFiles) / Double(max(1, totalFiles))
        let text = String(format: " %d/%d files  %.1f MB/s  %d:%02d left", doneFiles, totalFiles, rate / 1_000_000, Int(left) / 60, Int(left) % 60)
        let barWidth = max(10, min(40, console.width - text.count - 3))
        let filled = min(barWidth, Int((fraction * Double(barWidth)).rounded()))
        return "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: barWidth - filled) + "]" + text
    }

    private func megabytes(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1_000_000) }
}
