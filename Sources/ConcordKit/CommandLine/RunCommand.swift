import ArgumentParser

/// `run CMD…`: run REPL commands given as arguments, in order, stopping at the first failure.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run REPL commands given as arguments, e.g. concord run 'show OHCHR' 'links OHCHR'.",
        discussion: """
            The commands run in order in one session. The first one that fails stops the rest: its error \
            is printed on standard error and the exit status is 1, as for a script on standard \
            input with --bail. When all succeed the exit status is 0.
            """)

    @Argument(help: "Commands, each one quoted as a single argument.")
    var commands: [String]

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if commands.isEmpty { throw ValidationError("give at least one command, e.g. concord run 'help'") }
    }

    func run() throws {
        let outer = CommandContext.current
        if outer.isSession { throw CommandError.invalidArgument("run is for the command line; at the prompt, type the commands themselves") }
        let session = CommandContext(
            output: outer.output, errors: outer.errors, environment: outer.environment, selection: store.selection, isSession: true)
        let dispatcher = CommandDispatcher(context: session)
        for command in commands {
            switch dispatcher.run(command) {
            case .succeeded: continue
            case .quit: return
            case .failed: throw ExitCode.failure
            }
        }
    }
}
