import ArgumentParser

/// `timeline [ENTITY]`: events in date order.
struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "List events in date order: all of them, or those related to an entity.",
        discussion: """
            Undated events come last. Example: timeline "Committee on the Protection of the Rights of All Migrant \
            Workers and Members of Their Families" (Tab completes the name from any of its words).
            """)

    @Argument(help: "An entity id, name or alias (optional).")
    var entity: [String] = []

    @Option(name: .long, help: "At most this many events.")
    var limit: Int = 200

    @Flag(name: .long, help: "One JSON object per line.")
    var json = false

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let context = CommandContext.current
        let knowledgeBase = try context.knowledgeBase(store)
        let reference = entity.joined(separator: " ")
        let (about, entries) = try knowledgeBase.read { db in
            let about = reference.isEmpty ? nil : try EntityResolver().resolve(reference, in: db)
            return (about, try Timeline().events(relatedTo: about, limit: limit, in: db))
        }
        try TimelineRenderer(console: context.output, json: json).render(entries, about: about)
    }
}
