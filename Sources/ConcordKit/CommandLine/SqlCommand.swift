import ArgumentParser

/// `sql QUERY`: one read-only SQL query on the knowledge base, for power users.
///
/// It runs on a separate read-only connection (see ``ReadOnlySQL``), so it can never
/// change the knowledge base. At the prompt, everything after the options is the
/// query exactly as typed, quotes included (see ``CommandCatalog/words(in:)``).
struct SqlCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql",
        abstract: "Run one read-only SQL query (SELECT, WITH, schema pragmas), e.g. sql SELECT kind, count(*) FROM entities GROUP BY kind.",
        discussion: """
            The query runs on a read-only connection: INSERT, UPDATE, DELETE, CREATE, DROP, ATTACH, \
            VACUUM and pragmas that set a value are refused. Options go before the query. \
            Output is an aligned table on a terminal, tab-separated values (with a header line) in a pipe, \
            or one JSON object per row and line with --json. Ctrl-C at the prompt interrupts a query \
            that runs too long.
            """)

    @Flag(name: .long, help: "One JSON object per row, one per line, keys in column order.")
    var json = false

    @Option(name: .long, help: ArgumentHelp("Show at most this many rows (0 for all).", valueName: "rows"))
    var limit = 1000

    @Argument(help: ArgumentHelp("The query; quote it on the command line.", valueName: "query"))
    var query: [String] = []

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if limit < 0 { throw ReadOnlySQLError.invalidLimit(limit) }
        if query.isEmpty { throw ReadOnlySQLError.emptyQuery }
    }

    func run() throws {
        let context = CommandContext.current
        let knowledgeBase = try context.knowledgeBase(store)
        guard let path = knowledgeBase.path else { throw ReadOnlySQLError.notAFile }
        let result = try ReadOnlySQL(path: path).run(query.joined(separator: " "), limit: limit)
        try SqlResultRenderer(output: context.output, errors: context.errors, json: json).render(result)
    }
}
