import ArgumentParser

/// `repl` (the default): the interactive prompt, or a script read from standard input.
struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Open the interactive prompt (the default); reads commands line by line when input is not a terminal.")

    @OptionGroup var store: StoreOptions

    func run() throws {
        let session = ReplSession.make(outer: CommandContext.current, selection: store.selection)
        // Open (or create) the knowledge base before the first prompt.
        _ = try session.context.knowledgeBase()
        if !session.run() { throw ExitCode.failure }
    }
}
