import ArgumentParser

/// The root of Concord's command tree.
///
/// The same tree parses the command line (`concord search …`) and every line typed
/// at the REPL (`search …`), so help, validation and completion exist once.
public struct ConcordCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "concord",
        abstract: "A local knowledge graph of UN treaty-body documents: explore, annotate, sync.",
        subcommands: [
            ReplCommand.self,
            RunCommand.self,
            SearchCommand.self,
            IngestCommand.self,
        ],
        defaultSubcommand: ReplCommand.self
    )

    public init() {}
}
