import ArgumentParser
import Foundation

/// The `concord` executable's entry point: parses the command line, runs the
/// command, and turns errors into one line on standard error and an exit status.
public enum ConcordMain {
    public static func run(arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        let context = CommandContext.current
        do {
            var command = try ConcordCommand.parseAsRoot(arguments)
            try context.run { try command.run() }
            exit(0)
        } catch let exitCode as ExitCode {
            exit(exitCode.rawValue)
        } catch where ConcordCommand.exitCode(for: error) == .success || error is CleanExit {
            ConcordCommand.exit(withError: error)
        } catch let error as ValidationError {
            _ = error
            ConcordCommand.exit(withError: error)
        } catch let error as LocalizedError {
            context.errors.line(context.errors.styled("error:", .error) + " " + CommandDispatcher.describe(error))
            exit(1)
        } catch {
            if ConcordCommand.exitCode(for: error) != .failure || "\(type(of: error))".contains("Parser") {
                ConcordCommand.exit(withError: error)
            }
            context.errors.line(context.errors.styled("error:", .error) + " " + CommandDispatcher.describe(error))
            exit(1)
        }
    }
}
