import Foundation
import Testing
@testable import ConcordKit

/// List commands in a pipe print whole tab-separated lines with a header, never a table cut
/// with "…"; colour and width follow `NO_COLOR` and `COLUMNS`.
@Suite struct PipeOutputTests {
    let fixture: ReplFixture

    init() throws {
        fixture = try ReplFixture()
    }

    func concord(_ arguments: [String]) throws -> ConcordProcess.Result {
        try ConcordProcess.run(["--db", fixture.databasePath] + arguments, environment: fixture.environment.merging(["COLUMNS": "40"]) { $1 })
    }

    struct EntityLine: Decodable {
        var id: String
        var kind: String
        var name: String
    }

    @Test func entitiesInAPipeListsEveryEntityWhole() throws {
        let piped = try concord(["entities"])
        #expect(piped.status == 0, "\(piped.errors)")
        let lines = piped.output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        #expect(lines.first == "kind\tname\tid\tmentions")
        let expected = try concord(["entities", "--json"]).output.split(separator: "\n")
            .map { try JSONDecoder().decode(EntityLine.self, from: Data($0.utf8)) }
        #expect(expected.count > 40, "the fixture has more entities than a screen")
        #expect(lines.count == expected.count + 1)
        let rows = Set(lines.dropFirst().map { $0.split(separator: "\t").prefix(3).joined(separator: "\t") })
        for entity in expected {
            #expect(rows.contains("\(entity.kind)\t\(entity.name)\t\(entity.id)"), "\(entity.name) is missing or cut")
        }
    }

    @Test(arguments: [
        (["relations"], "subject\tpredicate\tobject\twhere"),
        (["find", "Zanzibar"], "kind\tid\tname\tmatched"),
        (["search", "committee"], "document\tparagraph\tsymbol\tsnippet"),
        (["log"], "when (UTC)\twho\tchange\twhat"),
    ])
    func listCommandsInAPipeAreTabSeparatedWithAHeader(arguments: [String], header: String) throws {
        let piped = try concord(arguments)
        #expect(piped.status == 0, "\(piped.errors)")
        let lines = piped.output.split(separator: "\n").map(String.init)
        #expect(lines.first == header)
        #expect(lines.count > 1)
        let columns = header.split(separator: "\t").count
        for line in lines {
            #expect(line.split(separator: "\t", omittingEmptySubsequences: false).count == columns, "\(line)")
            // A search snippet is an excerpt by design (its « » and … come from FTS5); other cells are whole.
            if arguments.first != "search" { #expect(!line.hasSuffix("…")) }
        }
    }

    @Test func notesAndTimelineInAPipeAreTabSeparated() throws {
        _ = try concord(["run", #"note ZLC "a note long enough that a forty-column table would have to cut it short""#])
        let notes = try concord(["notes"]).output.split(separator: "\n").map(String.init)
        #expect(notes.first == "created\tauthor\ttarget\tnote")
        #expect(notes.last?.hasSuffix("a note long enough that a forty-column table would have to cut it short") == true)
        let timeline = try concord(["timeline"]).output.split(separator: "\n").map(String.init)
        #expect(timeline.first == "date\tevent\tplace\tties" || timeline == ["no events yet"])
    }

    @Test func noColorCountsOnlyWhenSetAndNotEmpty() {
        #expect(Console.colorAllowed(by: [:]))
        #expect(Console.colorAllowed(by: ["NO_COLOR": ""]))
        #expect(!Console.colorAllowed(by: ["NO_COLOR": "1"]))
        #expect(!Console.colorAllowed(by: ["NO_COLOR": "0"]))
    }

    @Test func columnsSetsTheTableWidth() {
        #expect(Console.terminalWidth(of: -1, environment: ["COLUMNS": "132"]) == 132)
        #expect(Console.terminalWidth(of: -1, environment: ["COLUMNS": "wide"]) == 80)
        #expect(Console.terminalWidth(of: -1, environment: [:]) == 80)
    }
}
