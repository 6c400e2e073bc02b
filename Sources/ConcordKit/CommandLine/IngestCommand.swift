import ArgumentParser
import Foundation

/// `ingest FILE…`: add documents (and the graph extracted from them) to the knowledge base.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Add documents (UTF-8 text files) to the knowledge base; files already there are skipped.")

    @Argument(help: "Text files to add.", completion: .file())
    var files: [String]

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one file to ingest") }
    }

    func run() throws {
        let context = CommandContext.current
        // Read every file before opening (or creating) the knowledge base and storing
        // anything, so a bad file among several changes nothing.
        let texts = try files.map { file in (file, try Ingestor.text(ofFile: file)) }
        let knowledgeBase = try context.knowledgeBase(store)
        // Read and extracted on worker threads, stored in order by this one (see IngestPipeline).
        let named = texts.map { (file, text) in (sourceName: (file as NSString).lastPathComponent, text: text) }
        var index = 0
        try Ingestor().ingest(texts: named, into: knowledgeBase) { outcome in
            index += 1
            let progress = files.count > 1 ? "[\(index)/\(files.count)] " : ""
            if outcome.added {
                context.output.line("\(progress)\(outcome.sourceName): added \(outcome.paragraphCount) paragraphs, \(outcome.entityCount) entities (\(outcome.documentID))")
            } else {
                context.output.line("\(progress)\(outcome.sourceName): already in the knowledge base (\(outcome.documentID)); nothing changed")
            }
        }
    }
}
