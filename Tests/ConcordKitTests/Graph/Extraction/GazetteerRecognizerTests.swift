import Testing
@testable import ConcordKit

@Suite struct GazetteerRecognizerTests {
    @Test func findsStatesByOfficialAndShortNames() {
        let graph = ExtractionFixture.extract(["Delegations from Chile, the United States and Viet Nam spoke; Chilean experts listened."])
        #expect(ExtractionFixture.names(graph, .state) == ["Chile", "United States of America", "Viet Nam"])
        #expect(ExtractionFixture.aliases(graph, of: "United States of America").contains("United States"))
    }

    @Test func namesSurviveOCRDamage() {
        let graph = ExtractionFixture.extract([
            "The Committee on the Protection of the Rights of All Migrant Workersand Membersof Thelr Families met.",
        ])
        #expect(ExtractionFixture.names(graph, .body).contains(ExtractionFixture.migrantWorkersCommittee))
    }

    @Test func wordsAreNotJoinedIntoNamesNorCutOutOfLongerWords() {
        let graph = ExtractionFixture.extract(["I ran to the Nigerian border, where Omani nationals waited."])
        #expect(ExtractionFixture.names(graph, .state).isEmpty)
    }

    @Test func acronymsMustBePrintedInCapitals() {
        let found = ExtractionFixture.extract(["The ILO and OHCHR agreed."])
        #expect(ExtractionFixture.names(found, .body) == [
            "International Labour Organization", "Office of the United Nations High Commissioner for Human Rights",
        ])
        let lowercase = ExtractionFixture.extract(["The who and the ilo of it."])
        #expect(ExtractionFixture.names(lowercase, .body).isEmpty)
    }
}
