import Foundation
import Testing
@testable import ConcordKit

@Suite struct TimelineDocStatsCommandTests {
    let session: ExploreSession

    init() throws { session = try ExploreSession.fixture() }

    @Test func timelineIsInDateOrderWithUndatedLast() {
        #expect(session.run("timeline").output == """
            2011-04-04/2011-04-08  fourteenth session
            2011-04-07             999th meeting, Geneva
            undated                informal consultation

            """)
        #expect(session.run("timeline CMW").output == """
            2011-04-04/2011-04-08  fourteenth session (held_by)
            2011-04-07             999th meeting, Geneva (held_by)

            """)
        #expect(session.run("timeline OHCHR --json").output == """
            {"date":null,"id":"event:0000000000000003","name":"informal consultation","place":null,"predicates":["held_by"]}

            """)
    }

    @Test func docPrintsTheHeaderThenNumberedParagraphsWithHeadingsMarked() {
        #expect(session.run("doc 900").output == """
            CMW/C/SR.999  900
            Summary record of the 999th meeting
            summary record · 2011-04-07 · meeting 10:00–13:00 · 5 paragraphs · 900_fixture.txt

            § Opening of the session  900:#1

            900:¶1
                The Chairperson, Ms. Landázuri de Mora, opened the 999th meeting of the
                Committee on the Protection of the Rights of All Migrant Workers and Members
                of Their Families.

            900:¶2  — Mr. Lewis (Office of the United Nations High Commissioner for Human R…
                Mr. Lewis (OHCHR) said that the Office of the United Nations High
                Commissioner for Human Rights supported the Committee.

            900:¶3  — Mr. Lewis (Office of the United Nations High Commissioner for Human R…
                Mexico ratified the International Convention on the Protection of the Rights
                of All Migrant Workers.

            900:#5  (footnote)
                See A/66/253.

            """)
    }

    @Test func docReadsOneParagraphByNumberOrOrdinal() {
        let byAddress = session.run("doc 900:2").output, byArgument = session.run("doc CMW/C/SR.999 2").output
        #expect(byAddress == byArgument)
        #expect(byAddress.hasSuffix("900:¶2  — Mr. Lewis (Office of the United Nations High Commissioner for Human R…\n    Mr. Lewis (OHCHR) said that the Office of the United Nations High\n    Commissioner for Human Rights supported the Committee.\n"))
        #expect(session.run("doc 900 '#1' --json").output == """
            {"document":"900_fixture.txt","kind":"heading","number":null,"paragraph":1,"section":null,"symbol":"CMW/C/SR.999","text":"Opening of the session"}

            """)
        let missing = session.run("doc 900:42")
        #expect(!missing.succeeded)
        #expect(missing.errors.hasPrefix("error: no paragraph '900:42'"))
    }

    @Test func statsCountsLiveCanonicalThingsAndListsDocuments() throws {
        let output = session.run("stats").output
        #expect(output.hasPrefix("""
            documents         7
            """))
        #expect(output.contains("entities          9  body 2, person 2, instrument 1, event 3, state 1\n"))
        #expect(output.contains("relations         7  held_by 3, chaired 1, ratified 1, represents 1, spoke_at 1\n"))
        #expect(output.contains("mentions          9\n"))
        #expect(output.contains("annotations       2  notes 1, tags 1\n"))
        let fixtureLine = output.split(separator: "\n").first { $0.hasPrefix("  900  5 ¶") }
        #expect(fixtureLine?.hasSuffix("CMW/C/SR.999 · 2011-04-07 · summary record") == true)
        let json = session.run("stats --json").output
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["documents"] as? Int == 7)
        #expect((object["entities"] as? [String: Int])?["event"] == 3)
        #expect((object["document_list"] as? [[String: Any]])?.map { $0["label"] as? String }.contains("004") == true)
    }
}
