import ArgumentParser
import Foundation

/// Takes one line of REPL input through everything the prompt does with it short of
/// running a command: the dispatcher's checks, tokenizing, the command-name lookup,
/// argument-parser's parse and its error and help messages, the history entry, and
/// Tab completion of the line (cut at its end and in its middle, without a knowledge base).
///
/// It is the one code path shared by the command-line fuzzer (`Sources/ConcordFuzzCommandLine`)
/// and its regression tests (`CommandParserFuzzRegressionTests`). It follows
/// ``CommandDispatcher/run(_:)`` step by step and stops where that runs the command, so
/// nothing is read or written. Whatever the bytes, it returns an ``Outcome``; a crash,
/// a hang or an allocation out of proportion to the line is a bug.
public enum CommandLineProbe {
    /// What the dispatcher would do with the line.
    public enum Outcome: Equatable, Sendable {
        /// A blank line or a `#` comment: nothing to do.
        case ignored
        /// `quit` or `exit`.
        case quit
        /// `help` or `help CMD`, which the prompt answers itself.
        case help(topic: String?)
        /// A command that parsed and would run.
        case parsed(command: String)
        /// `CMD --help` and the like: the parser's answer is help text, shown as output.
        case showsHelp(command: String)
        /// Refused before or while parsing, with the one-line message the prompt shows.
        case refused(message: String)
    }

    /// The outcome, and what Tab offers at the end of the line.
    public struct Result: Equatable, Sendable {
        public var outcome: Outcome
        public var completion: CompletionProvider.Completion
    }

    /// Probes `bytes` as one line: decoded as UTF-8 with invalid sequences replaced (as
    /// `readLine` does for scripts); completion sees the text before the first NUL byte
    /// (libedit hands over a C string), cut at its end and at its middle byte.
    public static func probe(bytes: [UInt8]) -> Result {
        let line = String(decoding: bytes, as: UTF8.self)
        let typed = Array(bytes.prefix { $0 != 0 })
        _ = completion(ofBytes: Array(typed.prefix(typed.count / 2)))
        return Result(outcome: outcome(of: line), completion: completion(ofBytes: typed))
    }

    /// Probes a line typed as text, with the cursor at its end.
    public static func probe(line: String) -> Result {
        Result(outcome: outcome(of: line), completion: completion(ofBytes: Array(line.utf8)))
    }

    /// What ``CommandDispatcher/run(_:)`` does with `line`, up to running the command.
    public static func outcome(of line: String) -> Outcome {
        _ = HistoryStore.entry(for: line)
        do {
            switch try CommandDispatcher.meaning(of: line) {
            case .nothing:
                return .ignored
            case .quit:
                return .quit
            case .help(let topics):
                let help = Console.buffer()
                try HelpPrinter(console: help.console).printHelp(for: topics)
                return .help(topic: topics.first)
            case .command(_, let name):
                return .parsed(command: name)
            case .parseFailure(let error, let name):
                let report = CommandDispatcher.parseFailureReport(error, command: name)
                return report.isHelp ? .showsHelp(command: name) : .refused(message: report.text)
            }
        } catch {
            return .refused(message: CommandDispatcher.describe(error))
        }
    }

    /// Tab completion for the line `bytes` (the cursor after the last byte), as the line
    /// editor computes it, including the rewrite of the candidates for libedit.
    private static func completion(ofBytes bytes: [UInt8]) -> CompletionProvider.Completion {
        let prefix = String(decoding: bytes, as: UTF8.self)
        let completion = CompletionProvider(knowledgeBase: nil).complete(line: prefix, cursor: prefix.unicodeScalars.count)
        let typed = Array(prefix.unicodeScalars)
        // libedit starts the word it replaces after the last of its word-break characters.
        let breaks = Set(" \t\n\"\\'`@$><=;|&{(".unicodeScalars)
        let libeditStart = (typed.lastIndex { breaks.contains($0) } ?? -1) + 1
        let replacements = LineEditorState.relative(completion, typed: typed, libeditStart: libeditStart)
        let already = String(String.UnicodeScalarView(typed[min(libeditStart, typed.count)...]))
        _ = LineEditorState.commonPrefix(replacements, atLeast: already)
        return completion
    }
}
