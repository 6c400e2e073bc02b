import ArgumentParser

/// `repl` (the default): the interactive prompt, or a script read from standard input.
struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Open the interactive prompt (the default); reads commands line by line when input is not a terminal.",
        discussion: """
            With standard input from a file or a pipe, each line is a command; a line that fails is \
            reported as 'error: line N: …' and the next line runs. The exit status is 0 when every line \
            succeeded, else 1. With --bail the script stops at the first failing line (as run does).
            """)

    @Flag(name: .long, help: "Stop a script on standard input at its first failing line.")
    var bail = false

    @OptionGroup var store: StoreOptions

    func run() throws {
        let session = ReplSession.make(outer: CommandContext.current, selection: store.selection)
        // Open (or create) the knowledge base before the first prompt.
        _ = try session.context.knowledgeBase()
        if !session.run(bail: bail) { throw ExitCode.failure }
    }
}
