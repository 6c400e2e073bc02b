import ArgumentParser

/// `relations [--predicate P]`: every relation with the paragraph that states it.
struct RelationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relations",
        abstract: "List relations (represents, spoke_at, adopted, …) with the paragraph each comes from.",
        discussion: """
            Each relation shows where it comes from: a paragraph (001:¶3) for one extracted from the text, \
            followed by ✓ once a person confirmed it (link), or "by hand". unlink rejects a wrong one.
            """)

    @Option(name: .long, help: ArgumentHelp("Only relations with this predicate (e.g. represents, spoke_at).", valueName: "predicate"))
    var predicate: String?

    @Flag(name: .long, help: "One JSON object per line: subject, predicate, object (ids), document, paragraph, number, source, evidence.")
    var json = false

    @Flag(name: .long, help: "Print under each relation the sentence that states it.")
    var evidence = false

    @OptionGroup var store: StoreOptions

    func run() throws {
        let context = CommandContext.current
        let knowledgeBase = try context.knowledgeBase(store)
        var selected: RelationPredicate?
        if let predicate {
            guard let parsed = RelationPredicate(rawValue: predicate.lowercased()) else { throw GraphError.unknownPredicate(predicate) }
            selected = parsed
        }
        let items = try knowledgeBase.read { db in try RelationListing().relations(predicate: selected, in: db) }
        try RelationsRenderer(console: context.output, json: json, evidence: evidence).render(items)
    }
}
