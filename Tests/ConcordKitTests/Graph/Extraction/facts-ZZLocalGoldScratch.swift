import Foundation
import Testing
@testable import ConcordKit

@Suite struct ZZLocalGoldScratch {
    @Test func score() throws {
        let dir = "/work/shared/gold"
        let entities = try JSONDecoder().decode(GoldStandardTests.GoldFile<GoldStandardTests.GoldEntity>.self, from: Data(contentsOf: URL(fileURLWithPath: dir + "/dev.json")))
        let relations = try JSONDecoder().decode(GoldStandardTests.GoldFile<GoldStandardTests.GoldRelation>.self, from: Data(contentsOf: URL(fileURLWithPath: dir + "/dev-relations.json")))
        for file in entities.files.keys.sorted() where file.hasPrefix("000") || file.hasPrefix("001") {
            let score = try GoldStandardTests.score(file: file, gold: entities.files[file] ?? [], goldRelations: relations.files[file] ?? [])
            print("GOLD \(score)")
            print("  missed: " + score.missed.joined(separator: "; "))
            print("  spurious: " + score.spurious.joined(separator: "; ")); print("  twice: \(score.doubleMatched)")
        }
    }
}
@Suite struct ZZLocalDebug {
    @Test func conventions() throws {
        let text = try String(contentsOfFile: TestKnowledgeBase.repositoryRoot + "/seeds/001_00b77f0ff9f3c736.txt", encoding: .utf8)
        let graph = GraphExtractor().extract(DocumentReader().read(text: text, sourceName: "001"), documentID: "doc:x")
        for alias in graph.aliases where alias.alias.lowercased() == "the convention" {
            print("DBG", graph.entities.first { $0.id == alias.entityID }?.name ?? "?")
        }
        for m in graph.mentions where m.surfaceText.lowercased() == "the convention" {
            let name = graph.entities.first { $0.id == m.entityID }?.name ?? "?"
            if !name.hasPrefix("International Convention on the Protection") { print("DBGM", m.paragraphID, name) }
        }
    }
}
