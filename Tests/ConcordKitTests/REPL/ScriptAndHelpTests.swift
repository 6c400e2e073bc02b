import Foundation
import Testing
@testable import ConcordKit

/// Scripts on standard input name the failing line and stop with `--bail`; help at the prompt
/// describes the prompt; reading a changeset file and creating a knowledge base leave nothing behind.
@Suite struct ScriptAndHelpTests {
    let fixture: ReplFixture

    init() throws {
        fixture = try ReplFixture()
    }

    func concord(_ arguments: [String], input: String? = nil) throws -> ConcordProcess.Result {
        try ConcordProcess.run(["--db", fixture.databasePath] + arguments, input: input, environment: fixture.environment)
    }

    static func errorLines(_ result: ConcordProcess.Result) -> [String] {
        result.errors.split(separator: "\n").map(String.init).filter { $0.hasPrefix("error:") }
    }

    @Test func aFailingScriptLineIsReportedWithItsNumber() throws {
        let result = try concord([], input: "find Zanzibar\n\n# comment\nshow Qwxzqwxz\nfind Quilliam\n")
        #expect(result.status == 1)
        let errors = Self.errorLines(result)
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("error: line 4: no entity matches 'Qwxzqwxz'") == true, "\(errors)")
        #expect(result.output.contains("Ms. Quilliam-Oduya"), "without --bail the next lines still run")
    }

    @Test func bailStopsAtTheFirstFailingLine() throws {
        let result = try concord(["--bail"], input: "find Zanzibar\nfrobnicate\nfind Quilliam\n")
        #expect(result.status == 1)
        #expect(Self.errorLines(result).first?.hasPrefix("error: line 2: unknown command 'frobnicate'") == true)
        #expect(result.output.contains("Zanzibar"))
        #expect(!result.output.contains("Quilliam"), "nothing runs after the failing line")
        let clean = try concord(["repl", "--bail"], input: "find Zanzibar\n")
        #expect(clean.status == 0)
    }

    @Test func runStopsAtTheFirstFailureLikeBail() throws {
        let run = try concord(["run", "find Zanzibar", "frobnicate", "find Quilliam"])
        #expect(run.status == 1)
        #expect(!run.output.contains("Quilliam"))
        #expect(try concord(["run", "--help"]).output.contains("--bail"))
    }

    @Test func helpAtThePromptShowsThePromptsUsage() throws {
        let result = try concord([], input: "help show\nshow --help\nhelp help\nhelp\n")
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("USAGE: show "))
        for refused in ["--db", "--author", "--seeds", "concord show"] {
            #expect(!result.output.contains(refused), "\(refused) is not for the prompt")
        }
        #expect(result.output.contains("USAGE: help [<command>]"))
        let list = result.output.components(separatedBy: "Commands (help CMD for details):").last ?? ""
        #expect(!list.contains("\n  run "), "the prompt's list leaves out run, which it refuses")
    }

    @Test func aMistypedCommandGetsASuggestion() throws {
        #expect(CommandCatalog.closest(to: "shwo") == "show")
        #expect(CommandCatalog.closest(to: "serach") == "search")
        #expect(EditDistance.between("shwo", "show") == 1)
        let result = try concord([], input: "shwo OHCHR\n")
        #expect(Self.errorLines(result).first?.contains("did you mean 'show'") == true)
    }

    @Test func changesetShowCreatesNoKnowledgeBase() throws {
        let folder = (fixture.databasePath as NSString).deletingLastPathComponent
        let file = folder + "/out.concord"
        let exported = try concord(["run", "note ZLC \"x\"", "export \(file)"])
        #expect(exported.status == 0, "\(exported.errors)")
        let missing = folder + "/never/made.db"
        let shown = try ConcordProcess.run(["changeset", "show", file, "--db", missing], environment: fixture.environment)
        #expect(shown.status == 0, "\(shown.errors)")
        #expect(!shown.output.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: missing))
        #expect(!FileManager.default.fileExists(atPath: folder + "/never"))
    }

    @Test func creatingAKnowledgeBaseLeavesOnlyTheDatabaseAndItsKey() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("concord-create-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let created = try ConcordProcess.run(["stats", "--db", folder + "/kb.db"], environment: fixture.environment)
        #expect(created.status == 0, "\(created.errors)")
        // SQLite's own -wal and -shm may stay beside an open database; nothing else may.
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") }.sorted()
        #expect(files == ["kb.db", "kb.db.key"])
    }
}

/// Every example that a command's help shows runs on a knowledge base built from the seeds.
@Suite struct HelpExampleTests {
    /// The examples in the help texts: `e.g. CMD …` and `Example: CMD …`, up to the sentence's end.
    static func examples() -> [String] {
        var found: [String] = []
        for command in CommandCatalog.promptCommands {
            let text = ConcordCommand.helpMessage(for: command, columns: 10_000)
            let pattern = #"(?:e\.g\.|Example:) ((?:[a-z]+) [^\n]*?)(?:\.(?=\s|$)|\n|$)"#
            guard let expression = try? NSRegularExpression(pattern: pattern) else { continue }
            for match in expression.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard let range = Range(match.range(at: 1), in: text) else { continue }
                let example = String(text[range]).replacingOccurrences(of: #" \(Tab completes.*"#, with: "", options: .regularExpression)
                let name = example.split(separator: " ").first.map(String.init) ?? ""
                if CommandCatalog.names.contains(name) || name == "concord" { found.append(example) }
            }
        }
        return found
    }

    @Test func everyExampleInTheHelpRuns() throws {
        let fixture = try ReplFixture()
        let examples = Self.examples()
        #expect(examples.contains { $0.hasPrefix("timeline ") })
        #expect(examples.count >= 10)
        let folder = (fixture.databasePath as NSString).deletingLastPathComponent
        // `add` comes before examples that use what it adds; the rest run in help order.
        let ordered = examples.filter { $0.hasPrefix("add ") } + examples.filter { !$0.hasPrefix("add ") && !$0.hasPrefix("concord ") }
        for example in ordered {
            let result = try ConcordProcess.run(
                ["--db", fixture.databasePath, "run", example], environment: fixture.environment, directory: folder)
            #expect(result.status == 0, "\(example): \(result.errors)")
        }
    }
}
