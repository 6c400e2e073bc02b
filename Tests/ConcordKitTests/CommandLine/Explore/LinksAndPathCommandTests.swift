import Testing
@testable import ConcordKit

@Suite struct LinksAndPathCommandTests {
    let session: ExploreSession

    init() throws { session = try ExploreSession.fixture() }

    @Test func linksListsNeighboursWithTheRelationAndItsParagraph() {
        #expect(session.run("links 'Mr. Lewis'").output == """
            Mr. Lewis  (person)
              —represents→  Office of the United Nations High Commissioner for Huma…  900:¶2
              —spoke_at→    999th meeting                                             900:¶2

            """)
    }

    @Test func linksAtDepthTwoShowTheChainInBetween() {
        let output = session.run("links 'Mr. Lewis' --depth 2").output
        #expect(output.contains("""
              ←chaired—     Ms. Landázuri de Mora                                    900:¶1
                  via —spoke_at→ 999th meeting
            """))
        #expect(output.split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(!session.run("links 'Mr. Lewis' --depth 0").succeeded)
    }

    @Test func pathPrintsTheChainWithArrowsThenEachRelationsSource() {
        #expect(session.run("path Landazuri OHCHR").output == """
            Ms. Landázuri de Mora —chaired→ 999th meeting ←spoke_at— Mr. Lewis —represents→
            Office of the United Nations High Commissioner for Human Rights
              Ms. Landázuri de Mora chaired 999th meeting                           900:¶1
              Mr. Lewis spoke_at 999th meeting                                      900:¶2
              Mr. Lewis represents Office of the United Nations High Commissioner…  900:¶2

            """)
    }

    @Test func noPathWithinTheDepthSaysSo() {
        #expect(session.run("path Landazuri OHCHR --depth 2").output
            == "no path between Ms. Landázuri de Mora and Office of the United Nations High Commissioner for Human Rights within 2 steps\n")
        #expect(session.run("path Mexico OHCHR --json").output
            == "{\"found\":false,\"from\":\"state:0000000000000001\",\"length\":0,\"steps\":[],\"to\":\"body:0000000000000002\"}\n")
    }
}
