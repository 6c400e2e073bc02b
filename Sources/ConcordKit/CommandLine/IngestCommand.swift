import ArgumentParser

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
        let knowledgeBase = try context.knowledgeBase(store)
        let ingestor = Ingestor()
        for (index, file) in files.enumerated() {
            let outcome = try ingestor.ingest(file: file, into: knowledgeBase)
            let progress = files.count > 1 ? "[\(index + 1)/\(files.count)] " : ""
            if outcome.added {
                context.output.line("\(progress)\(outcome.sourceName): added \(outcome.paragraphCount) paragraphs, \(outcome.entityCount) entities (\(outcome.documentID))")
            } else {
                context.output.line("\(progress)\(outcome.sourceName): already in the knowledge base (\(outcome.documentID)); nothing changed")
            }
        }
    }
}
