import ArgumentParser

/// The root of Concord's command tree.
///
/// The same tree parses the command line (`concord search …`) and every line typed
/// at the REPL (`search …`), so help, validation and completion exist once.
public struct ConcordCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "concord",
        abstract: "A local knowledge graph of UN treaty-body documents: explore, annotate, sync.",
        usage: """
            concord [--db <path>] [--author <name>]             (the interactive prompt)
            concord [--db <path>] [--author <name>] <subcommand> [<options>]
            concord --version
            """,
        discussion: """
            Every subcommand takes --db <path> (the knowledge base file; default $CONCORD_DB, \
            else $XDG_DATA_HOME/concord/concord.db) and --author <name> (who is making changes; \
            default $CONCORD_AUTHOR, else your login name), before or after the subcommand's name: \
            concord --db kb.db stats and concord stats --db kb.db are the same. A missing knowledge \
            base is created from the built-in seeds (or from --seeds <dir>). --version (-V) prints \
            Concord's version, the SQLite version and the schema version.
            """,
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
