import Foundation
import GRDB
import Testing
@testable import ConcordKit

/// Who said what, and where each relation comes from, through the commands: `relations
/// --json` with `source` and `evidence`, `link` confirming an extracted relation and
/// `unlink` rejecting one, `doc` showing speakers, `search --speaker` / `--state`, and
/// `timeline` after a merge.
@Suite struct SpeakerAndEvidenceCommandTests {
    static let record = """
        CMW/C/SR.451
        Committee on the Protection of the Rights of All Migrant Workers and Members of Their Families
        Thirty-fourth session
        Summary record of the 451st meeting
        Held at the Palais Wilson, Geneva, on Thursday, 7 April 2022, at 3 p.m.
        Chair: Mr. Corzo Sosa

        The meeting was called to order at 3.05 p.m.

        1. The Chair said that the Committee would hear the delegation of Morocco on seasonal workers.

        2. Ms. Labiad (Morocco) said that her country had ratified the Convention in 1993.

        3. Her Government protected seasonal workers in agriculture through bilateral agreements.

        4. Mr. Ruiz (Mexico) said that seasonal workers from Mexico also needed protection.

        The meeting rose at 5.55 p.m.
        """

    struct RelationLine: Decodable {
        var subject: String
        var predicate: String
        var object: String
        var source: String
        var evidence: String?
    }

    func session() throws -> ExploreSession {
        let knowledgeBase = try TestKnowledgeBase.empty()
        _ = try Ingestor().ingest(text: Self.record, sourceName: "sr451.txt", into: knowledgeBase)
        return ExploreSession(knowledgeBase: knowledgeBase)
    }

    func relations(_ session: ExploreSession, _ predicate: String) throws -> [RelationLine] {
        try session.run("relations --predicate \(predicate) --json").output.split(separator: "\n")
            .map { try JSONDecoder().decode(RelationLine.self, from: Data($0.utf8)) }
    }

    @Test func relationsJSONHasSourceAndEvidence() throws {
        let session = try session()
        let ratified = try relations(session, "ratified")
        let morocco = try #require(ratified.first)
        #expect(morocco.source == "extracted")
        #expect(morocco.evidence?.contains("her country had ratified the Convention in 1993") == true)
        let text = session.run("relations --predicate ratified --evidence", width: 200).output
        #expect(text.contains("sr451:¶2"))
        #expect(text.contains("had ratified the Convention in 1993"))
    }

    @Test func linkConfirmsAnExtractedRelationAndUnlinkRejectsOne() throws {
        let session = try session()
        let confirmed = session.run("link \"Ms. Labiad\" represents Morocco")
        #expect(confirmed.succeeded, "\(confirmed.errors)")
        #expect(confirmed.output.hasPrefix("confirmed"))
        let represents = try relations(session, "represents").filter { $0.subject.hasPrefix("person:") }
        #expect(represents.contains { $0.source == "edited" && $0.evidence != nil })
        #expect(session.run("relations --predicate represents", width: 120).output.contains("¶2 ✓"))
        #expect(session.run("unlink Morocco ratified \"International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families\"").succeeded)
        #expect(try relations(session, "ratified").isEmpty)
    }

    @Test func docShowsTheSpeakerOfEveryParagraphIncludingContinuations() throws {
        let session = try session()
        let output = session.run("doc sr451.txt", width: 120).output
        #expect(output.contains("¶1  — Mr. Corzo Sosa"))
        #expect(output.contains("¶2  — Ms. Labiad (Morocco)"))
        #expect(output.contains("¶3  — Ms. Labiad (Morocco)"))
        #expect(output.contains("¶4  — Mr. Ruiz (Mexico)"))
        // A note of procedure is nobody's statement.
        #expect(!output.contains("#7  — Mr. Ruiz"))
    }

    @Test func searchFindsWhatOneSpeakerOrOneStateSaid() throws {
        let session = try session()
        let all = session.run("search seasonal workers --json").output.split(separator: "\n")
        #expect(all.count == 3)
        let labiad = session.run("search seasonal workers --speaker \"Ms. Labiad\" --json").output.split(separator: "\n")
        #expect(labiad.count == 1)
        #expect(labiad.first?.contains("agriculture") == true)
        let mexico = session.run("search seasonal workers --state Mexico --json").output.split(separator: "\n")
        #expect(mexico.count == 1)
        #expect(mexico.first?.contains("also needed") == true)
        let chair = session.run("search seasonal workers --speaker \"Mr. Corzo Sosa\" --json").output.split(separator: "\n")
        #expect(chair.count == 1)
    }

    @Test func afterAMergeTheTimelineShowsTheMergedEventsDateAndPlace() throws {
        let session = try session()
        #expect(session.run("add event \"Spring meeting\"").succeeded)
        let merged = session.run(
            "merge \"Spring meeting\" \"451st meeting of the Committee on the Protection of the Rights of All Migrant Workers and Members of Their Families\"")
        #expect(merged.succeeded, "\(merged.errors)")
        let timeline = session.run("timeline", width: 120).output
        #expect(timeline.contains("Spring meeting"))
        #expect(timeline.contains("2022-04-07"))
    }

    @Test func aMeetingNamedBeforeItsRecordIsIngestedGetsTheRecordsDateAndPlace() throws {
        let knowledgeBase = try TestKnowledgeBase.empty()
        let earlier = "Committee on Migrant Workers\n\n1. The Committee on Migrant Workers would continue at its 451st meeting.\n"
        _ = try Ingestor().ingest(text: earlier, sourceName: "earlier.txt", into: knowledgeBase)
        _ = try Ingestor().ingest(text: Self.record, sourceName: "sr451.txt", into: knowledgeBase)
        let meeting = try knowledgeBase.read { db in
            try Entity.fetchOne(db, sql: "SELECT * FROM entities WHERE name LIKE '451st meeting of the %'")
        }
        #expect(meeting?.date == "2022-04-07")
        #expect(meeting?.place == "Palais Wilson, Geneva")
    }

    @Test func firstInIsTheEarliestDocumentWhicheverWasIngestedFirst() throws {
        let knowledgeBase = try TestKnowledgeBase.empty()
        let newer = "United Nations\nA/HRC/99/2\nDistr.: General 12 April 2022\n\n1. Chile reported on migration in 2022.\n"
        let older = "United Nations\nA/HRC/11/2\nDistr.: General 3 March 2010\n\n1. Chile reported on migration in 2010.\n"
        _ = try Ingestor().ingest(text: newer, sourceName: "newer.txt", into: knowledgeBase)
        _ = try Ingestor().ingest(text: older, sourceName: "older.txt", into: knowledgeBase)
        struct Page: Decodable {
            struct Place: Decodable { var document: String }
            var first_seen: Place?
        }
        let output = ExploreSession(knowledgeBase: knowledgeBase).run("show Chile --json").output
        let page = try JSONDecoder().decode(Page.self, from: Data(output.utf8))
        #expect(page.first_seen?.document == "older.txt")
    }
}
