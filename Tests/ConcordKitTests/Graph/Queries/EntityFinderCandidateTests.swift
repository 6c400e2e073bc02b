import GRDB
import Testing
@testable import ConcordKit

/// How `find` picks its candidates from the trigram index when many names share the text
/// or its pieces (``EntityFinder/PieceRows``), and that it reads only the winners' records.
@Suite struct EntityFinderCandidateTests {
    /// `count` events named "<word> Session 2021" with distinct invented words, and the few named entities given.
    static func knowledgeBase(sessions count: Int, plus extra: [Entity] = []) throws -> KnowledgeBase {
        let knowledgeBase = try TestKnowledgeBase.empty()
        try knowledgeBase.write("add") { db in
            for index in 0..<count {
                let word = "Ba" + String(index, radix: 26).map { String(UnicodeScalar(UInt8(97 + Int(String($0), radix: 26)!))) }.joined()
                try Entity(id: String(format: "event:%016x", index), kind: .event, name: "\(word) Session 2021").insert(db)
            }
            for entity in extra { try entity.insert(db) }
        }
        return knowledgeBase
    }

    func find(_ text: String, limit: Int = 20, in knowledgeBase: KnowledgeBase) throws -> [EntityFinder.Match] {
        try knowledgeBase.read { db in try EntityFinder().find(text, limit: limit, in: db) }
    }

    @Test func aRarePieceFindsTheOnlyNameHoldingTheWholeTextAmongManyHoldingItsCommonPieces() throws {
        let loner = Entity(id: "person:00000000000000c1", kind: .person, name: "Ms. Zoqu Sessionwise")
        let knowledgeBase = try Self.knowledgeBase(sessions: 450, plus: [loner])
        let rows = try knowledgeBase.read { db in try EntityFinder.PieceRows("zoqusession", in: db) }
        // Pieces "zoq", "uses" and "sion": the first two are rare (read completely), "sion" is
        // held by more than 400 names; only the loner holds both rare ones.
        #expect(EntityFinder.pieces(of: "zoqusession") == ["zoq", "uses", "sion"])
        #expect(rows.pieces.map(\.isComplete) == [true, true, false])
        #expect(rows.rowsHoldingEveryPiece?.count == 1)
        let found = try find("zoqu session", in: knowledgeBase)
        #expect(found.first?.entity.id == loner.id)
        #expect(found.first?.quality == .wordPrefix)
        // The rest are typos' worth away ("Baoq Session 2021" holds "aoqsession", 2 edits from "zoqusession").
        #expect(found.dropFirst().allSatisfy { $0.quality == .fuzzy && $0.distance <= 2 })
    }

    @Test func aTextEveryPieceOfWhichIsCommonIsFollowedOnlyPartlyButFillsTheList() throws {
        let knowledgeBase = try Self.knowledgeBase(sessions: 450)
        let rows = try knowledgeBase.read { db in try EntityFinder.PieceRows("2021", in: db) }
        #expect(rows.pieces.allSatisfy { !$0.isComplete })
        #expect(rows.rowsHoldingEveryPiece == nil)
        let found = try find("2021", limit: 30, in: knowledgeBase)
        #expect(found.count == 30)
        #expect(found.allSatisfy { $0.quality == .wordPrefix && $0.matchedName.hasSuffix("Session 2021") })
        // Best first: the shortest names, then the smallest ids, among the names read.
        let lengths = found.map(\.entity.name.count)
        #expect(lengths == lengths.sorted())
    }

    @Test func aLongTextEveryPieceOfWhichIsCommonIsFoundAmongTheRowsReadForEveryPiece() throws {
        let knowledgeBase = try Self.knowledgeBase(sessions: 450)
        let rows = try knowledgeBase.read { db in try EntityFinder.PieceRows("session2021", in: db) }
        #expect(EntityFinder.pieces(of: "session2021") == ["ses", "sion", "2021"])
        #expect(rows.rowsHoldingEveryPiece == nil)
        #expect(rows.rowsReadForEveryPiece.count == EntityFinder.fuzzyCandidateLimit)
        let found = try find("Session 2021", in: knowledgeBase)
        #expect(found.count == 20)
        #expect(found.allSatisfy { $0.quality == .wordPrefix })
    }

    @Test func aMisspeltNameAmongManyNamesSharingItsPiecesIsFoundByItsRarestPiece() throws {
        let target = Entity(id: "event:f0000000000000ff", kind: .event, name: "Zoqubaxe Session 2021")
        let knowledgeBase = try Self.knowledgeBase(sessions: 450, plus: [target])
        let found = try find("Zoqubaxe Sesion 2021", in: knowledgeBase)
        #expect(found.first?.entity.id == target.id)
        #expect(found.first?.quality == .fuzzy)
        #expect(found.first?.distance == 1)
    }

    @Test func onlyTheReturnedEntitiesAreReadWhole() throws {
        let knowledgeBase = try Self.knowledgeBase(sessions: 120)
        var statements: [String] = []
        let found = try knowledgeBase.read { db in
            db.trace(options: .statement) { event in
                if case let .statement(statement) = event { statements.append(statement.expandedSQL) }
            }
            defer { db.trace(options: []) }
            return try EntityFinder().find("2021", limit: 5, in: db)
        }
        #expect(found.count == 5)
        // The whole records (every column) are read once, for the five returned only.
        let wholeReads = statements.filter { $0.contains("SELECT * FROM \"entities\"") }
        #expect(wholeReads.count == 1)
        #expect(wholeReads.first?.components(separatedBy: "'event:").count == 6)
    }
}
