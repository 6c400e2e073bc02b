import Foundation
import Testing
@testable import ConcordKit

@Suite struct FindAndMentionsCommandTests {
    let session: ExploreSession

    init() throws { session = try ExploreSession.fixture() }

    @Test func findPrintsKindIdAndNameAligned() {
        #expect(session.run("find Landazuri").output == "person  person:0000000000000001  Ms. Landázuri de Mora\n")
        #expect(session.run("find 'UN Human Rights'").output == """
            body  body:0000000000000002  Office of the United Nations High Commissioner for…

            """)
        #expect(session.run("find zzzzzz").output == "no entity matches zzzzzz\n")
    }

    @Test func findJSONSaysHowEachNameMatched() {
        #expect(session.run("find Lewsi --json").output == """
            {"distance":1,"id":"person:0000000000000002","kind":"person","match":"fuzzy","matched":"Mr. Lewis","name":"Mr. Lewis"}

            """)
        #expect(session.run("find Migrant --kind instrument --json").output.split(separator: "\n").count == 1)
    }

    @Test func mentionsHighlightTheWordsWithoutColourOffATerminal() {
        #expect(session.run("mentions OHCHR").output == """
            900:¶2  CMW/C/SR.999
                Mr. Lewis («OHCHR») said that the «Office of the United Nations High
                Commissioner for Human Rights» supported the Committee.

            """)
    }

    @Test func mentionsJSONGivesCodePointOffsets() throws {
        let line = session.run("mentions Landazuri --json").output
        #expect(line == """
            {"entity":"person:0000000000000001","mentions":[{"end":38,"start":17,"surface":"Ms. Landázuri de Mora"}],"source":{"document":"900_fixture.txt","number":1,"paragraph":2,"symbol":"CMW/C/SR.999"},"text":"The Chairperson, Ms. Landázuri de Mora, opened the 999th meeting of the Committee on the Protection of the Rights of All Migrant Workers and Members of Their Families."}

            """)
    }

    @Test func mentionsRespectTheLimit() {
        #expect(session.run("mentions CMW --limit 1 --json").output.split(separator: "\n").count == 1)
        #expect(session.run("mentions CMW --json").output.split(separator: "\n").count == 2)
    }
}
