import Foundation
import Testing
@testable import ConcordKit

/// Replays the command-line fuzzer's seed corpus and every crash reproducer it found
/// (`Tests/FuzzCorpus/command-line/` and its `regressions/`) through ``CommandLineProbe``,
/// the code path the fuzz target runs (see `Tests/FuzzCorpus/README.md`).
///
/// Seed files are named for what the prompt must do with them: `ok-` lines parse into
/// their command, `help-` lines show help, `bad-` lines are refused with a one-line
/// message, `partial-` lines are half-typed (their completion is checked). A crash here
/// is a regression of a bug the fuzzer once found.
@Suite struct CommandParserFuzzRegressionTests {
    static let corpus = TestKnowledgeBase.repositoryRoot + "/Tests/FuzzCorpus/command-line"

    static func files(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") && $0 != "regressions" }.sorted()
    }

    static var seedFiles: [String] { files(in: corpus) }
    static var reproducers: [String] { files(in: corpus + "/regressions") }

    static func bytes(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test func theCorpusCoversEachKindOfLine() {
        for prefix in ["ok-", "help-", "bad-", "partial-"] {
            #expect(Self.seedFiles.filter { $0.hasPrefix(prefix) }.count >= 3, "too few \(prefix) seeds")
        }
    }

    @Test(arguments: seedFiles)
    func seedLineHasTheOutcomeItsNameSays(name: String) throws {
        let line = try Self.bytes(Self.corpus + "/" + name)
        let outcome = CommandLineProbe.probe(bytes: line).outcome
        let firstWord = String(decoding: line, as: UTF8.self).split(whereSeparator: \.isWhitespace).first.map(String.init)
        switch name {
        case _ where name.hasPrefix("ok-"):
            #expect(outcome == .parsed(command: firstWord ?? ""))
        case _ where name.hasPrefix("help-"):
            var isHelp = outcome == .showsHelp(command: firstWord ?? "")
            if case .help = outcome { isHelp = true }
            #expect(isHelp, "\(outcome)")
        case _ where name.hasPrefix("bad-"):
            guard case let .refused(message) = outcome else {
                Issue.record("\(name) was not refused: \(outcome)")
                return
            }
            #expect(!message.isEmpty && !message.contains("\n"), "\(message)")
        case "quit.txt":
            #expect(outcome == .quit)
        case "comment.txt", "blank.txt":
            #expect(outcome == .ignored)
        default:
            #expect(name.hasPrefix("partial-"), "\(name) does not say what it should do")
        }
    }

    @Test(arguments: reproducers)
    func reproducerGivesAnOutcome(name: String) throws {
        let result = CommandLineProbe.probe(bytes: try Self.bytes(Self.corpus + "/regressions/" + name))
        if case let .refused(message) = result.outcome {
            #expect(!message.isEmpty && !message.contains("\n"), "\(message)")
        }
    }

    @Test func halfTypedSeedsCompleteAsAtThePrompt() throws {
        func candidates(_ file: String) throws -> [String] {
            CommandLineProbe.probe(bytes: try Self.bytes(Self.corpus + "/" + file)).completion.candidates
        }
        #expect(try candidates("partial-command.txt").contains("links"))
        #expect(try candidates("partial-option.txt") == ["--kind"])
        #expect(try candidates("partial-kind-value.txt") == ["person"])
        #expect(try candidates("partial-predicate.txt").allSatisfy { $0.hasPrefix("rep") })
    }

    /// Lines the dispatcher refuses before parsing are refused by the probe the same way.
    @Test func invalidTextIsRefusedBeforeParsing() {
        let invalid = CommandLineProbe.probe(bytes: Array("show ".utf8) + [0xFF, 0xFE]).outcome
        #expect(invalid == .refused(message: CommandError.notText.localizedDescription))
        let long = CommandLineProbe.probe(line: "show " + String(repeating: "a", count: CommandDispatcher.maximumLineLength)).outcome
        #expect(long == .refused(message: CommandError.lineTooLong(length: CommandDispatcher.maximumLineLength + 5,
                                                                   limit: CommandDispatcher.maximumLineLength).localizedDescription))
    }
}
