import Foundation
import Testing

/// Commands read from standard input (a script) and given to `concord run`: exit
/// statuses, and one clear line for every kind of bad input, with the database unchanged.
@Suite struct ScriptingTests {
    let fixture: ReplFixture

    init() throws {
        fixture = try ReplFixture()
    }

    func concord(_ arguments: [String], input: String? = nil) throws -> ConcordProcess.Result {
        // Options follow the subcommand (before it they would go to the default one, repl).
        try ConcordProcess.run((arguments.isEmpty ? ["repl"] : arguments) + ["--db", fixture.databasePath], input: input, environment: fixture.environment)
    }

    /// The lines of standard error that report errors.
    static func errorLines(_ result: ConcordProcess.Result) -> [String] {
        result.errors.split(separator: "\n").map(String.init).filter { $0.hasPrefix("error:") }
    }

    @Test func aScriptOnStandardInputRunsWithoutPromptOrEscapes() throws {
        let result = try concord([], input: "help\n# a comment\n\nsearch disappearance --limit 1\n")
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("Commands (help CMD for details):"))
        #expect(!result.output.contains("concord>"))
        #expect(!result.output.contains("\u{1B}["))
        #expect(!result.errors.contains("\u{1B}["))
    }

    @Test func aFailedCommandInAScriptMakesTheExitStatusNonZeroButTheRestStillRuns() throws {
        let result = try concord([], input: "frobnicate\nhelp search\n")
        #expect(result.status == 1)
        #expect(Self.errorLines(result).count == 1)
        #expect(result.output.contains("search"))
        let stopped = try concord([], input: "help\nquit\nfrobnicate\n")
        #expect(stopped.status == 0, "quit ends the script before the bad line")
    }

    /// `CMD --help` at the prompt prints that command's help, as `help CMD` does, not an internal error.
    @Test func helpFlagAfterACommandPrintsItsHelp() throws {
        let result = try concord([], input: "show --help\nstats -h\n")
        #expect(result.status == 0, "\(result.errors)")
        #expect(Self.errorLines(result).isEmpty, "\(result.errors)")
        #expect(result.output.contains("Show an entity"))
        #expect(result.output.components(separatedBy: "USAGE:").count == 3, "one usage block per command")
        #expect(!result.output.contains("CommandError"))
    }

    @Test func runRunsEachArgumentAndStopsAtTheFirstFailure() throws {
        let good = try concord(["run", "help", "help search"])
        #expect(good.status == 0)
        #expect(good.output.contains("Commands (help CMD for details):"))
        let bad = try concord(["run", "serch x", "help"])
        #expect(bad.status == 1)
        #expect(Self.errorLines(bad) == ["error: unknown command 'serch' — did you mean 'search'? Type help for the list"])
        #expect(!bad.output.contains("Commands"), "commands after a failure do not run")
        let none = try concord(["run"])
        #expect(none.status != 0)
        #expect(Self.errorLines(none).count == 1)
    }

    /// Each line is wrong in a different way; each gets exactly one error line,
    /// the session goes on (the final `help search` runs), and nothing is written.
    @Test func badInputIsOneClearLineEachAndChangesNothing() throws {
        let before = try fixture.fingerprint()
        let bad: [(line: String, says: String)] = [
            ("frobnicate", "unknown command 'frobnicate'"),
            ("serch torture", "did you mean 'search'"),
            ("search \"unbalanced", "unbalanced quotes"),
            ("search --frobnicate x", "unknown option '--frobnicate'"),
            ("search", "missing expected argument"),
            ("search x --limit many", "many"),
            (String(repeating: "search x ", count: 2_000), "the limit is 16384"),
            ("search \u{01}\u{02}\u{7F}", "control characters"),
            ("help nosuchcommand", "unknown command 'nosuchcommand'"),
            ("search x --db /tmp/other.db", "can only be given when starting concord"),
        ]
        let script = bad.map(\.line).joined(separator: "\n") + "\nhelp search\n"
        let result = try concord([], input: script)
        let errors = Self.errorLines(result)
        #expect(result.status == 1)
        #expect(errors.count == bad.count, "\(result.errors)")
        for (index, expected) in bad.enumerated() where index < errors.count {
            #expect(errors[index].contains(expected.says), "line \(index + 1): \(errors[index])")
        }
        // Every error is a single line: nothing else on standard error.
        #expect(result.errors.split(separator: "\n").count == errors.count, "\(result.errors)")
        #expect(!result.errors.contains("Usage:"))
        #expect(result.output.contains("USAGE") || result.output.contains("search"), "the session kept running")
        #expect(try fixture.fingerprint() == before)
    }

    @Test func binaryGarbageIsRefusedWithoutCrashing() throws {
        let before = try fixture.fingerprint()
        var garbage = Data([0xFF, 0xFE, 0x00, 0x80, 0x0A])
        garbage.append(Data("help search\n".utf8))
        let result = try ConcordProcess.run(
            ["repl", "--db", fixture.databasePath], input: String(decoding: garbage, as: UTF8.self), environment: fixture.environment)
        #expect(result.status == 1)
        #expect(Self.errorLines(result).count == 1)
        #expect(result.output.contains("search"))
        #expect(try fixture.fingerprint() == before)
    }

    @Test func commandLineParseErrorsAreOneLineToo() throws {
        let result = try concord(["search", "x", "--frobnicate"])
        #expect(result.status != 0)
        #expect(result.errors.split(separator: "\n").count == 1, "\(result.errors)")
        #expect(result.errors.contains("unknown option '--frobnicate'"))
        #expect(result.errors.contains("concord search --help"))
    }

    /// Errors from commands other helpers own: unknown and ambiguous entities,
    /// invalid predicates. Each is one line through `run`, and nothing changes.
    @Test func entityAndPredicateMistakesAreOneLineAndChangeNothing() throws {
        let before = try fixture.fingerprint()
        let cases: [(command: String, says: String)] = [
            ("link ZLC represents Zanzibr", "Zanzibr"),
            ("link ZLC frobs \"Zanzibar Harbour Board\"", "frobs"),
            ("delete NoSuchThingAnywhere", "NoSuchThingAnywhere"),
        ]
        for (command, says) in cases {
            let result = try concord(["run", command])
            #expect(result.status == 1, "\(command): \(result.output)")
            #expect(Self.errorLines(result).count == 1, "\(command): \(result.errors)")
            #expect(result.errors.contains(says), "\(command): \(result.errors)")
        }
        try fixture.addAmbiguousName()
        let afterSetup = try fixture.fingerprint()
        let ambiguous = try concord(["run", "delete \"Twin Name\""])
        #expect(ambiguous.status == 1)
        #expect(Self.errorLines(ambiguous).count == 1, "\(ambiguous.errors)")
        #expect(try fixture.fingerprint() == afterSetup)
        #expect(before != afterSetup)
    }
}
