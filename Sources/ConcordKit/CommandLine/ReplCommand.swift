import ArgumentParser

/// `repl` (the default): the interactive prompt, or a script read from standard input.
struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Open the interactive prompt (the default); reads commands line by line when input is not a terminal.")

    @OptionGroup var store: StoreOptions

    func run() throws {
        let outer = CommandContext.current
        let session = CommandContext(
            output: outer.output, errors: outer.errors, environment: outer.environment, selection: store.selection, isSession: true)
        // Open (or create) the knowledge base before the first prompt.
        _ = try session.knowledgeBase()
        let succeeded = ReplSession(context: session).run()
        if !succeeded { throw ExitCode.failure }
    }
}
