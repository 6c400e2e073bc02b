import ArgumentParser
import Foundation
import GRDB

/// Runs one line of REPL input: tokenizes it, parses it with the same command tree
/// as the command line, runs the command in the session's context, and turns any
/// failure into one line on standard error. It never lets an error escape.
public struct CommandDispatcher {
    /// What became of a line.
    public enum Outcome: Equatable {
        case succeeded
        case failed
        case quit
    }

    /// Lines longer than this are refused before parsing.
    public static let maximumLineLength = 16_384

    public let context: CommandContext
    /// Where the lines come from, for error messages: set per line by scripts (`line 12`).
    var location: String?

    public init(context: CommandContext) {
        self.context = context
    }

    /// Runs `line`, which is line `number` of a script: its errors say `line N:`.
    func run(_ line: String, lineNumber number: Int) -> Outcome {
        var located = self
        located.location = "line \(number)"
        return located.run(line)
    }

    /// Runs `line`; `true` unless it failed. (`quit` counts as success.)
    @discardableResult
    public func execute(line: String) -> Bool { run(line) != .failed }

    /// What a line asks for, decided without running anything.
    ///
    /// ``run(_:)`` acts on it and ``CommandLineProbe`` (the fuzzer's path) stops at it, so both
    /// read a line the same way.
    enum LineMeaning {
        /// A blank line or a `#` comment.
        case nothing
        case quit
        /// `help` or `help TOPIC…`, which the prompt answers itself.
        case help(topics: [String])
        /// A command that parsed and is ready to run.
        case command(ParsableCommand, name: String)
        /// argument-parser's answer instead of a command: help text or a usage error.
        case parseFailure(Error, name: String)
    }

    /// The meaning of `line`; throws the one-line errors for lines refused before parsing.
    static func meaning(of line: String) throws -> LineMeaning {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed.hasPrefix("#") { return .nothing }
        try check(line)
        let words = try CommandCatalog.words(in: trimmed)
        guard let name = words.first else { return .nothing }
        switch name {
        case "quit", "exit":
            return .quit
        case "help", "?":
            return .help(topics: Array(words.dropFirst()))
        case "repl":
            throw CommandError.invalidArgument("you are already at the Concord prompt")
        default:
            break
        }
        guard CommandCatalog.names.contains(name) else {
            throw CommandError.unknownCommand(name, suggestion: CommandCatalog.closest(to: name))
        }
        do {
            return .command(try ConcordCommand.parseAsRoot(words), name: name)
        } catch {
            return .parseFailure(error, name: name)
        }
    }

    /// How a parse failure is shown: help text (`--help` and friends, a success) or one error line.
    static func parseFailureReport(_ error: Error, command: String) -> (isHelp: Bool, text: String) {
        if ConcordCommand.exitCode(for: error) == .success {
            return (true, HelpPrinter.promptUsage(ConcordCommand.fullMessage(for: error)))
        }
        let message = ConcordCommand.message(for: error)
        let firstLine = message.split(separator: "\n").first.map(String.init) ?? message
        return (false, "\(firstLine.strippingErrorPrefix.lowercasedFirst) (see help \(command))")
    }

    /// Runs `line` and says how it went.
    public func run(_ line: String) -> Outcome {
        do {
            switch try Self.meaning(of: line) {
            case .nothing:
                return .succeeded
            case .quit:
                return .quit
            case .help(let topics):
                try HelpPrinter(console: context.output).printHelp(for: topics)
                return .succeeded
            case .parseFailure(let error, let name):
                let report = Self.parseFailureReport(error, command: name)
                if report.isHelp {
                    context.output.line(report.text)
                    return .succeeded
                }
                reportLine(report.text)
                return .failed
            case .command(var command, _):
                do {
                    try context.run { try command.run() }
                } catch let request where !(request is ExitCode) && ConcordCommand.exitCode(for: request) == .success {
                    // `show --help` parses as ArgumentParser's help command, whose run throws the help request.
                    context.output.line(HelpPrinter.promptUsage(ConcordCommand.fullMessage(for: request)))
                }
                return .succeeded
            }
        } catch let exit as ExitCode {
            return exit == .success ? .succeeded : .failed
        } catch where Self.isInterruption(error) {
            context.errors.line(location.map { "\($0): interrupted" } ?? "interrupted")
            return .failed
        } catch {
            report(error)
            return .failed
        }
    }

    private func report(_ error: Error) {
        reportLine(Self.describe(error))
    }

    /// Writes one error line: `error: MESSAGE`, or `error: line 12: MESSAGE` in a script.
    private func reportLine(_ message: String) {
        let located = location.map { "\($0): \(message)" } ?? message
        context.errors.line(context.errors.styled("error:", .error) + " " + located)
    }

    /// `true` when Ctrl-C stopped the command (its statement failed with `SQLITE_INTERRUPT`).
    static func isInterruption(_ error: Error) -> Bool {
        if error is QueryInterruption.Interrupted { return true }
        return (error as? DatabaseError)?.resultCode == .SQLITE_INTERRUPT
    }

    /// The one-line, user-facing description of any error a command may throw.
    public static func describe(_ error: Error) -> String {
        if let local = error as? LocalizedError, let description = local.errorDescription {
            return description
        }
        if isInterruption(error) { return "interrupted" }
        if let database = error as? DatabaseError {
            if database.resultCode == .SQLITE_BUSY || database.resultCode == .SQLITE_LOCKED {
                return "the knowledge base is busy with another writer; try again in a moment"
            }
            if database.resultCode == .SQLITE_READONLY {
                return "the knowledge base is read-only (its file or folder cannot be written); reading commands work, this one writes"
            }
            if database.resultCode == .SQLITE_FULL {
                return "the disk is full; nothing was changed — free some space and run the command again"
            }
            return "database error: \(database.message ?? database.resultCode.description)"
        }
        if let validation = error as? ValidationError { return validation.message }
        return String(describing: error)
    }

    /// Refuses lines that are too long or hold control characters or invalid text.
    static func check(_ line: String) throws {
        if line.count > maximumLineLength { throw CommandError.lineTooLong(length: line.count, limit: maximumLineLength) }
        let forbidden = line.unicodeScalars.contains { scalar in
            (scalar.value < 0x20 && scalar != "\t") || scalar.value == 0x7F || scalar == "\u{FFFD}"
        }
        if forbidden { throw CommandError.notText }
    }
}

extension String {
    var lowercasedFirst: String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}
