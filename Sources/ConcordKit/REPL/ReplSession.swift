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
    /// With `bail`, a script stops at its first failing line (as `sqlite3 -bail`).
    public func run(bail: Bool = false) -> Bool {
        Self.isInteractive ? runInteractively() : runScript(bail: bail)
    }

    /// Runs standard input line by line; a failing line is reported with its number.
    private func runScript(bail: Bool) -> Bool {
        let dispatcher = CommandDispatcher(context: context)
        var allSucceeded = true
        var number = 0
        while let line = readLine(strippingNewline: true) {
            number += 1
            let outcome = dispatcher.run(line, lineNumber: number)
            if outcome == .quit { break }
            if outcome == .failed {
                allSucceeded = false
                if bail { break }
            }
        }
        return allSucceeded
    }

    /// Runs `line`; Ctrl-C meanwhile interrupts the knowledge base's statements
    /// (and the `sql` connection, which registers itself), and the line fails with `interrupted`.
    private func runInterruptibly(_ line: String, with dispatcher: CommandDispatcher) -> CommandDispatcher.Outcome {
        guard let database = (try? context.knowledgeBase())?.database else { return dispatcher.run(line) }
        return QueryInterruption.shared.whileRunning(interruptedBy: { database.interrupt() }) { dispatcher.run(line) }
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
                let outcome = runInterruptibly(line, with: dispatcher)
                pagedOutput?.flush()
                if outcome == .quit { return true }
            }
        }
    }
}
