import ArgumentParser
import ConcordBenchKit
import ConcordKit
import Foundation

/// `concord-bench extraction`: what extraction finds in a folder of texts, for a person
/// reviewing the rules, and its scores against a hand-made annotation.
struct ExtractionReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extraction",
        abstract: "Print what extraction finds in texts, or score it against an annotation.",
        subcommands: [Dump.self, Score.self])

    /// `concord-bench extraction dump DIR`: every entity (kind, name, mentions, date, place,
    /// aliases) and relation extraction finds in each text of DIR.
    struct Dump: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the graph extraction finds in each text of a folder.")

        @Argument(help: "A folder of .txt files (e.g. seeds).")
        var folder: String

        @Option(help: "Only the files whose names start with this.")
        var only = ""

        func run() throws {
            for file in try SeedCorpus.files(in: folder) where file.name.hasPrefix(only) {
                let parsed = DocumentReader().read(text: file.text, sourceName: file.name)
                let graph = GraphExtractor().extract(parsed, documentID: "doc:dump")
                print(GraphListing(name: file.name, paragraphCount: parsed.paragraphs.count, graph: graph).text)
            }
        }
    }

    /// `concord-bench extraction score DIR`: recall and precision per annotated file.
    struct Score: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score extraction against an annotation folder (Tests/Fixtures/README.md).")

        @Argument(help: "The annotation folder: annotations.json, or dev.json with dev-relations.json.")
        var folder: String

        @Option(help: "The folder of the annotated texts (default: the annotation folder).")
        var texts: String?

        @Flag(help: "Also list missed and unexpected entities and relations.")
        var details = false

        func run() throws {
            let annotation = try ExtractionAnnotation(folder: folder, textDirectory: texts)
            for file in annotation.files {
                let score = ExtractionScore(file: file.name, text: try annotation.text(of: file), gold: file)
                print(score)
                guard details else { continue }
                for (label, items) in [("missed", score.missedEntities), ("not in gold", score.spuriousEntities),
                                       ("missed relation", score.missedRelations), ("relation not in gold", score.spuriousRelations)] {
                    for item in items { print("  \(label): \(item)") }
                }
            }
        }
    }
}

/// The text listing of one document's extracted graph, sorted for reading and diffing.
struct GraphListing {
    var name: String
    var paragraphCount: Int
    var graph: ExtractedGraph

    var text: String {
        let names = Dictionary(graph.entities.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        var lines = ["== \(name): \(paragraphCount) paragraphs, \(graph.entities.count) entities, \(graph.relations.count) relations"]
        for entity in graph.entities.sorted(by: { ($0.kind.rawValue, $0.name) < ($1.kind.rawValue, $1.name) }) {
            let aliases = graph.aliases.filter { $0.entityID == entity.id }.map(\.alias)
            let count = graph.mentions.filter { $0.entityID == entity.id }.count
            lines.append("  \(entity.kind.rawValue) \(entity.name) [\(count)] \(entity.date ?? "") \(entity.place ?? "") | "
                + aliases.joined(separator: " ; "))
        }
        for relation in graph.relations {
            lines.append("  > \(names[relation.subjectID] ?? "?") \(relation.predicate) \(names[relation.objectID] ?? "?") @\(relation.paragraphID ?? "")")
        }
        return lines.joined(separator: "\n")
    }
}
