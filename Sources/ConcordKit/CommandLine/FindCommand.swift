import ArgumentParser

/// `find TEXT`: entities by name or alias, forgiving of accents, OCR errors and typos.
struct FindCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "find",
        abstract: "Find entities by name or alias (accents, OCR errors and typos forgiven).",
        discussion: """
            Results are ranked: the whole name, a name starting with the text, a name with a word \
            starting with it, then close matches. Examples: find Landazuri; find "Migrant Workers" --kind body.
            """)

    @Argument(help: "The name or part of it.")
    var words: [String]

    @Option(name: .long, help: "Only entities of this kind: body, person, instrument, event, state.")
    var kind: EntityKind?

    @Option(name: .long, help: "At most this many results.")
    var limit: Int = 20

    @Flag(name: .long, help: "One JSON object per line.")
    var json = false

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if words.isEmpty { throw ValidationError("give a name to find, e.g. find OHCHR") }
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let context = CommandContext.current
        let knowledgeBase = try context.knowledgeBase(store)
        let text = words.joined(separator: " ")
        let matches = try knowledgeBase.read { db in try EntityFinder().find(text, kind: kind, limit: limit, in: db) }
        try EntityListRenderer(console: context.output, json: json).render(matches, query: text)
    }
}

extension EntityKind: ExpressibleByArgument {}
