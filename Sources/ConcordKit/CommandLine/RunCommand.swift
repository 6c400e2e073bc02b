import ArgumentParser

/// `run CMD…`: run REPL commands given as arguments, in order, stopping at the first failure.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run REPL commands given as arguments, e.g. concord run 'show OHCHR' 'links OHCHR'.")

    @Argument(help: "Commands, each one quoted as a single argument.")
    var commands: [String]

    @OptionGroup var store: StoreOptions

    func run() throws {
        let outer = CommandContext.current
        let session = CommandContext(
            output: outer.output, errors: outer.errors, environment: outer.environment, selection: store.selection, isSession: true)
        let dispatcher = CommandDispatcher(context: session)
        for command in commands where !dispatcher.execute(line: command) {
            throw ExitCode.failure
        }
    }
}
