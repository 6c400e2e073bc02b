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

    public init(context: CommandContext) {
        self.context = context
    }

    /// Runs `line`; `true` unless it failed. (`quit` counts as success.)
    @discardableResult
    public func execute(line: String) -> Bool { run(line) != .failed }

    /// Runs `line` and says how it went.
    public func run(_ line: String) -> Outcome {
        do {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { return .succeeded }
            try Self.check(line)
            let words = try CommandCatalog.words(in: trimmed)
            guard let name = words.first else { return .succeeded }
            switch name {
            case "quit", "exit":
                return .quit
            case "help", "?":
                try HelpPrinter(console: context.output).printHelp(for: Array(words.dropFirst()))
                return .succeeded
            case "repl":
                throw CommandError.invalidArgument("you are already at the Concord prompt")
            default:
                break
            }
            guard CommandCatalog.names.contains(name) else {
                throw CommandError.unknownCommand(name, suggestion: CommandCatalog.closest(to: name))
            }
            var command: ParsableCommand
            do {
                command = try ConcordCommand.parseAsRoot(words)
            } catch {
                return reportParseError(error, command: name)
            }
            do {
                try context.run { try command.run() }
            } catch let request where !(request is ExitCode) && ConcordCommand.exitCode(for: request) == .success {
                // `show --help` parses as ArgumentParser's help command, whose run throws the help request.
                context.output.line(ConcordCommand.fullMessage(for: request))
            }
            return .succeeded
        } catch let exit as ExitCode {
            return exit == .success ? .succeeded : .failed
        } catch {
            report(error)
            return .failed
        }
    }

    private func reportParseError(_ error: Error, command: String) -> Outcome {
        let exitCode = ConcordCommand.exitCode(for: error)
        let message = ConcordCommand.message(for: error)
        if exitCode == .success {
            // --help and friends: the message is the help text.
            context.output.line(ConcordCommand.fullMessage(for: error))
            return .succeeded
        }
        let firstLine = message.split(separator: "\n").first.map(String.init) ?? message
        context.errors.line(context.errors.styled("error:", .error) + " \(firstLine.strippingErrorPrefix.lowercasedFirst) (see help \(command))")
        return .failed
    }

    private func report(_ error: Error) {
        context.errors.line(context.errors.styled("error:", .error) + " " + Self.describe(error))
    }

    /// The one-line, user-facing description of any error a command may throw.
    public static func describe(_ error: Error) -> String {
        if let local = error as? LocalizedError, let description = local.errorDescription {
            return description
        }
        if let database = error as? DatabaseError {
            if database.resultCode == .SQLITE_BUSY || database.resultCode == .SQLITE_LOCKED {
                return "the knowledge base is busy with another writer; try again in a moment"
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
