import ArgumentParser
import Foundation

/// The `concord` executable's entry point: parses the command line, runs the
/// command, and turns errors into one line on standard error and an exit status.
///
/// Help and version requests print their full text; every mistake (unknown
/// option, missing argument, bad value, failed command) is one line saying what
/// was wrong and where to look, never a usage dump.
public enum ConcordMain {
    public static func run(arguments given: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        let context = CommandContext.current
        if VersionReport.isRequested(by: given) {
            VersionReport.lines.forEach { context.output.line($0) }
            exit(0)
        }
        let arguments = GlobalArguments.normalized(given)
        var command: ParsableCommand
        do {
            command = try ConcordCommand.parseAsRoot(arguments)
        } catch {
            exit(reportParseError(error, arguments: arguments, errors: context.errors))
        }
        do {
            try context.run { try command.run() }
            exit(0)
        } catch let exitCode as ExitCode {
            exit(exitCode.rawValue)
        } catch where ConcordCommand.exitCode(for: error) == .success || error is CleanExit {
            ConcordCommand.exit(withError: error)
        } catch {
            context.errors.line(context.errors.styled("error:", .error) + " " + CommandDispatcher.describe(error))
            exit(1)
        }
    }

    /// Prints help output in full, or a parse error as one line; returns the exit status.
    static func reportParseError(_ error: Error, arguments: [String], errors: Console) -> Int32 {
        let status = ConcordCommand.exitCode(for: error)
        if status == .success {
            ConcordCommand.exit(withError: error)
        }
        let message = ConcordCommand.message(for: error)
        let firstLine = message.split(separator: "\n").first.map(String.init) ?? message
        let command = arguments.first { CommandCatalog.names.contains($0) || $0 == "repl" }
        let hint = command.map { " (see concord \($0) --help)" } ?? " (see concord --help)"
        errors.line(errors.styled("error:", .error) + " " + firstLine.strippingErrorPrefix.lowercasedFirst + hint)
        return status.rawValue
    }
}

extension String {
    /// The message without argument-parser's leading "Error: ".
    var strippingErrorPrefix: String {
        hasPrefix("Error: ") ? String(dropFirst(7)) : self
    }
}
