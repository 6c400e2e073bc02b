import ArgumentParser

/// The options every command accepts to choose its knowledge base and author.
///
/// Inside the REPL the knowledge base is already open; these options are then
/// only accepted on the command line that started it.
public struct StoreOptions: ParsableArguments, Sendable {
    @Option(name: .long, help: ArgumentHelp("The knowledge base file (default: $CONCORD_DB, else $XDG_DATA_HOME/concord/concord.db).", valueName: "path"))
    public var db: String?

    @Option(name: .long, help: ArgumentHelp("Who is making changes (default: $CONCORD_AUTHOR, else your login name).", valueName: "name"))
    public var author: String?

    @Option(name: .long, help: ArgumentHelp("Build a new knowledge base from the .txt files in this folder instead of the built-in seeds.", valueName: "dir"))
    public var seeds: String?

    public init() {}

    /// The values given, as a plain value (a parsed `StoreOptions` can only be read after parsing).
    public var selection: StoreSelection { StoreSelection(db: db, author: author, seeds: seeds) }
}

/// Which knowledge base to open and who is writing: `--db`, `--author`, `--seeds`.
public struct StoreSelection: Sendable, Equatable {
    public var db: String?
    public var author: String?
    public var seeds: String?

    public init(db: String? = nil, author: String? = nil, seeds: String? = nil) {
        self.db = db
        self.author = author
        self.seeds = seeds
    }

    /// `true` when any option was given explicitly.
    public var isSpecified: Bool { db != nil || author != nil || seeds != nil }
}
