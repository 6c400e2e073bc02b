import Foundation
import Testing
@testable import ConcordKit

/// `--db` and `--author` before or after the subcommand, `--version`, and the top-level help,
/// through the real binary.
@Suite struct GlobalOptionsTests {
    let fixture: ReplFixture

    init() throws {
        fixture = try ReplFixture()
    }

    func concord(_ arguments: [String], input: String? = nil) throws -> ConcordProcess.Result {
        try ConcordProcess.run(arguments, input: input, environment: fixture.environment)
    }

    @Test func storeOptionsWorkBeforeAndAfterTheSubcommand() throws {
        let before = try concord(["--db", fixture.databasePath, "stats"])
        let after = try concord(["stats", "--db", fixture.databasePath])
        let joined = try concord(["--db=\(fixture.databasePath)", "stats"])
        #expect(before.status == 0, "\(before.errors)")
        #expect(!before.output.isEmpty)
        #expect(before.output == after.output && after.output == joined.output)
        #expect(after.status == 0 && joined.status == 0)
    }

    @Test func runTakesStoreOptionsBeforeItsName() throws {
        let noted = try concord(["--db", fixture.databasePath, "--author", "ana", "run", #"note ZLC "seen in the harbour""#])
        #expect(noted.status == 0, "\(noted.errors)")
        let notes = try concord(["--db", fixture.databasePath, "notes", "--json"])
        #expect(notes.output.contains(#""author":"ana""#) && notes.output.contains("seen in the harbour"))
        let listed = try concord(["--db", fixture.databasePath, "run", "stats", "find Zanzibar"])
        #expect(listed.status == 0 && listed.output.contains("Zanzibar Harbour Board"), "\(listed.errors)")
    }

    @Test func leadingStoreOptionsAloneOpenThePromptOrReadAScript() throws {
        let script = try concord(["--db", fixture.databasePath], input: "find Zanzibar\n")
        #expect(script.status == 0, "\(script.errors)")
        #expect(script.output.contains("Zanzibar Listening Council"))
    }

    @Test func helpAfterStoreOptionsExplainsTheCommand() throws {
        let help = try concord(["--db", fixture.databasePath, "help", "stats"])
        #expect(help.status == 0, "\(help.errors)")
        #expect(help.output.contains("USAGE: concord stats"))
    }

    @Test func versionNamesConcordSQLiteAndTheSchema() throws {
        for flag in ["--version", "-V"] {
            let printed = try concord([flag])
            let lines = printed.output.split(separator: "\n").map(String.init)
            #expect(printed.status == 0)
            #expect(lines.count == 3)
            #expect(lines.first?.hasPrefix("concord ") == true)
            #expect(lines.dropFirst().first?.hasPrefix("SQLite 3.") == true)
            #expect(lines.last == "schema \(StoreSchema.migrator.migrations.last ?? "") (\(StoreSchema.migrator.migrations.count) migrations)")
        }
        #expect(try concord(["--db", fixture.databasePath, "--version"]).output.hasPrefix("concord "))
    }

    @Test func topLevelHelpNamesTheStoreOptionsAndTheirVariables() throws {
        let help = try concord(["--help"])
        #expect(help.status == 0)
        for word in ["--db", "--author", "CONCORD_DB", "CONCORD_AUTHOR", "--version"] {
            #expect(help.output.contains(word), "\(word) is missing from concord --help")
        }
    }

    @Test func reorderingKeepsEverythingElseInPlace() {
        #expect(GlobalArguments.normalized(["--db", "x", "stats"]) == ["stats", "--db", "x"])
        #expect(GlobalArguments.normalized(["--db", "x", "--author", "a", "run", "stats"]) == ["run", "stats", "--db", "x", "--author", "a"])
        #expect(GlobalArguments.normalized(["--db", "x", "sql", "--", "SELECT 1"]) == ["sql", "--db", "x", "--", "SELECT 1"])
        #expect(GlobalArguments.normalized(["--db", "x"]) == ["--db", "x"])
        #expect(GlobalArguments.normalized(["stats", "--db", "x"]) == ["stats", "--db", "x"])
        #expect(GlobalArguments.normalized(["--db", "x", "nonsense"]) == ["--db", "x", "nonsense"])
    }
}
