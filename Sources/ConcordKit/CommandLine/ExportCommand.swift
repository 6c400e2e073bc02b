import ArgumentParser

/// `export`: the whole graph for other tools.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the whole graph (entities with aliases, relations with their paragraphs) as JSON lines, CSV, GraphML or DOT; or, given FILE, write a changeset file for other replicas.",
        discussion: """
            Merged entities appear as the entity they were merged into; deleted ones are left out. Example: export --format graphml -o concord.graphml
            With FILE: export changes.concord [--since VERSIONS | --for REPLICA] writes every change the recipient may lack (by default all changes known here, from every replica, so files can be relayed); import it with concord import. See sync/FORMAT.md.
            """)

    @Option(name: .long, help: "json (lines), csv, graphml or dot.")
    var format: GraphFormatName = .json

    @Option(name: [.customShort("o"), .long], help: "Write to this file instead of printing.")
    var output: String?

    @Argument(help: "Write a changeset file here (sync), instead of exporting the graph.", completion: .file())
    var file: String?

    @Option(name: .long, help: ArgumentHelp("With FILE: only changes not covered by this version vector (replica:seq,…; concord status prints yours).", valueName: "versions"))
    var since: String?

    @Option(name: .customLong("for"), help: ArgumentHelp("With FILE: only changes this replica lacked when it last wrote a file imported here.", valueName: "replica"))
    var recipient: String?

    @OptionGroup var store: StoreOptions

    func validate() throws { try validateChangesetOptions() }

    func run() throws {
        let context = CommandContext.current
        if let file { return try exportChanges(to: file, context: context) }
        let knowledgeBase = try context.knowledgeBase(store)
        let snapshot = try knowledgeBase.read { db in try GraphSnapshotQuery().whole(in: db) }
        try GraphWriter(console: context.output).write(snapshot, as: .text(format), to: output)
    }
}

extension GraphFormatName: ExpressibleByArgument {}
