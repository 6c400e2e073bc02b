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
            EntitiesCommand.self, RelationsCommand.self,
            FindCommand.self, ShowCommand.self, MentionsCommand.self, LinksCommand.self, PathCommand.self,
            TimelineCommand.self, DocCommand.self, StatsCommand.self, GraphCommand.self, ExportCommand.self,
            AddCommand.self, SetCommand.self, AliasCommand.self, LinkCommand.self, UnlinkCommand.self,
            MergeCommand.self, DeleteCommand.self, NoteCommand.self, TagCommand.self, UntagCommand.self, NotesCommand.self,
            LogCommand.self, UndoCommand.self, ConflictsCommand.self, ResolveCommand.self, HashCommand.self,
            ImportCommand.self, SyncCommand.self, StatusCommand.self, ChangesetCommand.self, KeyCommand.self, TrustCommand.self,
            SqlCommand.self,
        ],
        defaultSubcommand: ReplCommand.self
    )

    public init() {}
}
