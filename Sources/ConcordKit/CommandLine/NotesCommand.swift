import ArgumentParser

/// `notes [TARGET] [--tag TAG] [--author A]`: lists notes and tags, newest first.
///
/// Here `--author` filters by author, so instead of ``StoreOptions`` (whose `--author`
/// names who is writing) the command takes `--db` and `--seeds` itself.
struct NotesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notes",
        abstract: "List notes and tags, newest first: all, on one target, with a tag, or by an author.")

    @Argument(help: "Only those on this entity, relation id or paragraph address.")
    var target: String?

    @Option(name: .long, help: "Only this tag.")
    var tag: String?

    @Option(name: .long, help: "Only by this author.")
    var author: String?

    @Flag(name: .long, help: "One JSON object per line.")
    var json = false

    @Option(name: .long, help: ArgumentHelp("The knowledge base file (default: $CONCORD_DB, else $XDG_DATA_HOME/concord/concord.db).", valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("Build a new knowledge base from the .txt files in this folder instead of the built-in seeds.", valueName: "dir"))
    var seeds: String?

    func run() throws {
        let context = CommandContext.current
        let knowledgeBase = try context.knowledgeBase(StoreSelection(db: db, seeds: seeds))
        let filter = NotesFilter(target: target, tag: tag, author: author)
        let listings = try AnnotationStore(knowledgeBase: knowledgeBase).notes(matching: filter)
        NotesRenderer(console: context.output, json: json).render(listings, filter: filter)
    }
}
