import ArgumentParser

/// `export`: the whole graph for other tools.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the whole graph (entities with aliases, relations with their paragraphs) as JSON lines, CSV, GraphML or DOT.",
        discussion: "Merged entities appear as the entity they were merged into; deleted ones are left out. Example: export --format graphml -o concord.graphml")

    @Option(name: .long, help: "json (lines), csv, graphml or dot.")
    var format: GraphFormatName = .json

    @Option(name: [.customShort("o"), .long], help: "Write to this file instead of printing.")
    var output: String?

    @OptionGroup var store: StoreOptions

    func run() throws {
        let context = CommandContext.current
        let knowledgeBase = try context.knowledgeBase(store)
        let snapshot = try knowledgeBase.read { db in try GraphSnapshotQuery().whole(in: db) }
        try GraphWriter(console: context.output).write(snapshot, as: .text(format), to: output)
    }
}

extension GraphFormatName: ExpressibleByArgument {}
