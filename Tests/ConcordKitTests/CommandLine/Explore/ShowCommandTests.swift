import Foundation
import Testing
@testable import ConcordKit

@Suite struct ShowCommandTests {
    let session: ExploreSession

    init() throws { session = try ExploreSession.fixture() }

    @Test func theMergedDuplicatesAliasesRelationsAndNotesShowOnThePage() {
        let printed = session.run("show OHCHR")
        #expect(printed.succeeded)
        #expect(printed.output == """
            Office of the United Nations High Commissioner for Human Rights  (body)
              id        body:0000000000000002
              aliases   OHCHR; UN Human Rights Office; the Office
              summary   Supports the treaty bodies.
              place     Geneva
              website   https://www.ohchr.org
              mentions  2, first in 900:¶2 (CMW/C/SR.999)
              merged    body:0000000000000003

            relations
              ← held_by     informal consultation  by hand
              ← represents  Mr. Lewis              900:¶2

            notes
              2024-05-01  alice
                Check the 2011 report.

            tags
              #priority (bob, 2024-05-02)

            """)
        #expect(printed.output.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test func theMergedIdShowsTheEntityItWasMergedInto() {
        #expect(session.run("show \(ExploreFixture.ohchrDuplicate)").output == session.run("show OHCHR").output)
    }

    @Test func jsonIsOneObjectWithRelationsAndProvenance() throws {
        let printed = session.run("show 'Mr. Lewis' --json")
        let lines = printed.output.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(String(lines[0]) == """
            {"aliases":[],"attributes":{"role":"Representative"},"date":null,"first_seen":{"document":"900_fixture.txt","number":2,"paragraph":3,"symbol":"CMW/C/SR.999"},"id":"person:0000000000000002","kind":"person","mentions":1,"merged":[],"name":"Mr. Lewis","notes":[],"place":null,"relations":[{"direction":"out","evidence":null,"id":"body:0000000000000002","kind":"body","name":"Office of the United Nations High Commissioner for Human Rights","origin":"extracted","predicate":"represents","relation":"relation:cbea587d79eef820","source":{"document":"900_fixture.txt","number":2,"paragraph":3,"symbol":"CMW/C/SR.999"}},{"direction":"out","evidence":null,"id":"event:0000000000000001","kind":"event","name":"999th meeting","origin":"extracted","predicate":"spoke_at","relation":"relation:21c1a9d22b128949","source":{"document":"900_fixture.txt","number":2,"paragraph":3,"symbol":"CMW/C/SR.999"}}],"summary":"Representative of OHCHR"}
            """)
    }

    @Test func deletedRelationsAndEntitiesAreHidden() {
        let printed = session.run("show CMW")
        #expect(!printed.output.contains("Ghost"))
        #expect(!printed.output.contains("Lewis"))
        #expect(session.run("show 'Mr. Ghost'").succeeded == false)
    }

    @Test func unknownNamesSuggestTheClosestOneInOneLine() {
        let printed = session.run("show Lewsi")
        #expect(!printed.succeeded)
        #expect(printed.errors == "error: no entity matches 'Lewsi' — did you mean Mr. Lewis (person:0000000000000002)?\n")
    }

    @Test func wholeWordsOfALongerNameResolveWhenUnique() {
        #expect(session.run("show Landazuri").output.hasPrefix("Ms. Landázuri de Mora  (person)\n"))
    }
}
