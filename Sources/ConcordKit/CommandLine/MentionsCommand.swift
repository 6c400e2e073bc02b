import ArgumentParser

/// `mentions ENTITY`: the paragraphs that name an entity, highlighted.
struct MentionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mentions",
        abstract: "List the paragraphs that mention an entity, with the words highlighted.",
        discussion: "Paragraphs come in document order, labelled DOCUMENT:¶NUMBER (or :#ORDINAL); type the label to doc to read around it.")

    @Argument(help: "An entity id, name or alias.")
    var entity: [String]

    @Option(name: .long, help: "At most this many paragraphs.")
    var limit: Int = 20

    @Flag(name: .long, help: "One JSON object per line.")
    var json = false

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if entity.isEmpty { throw ValidationError("give an entity, e.g. mentions OHCHR") }
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let context = CommandContext.current
        let knowledgeBase = try context.knowledgeBase(store)
        let reference = entity.joined(separator: " ")
        let (resolved, paragraphs) = try knowledgeBase.read { db in
            let resolved = try EntityResolver().resolve(reference, in: db)
            return (resolved, try MentionQuery().mentions(of: resolved, limit: limit, in: db))
        }
        try MentionsRenderer(console: context.output, json: json).render(paragraphs, entity: resolved)
    }
}
