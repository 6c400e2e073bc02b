import ArgumentParser

/// `stats`: what the knowledge base holds.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count documents, paragraphs, entities, relations, mentions and notes; list the documents.")

    @Flag(name: .long, help: "One JSON object.")
    var json = false

    @OptionGroup var store: StoreOptions

    func run() throws {
        let context = CommandContext.current
        let knowledgeBase = try context.knowledgeBase(store)
        let statistics = try knowledgeBase.read { db in try GraphStatisticsQuery().statistics(in: db) }
        try StatsRenderer(console: context.output, json: json).render(statistics)
    }
}
