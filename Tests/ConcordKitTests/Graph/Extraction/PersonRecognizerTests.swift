import Testing
@testable import ConcordKit

@Suite struct PersonRecognizerTests {
    @Test func honorificNamesKeepParticlesAndAccents() {
        let graph = ExtractionFixture.extract([
            "The terms of office of Ms. Landázuri de Mora and Ms. Dzumhur would expire; Mr. Ünver had been re-elected.",
        ])
        #expect(ExtractionFixture.names(graph, .person) == ["Ms. Landázuri de Mora", "Ms. Dzumhur", "Mr. Ünver"])
    }

    @Test func aFullNameAndItsHonorificFormAreOnePerson() {
        let graph = ExtractionFixture.extract([
            "The meeting would be moderated by Benjamin Lewis, a representative of the Office of the United Nations High Commissioner for Human Rights (OHCHR).",
            "Mr. Lewis said that he agreed.",
        ])
        #expect(ExtractionFixture.names(graph, .person) == ["Benjamin Lewis"])
        #expect(ExtractionFixture.aliases(graph, of: "Benjamin Lewis").isSuperset(of: ["Benjamin Lewis", "Mr. Lewis"]))
        #expect(ExtractionFixture.statements(graph).contains(
            "Benjamin Lewis represents Office of the United Nations High Commissioner for Human Rights"))
    }

    @Test func capitalisedWordPairsAreNotPeopleWithoutEvidence() {
        let graph = ExtractionFixture.extract([
            "Siberian River projects and Global Compact talks continued, said Cristina Tirado, a researcher.",
        ])
        #expect(ExtractionFixture.names(graph, .person) == ["Cristina Tirado"])
    }
}
