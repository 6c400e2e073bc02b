import Foundation
@testable import ConcordKit

/// Runs REPL lines against a knowledge base and collects what they print, for whole-output tests.
struct ExploreSession {
    let knowledgeBase: KnowledgeBase

    /// What one line printed on standard output and standard error, and whether it succeeded.
    struct Printed {
        var output: String
        var errors: String
        var succeeded: Bool
    }

    /// Runs `line` as the REPL would (tokenized, parsed by the command tree) on an 80-column, colourless console.
    func run(_ line: String, width: Int = 80) -> Printed {
        let output = Console.buffer(width: width), errors = Console.buffer(width: width)
        let context = CommandContext(
            output: output.console, errors: errors.console, environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? ""],
            isSession: true, knowledgeBase: knowledgeBase)
        let succeeded = CommandDispatcher(context: context).execute(line: line)
        return Printed(output: output.text, errors: errors.text, succeeded: succeeded)
    }

    static func fixture() throws -> ExploreSession {
        ExploreSession(knowledgeBase: try ExploreFixture.make().knowledgeBase)
    }
}
