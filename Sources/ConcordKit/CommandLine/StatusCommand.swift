import ArgumentParser

/// `status`: this replica's id and version vector, what waits, what peers lack.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show this replica's sync state: its id, its version vector (for export --since), changes waiting for earlier ones, and what peers lack.")

    @Flag(name: .long, help: "One JSON object.")
    var json = false

    @OptionGroup var store: StoreOptions

    func run() throws {
        let context = CommandContext.current
        let knowledgeBase = try context.knowledgeBase(store)
        SyncStatusRenderer(console: context.output, json: json).render(try SyncStatus.read(from: knowledgeBase))
    }
}
