import Foundation

/// The interactive loop: reads lines, runs each through ``CommandDispatcher``.
///
/// When both standard input and standard output are terminals it uses the
/// ``LineEditor`` (prompt, history, completion, Ctrl-C, Ctrl-D) and pages long
/// output; otherwise it reads the same commands as a script, line by line, with no
/// prompt and no escape codes, and reports failure if any command failed.
public struct ReplSession {
    public let context: CommandContext
    private let pagedOutput: PagedOutput?

    /// A session running commands in `context`; `pagedOutput` is the collector
    /// behind `context.output` at an interactive prompt (see ``interactiveContext(outer:selection:)``).
    init(context: CommandContext, pagedOutput: PagedOutput? = nil) {
        self.context = context
        self.pagedOutput = pagedOutput
    }

    /// A script session (or one whose output is not paged).
    public init(context: CommandContext) {
        self.init(context: context, pagedOutput: nil)
    }

    /// `true` when both standard input and standard output are terminals.
    public static var isInteractive: Bool {
        isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
    }

    /// The session for this process: interactive (paged output) on a terminal, else a script.
    public static func make(outer: CommandContext, selection: StoreSelection) -> ReplSession {
        let paged = isInteractive ? PagedOutput(environment: outer.environment) : nil
        let context = CommandContext(
            output: paged?.console ?? outer.output, errors: outer.errors, environment: outer.environment,
            selection: selection, isSession: true)
        return ReplSession(context: context, pagedOutput: paged)
    }

    /// Runs until `quit` or end of input; `true` when no command failed
    /// (always `true` at an interactive prompt, where failures are only reported).
    public func run() -> Bool {
        Self.isInteractive ? runInteractively() : runScript()
    }

    private func runScript() -> Bool {
        let dispatcher = CommandDispatcher(context: context)
        var allSucceeded = true
        while let line = readLine(strippingNewline: true) {
            let outcome = dispatcher.run(line)
            if outcome == .quit { break }
            if outcome == .failed { allSucceeded = false }
        }
        return allSucceeded
    }

    private func runInteractively() -> Bool {
        // A pager quit early closes its pipe; that must not end the session.
        signal(SIGPIPE, SIG_IGN)
        let dispatcher = CommandDispatcher(context: context)
        let editor = LineEditor(
            history: HistoryStore(environment: context.environment),
            completion: CompletionProvider(knowledgeBase: try? context.knowledgeBase()))
        defer { editor.close() }
        context.errors.line("Concord — type help for the commands, Tab to complete, Ctrl-D to leave.")
        while true {
            switch editor.read(prompt: "concord> ") {
            case .endOfInput:
                context.errors.line()
                return true
            case .interrupted:
                continue
            case let .line(line):
                editor.remember(line)
                let outcome = dispatcher.run(line)
                pagedOutput?.flush()
                if outcome == .quit { return true }
            }
        }
    }
}
