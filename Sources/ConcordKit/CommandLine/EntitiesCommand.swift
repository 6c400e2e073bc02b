import ArgumentParser

/// `entities [--kind K]`: every entity of the knowledge graph with its aliases and mentions.
struct EntitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entities",
        abstract: "List entities (bodies, people, instruments, events, States) with their mention counts.")

    @Option(name: .long, help: ArgumentHelp("Only entities of this kind: body, person, instrument, event, state.", valueName: "kind"))
    var kind: String?

    @Flag(name: .long, help: "One JSON object per line: id, kind, name, aliases, mentions.")
    var json = false

    @OptionGroup var store: StoreOptions

    func run() throws {
        let context = CommandContext.current
        let knowledgeBase = try context.knowledgeBase(store)
        var selected: EntityKind?
        if let kind {
            guard let parsed = EntityKind(rawValue: kind.lowercased()) else { throw GraphError.unknownKind(kind) }
            selected = parsed
        }
        let items = try knowledgeBase.read { db in try EntityListing().entities(kind: selected, in: db) }
        try EntitiesRenderer(console: context.output, json: json).render(items)
    }
}
