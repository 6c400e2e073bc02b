import ArgumentParser
import Foundation

/// `ingest FILE|FOLDER…`: add documents (and the graph extracted from them) to the knowledge base.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Add documents (\(DocumentFormat.extensionList)) or folders of them; files already there are skipped.",
        discussion: """
            Each file is ingested or refused on its own; refusals are listed at the end with their reasons, \
            and the exit status is 1 if any file was refused. PDF needs poppler's pdftotext (Debian: poppler-utils).
            """)

    @Argument(help: "Files, or folders to ingest every file under.", completion: .file())
    var files: [String]

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one file or folder to ingest") }
    }

    func run() throws {
        let context = CommandContext.current
        let sources = IngestSources.files(files)
        if sources.isEmpty {
            throw CommandError.invalidArgument("\(files.joined(separator: ", ")) holds no files to ingest; give files or folders with \(DocumentFormat.extensionList) documents")
        }
        let knowledgeBase = try context.knowledgeBase(store)
        let progress = IngestProgressRenderer(
            console: context.output, totalFiles: sources.count, totalBytes: sources.reduce(0) { $0 + $1.byteCount })
        // Read and extracted on worker threads, stored in order by this one (see IngestPipeline).
        var index = 0
        try Ingestor().ingest(files: sources.map(\.path), into: knowledgeBase) { outcome in
            progress.record(outcome, bytes: sources[index].byteCount)
            index += 1
        }
        if !progress.finish() { throw ExitCode.failure }
    }
}
