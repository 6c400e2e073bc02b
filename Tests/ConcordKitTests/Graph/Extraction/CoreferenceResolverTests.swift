import Testing
@testable import ConcordKit

@Suite struct CoreferenceResolverTests {
    @Test func theCommitteeAndTheConventionAreWhatTheDocumentIsAbout() {
        let graph = ExtractionFixture.extract([
            "The Committee noted that migrant workers and their families faced risks during migration.",
            "Only 56 States had ratified the Convention; the Committee regretted it.",
        ])
        #expect(ExtractionFixture.aliases(graph, of: ExtractionFixture.migrantWorkersCommittee).isSuperset(of: ["The Committee", "the Committee"]))
        #expect(ExtractionFixture.aliases(graph, of: ExtractionFixture.migrantWorkersConvention).contains("the Convention"))
    }

    @Test func aDocumentAboutAnotherTreatyResolvesToItsOwnBody() {
        let graph = ExtractionFixture.extract([
            "The Committee examined allegations of torture and of ill-treatment, and torture in places of detention.",
        ])
        #expect(ExtractionFixture.names(graph, .body) == ["Committee against Torture"])
    }

    @Test func withoutATopicTheCommitteeStaysUnresolved() {
        let graph = ExtractionFixture.extract(["The Committee met in the afternoon and adjourned."])
        #expect(graph.entities.isEmpty)
    }

    @Test func theAssemblyIsTheGeneralAssemblyWhenTheDocumentNamesIt() {
        let graph = ExtractionFixture.extract([
            "The General Assembly adopted the text.", "The Assembly then requested a report.",
        ])
        #expect(ExtractionFixture.aliases(graph, of: "General Assembly").contains("The Assembly"))
    }
}
