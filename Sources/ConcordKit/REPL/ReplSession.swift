import Foundation

/// The interactive loop: reads lines, runs each through ``CommandDispatcher``.
///
/// On a terminal it prompts; when standard input is not a terminal it reads the
/// same commands as a script (no prompt, no escape codes) and reports failure if
/// any command failed.
public struct ReplSession {
    public let context: CommandContext

    public init(context: CommandContext) {
        self.context = context
    }

    /// Runs until `quit` or end of input; `true` when no command failed.
    public func run() -> Bool {
        let dispatcher = CommandDispatcher(context: context)
        let interactive = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
        var allSucceeded = true
        while true {
            if interactive { context.output.write("concord> ") }
            guard let line = readLine(strippingNewline: true) else { break }
            let outcome = dispatcher.run(line)
            if outcome == .quit { break }
            if outcome == .failed { allSucceeded = false }
        }
        return interactive || allSucceeded
    }
}
