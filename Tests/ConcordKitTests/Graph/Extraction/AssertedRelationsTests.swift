import Testing
@testable import ConcordKit

/// Relations only where a sentence asserts them: modality, negation and questions state
/// no `ratified`; lists give one relation per member; "the Convention" means the
/// convention the paragraph names, not a default.
@Suite struct AssertedRelationsTests {
    static let cmw = ExtractionFixture.migrantWorkersConvention
    static let cmwCommittee = "The Committee on Migrant Workers met."

    func statements(_ sentence: String) -> Set<String> {
        ExtractionFixture.statements(ExtractionFixture.extract([Self.cmwCommittee, sentence]))
    }

    @Test func aStatedRatificationIsAFact() {
        #expect(statements("Albania had ratified the International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families in 2007.")
            .contains("Albania ratified \(Self.cmw)"))
    }

    @Test(arguments: [
        "Albania had been one of the first States to ratify the Convention.",
        "Albania was the only country to ratify the Convention that year.",
    ])
    func anInfinitiveAfterASuperlativeStatesTheAct(_ sentence: String) {
        #expect(statements(sentence).contains("Albania ratified \(Self.cmw)"))
    }

    @Test(arguments: [
        "The Committee had sent letters to encourage Spain to ratify the Convention.",
        "The Committee encouraged Spain to ratify the Convention.",
        "Ms. Dicko asked whether Spain had ratified the Convention.",
        "Had Spain ratified the Convention?",
        "Spain had not yet ratified the Convention.",
        "Spain intended to ratify the Convention.",
        "Spain would ratify the Convention shortly.",
        "Spain was considering ratifying the Convention.",
        "Spain had yet to ratify the Convention.",
        "It was not clear if Spain had ratified the Convention.",
    ])
    func modalityNegationAndQuestionsStateNoRatification(_ sentence: String) {
        let found = statements(sentence)
        #expect(!found.contains { $0.hasPrefix("Spain ratified") }, "\(sentence) → \(found)")
        #expect(!found.contains { $0.hasPrefix("Spain signed") })
    }

    @Test func anExhortationGivesTheWeakerPredicateForEachStateListed() {
        let found = statements("The Committee encouraged Spain and Italy to ratify the Convention.")
        #expect(found.contains("Spain urged_to_ratify \(Self.cmw)"))
        #expect(found.contains("Italy urged_to_ratify \(Self.cmw)"))
        #expect(!found.contains { $0.contains(" ratified ") })
    }

    @Test func aListOfStatesGivesOneRelationEach() {
        let found = statements("Albania, Ecuador and Mexico had ratified the Convention, and Chile had signed it.")
        for state in ["Albania", "Ecuador", "Mexico"] {
            #expect(found.contains("\(state) ratified \(Self.cmw)"), "\(state): \(found)")
        }
    }

    @Test func aPassiveListOfStatesGivesOneRelationEach() {
        let found = statements("By 2020 the Convention had been ratified by Albania, Ecuador and Mexico and signed by Chile.")
        for state in ["Albania", "Ecuador", "Mexico"] {
            #expect(found.contains("\(state) ratified \(Self.cmw)"), "\(state): \(found)")
        }
        #expect(!statements("The Convention had not yet been ratified by Spain.").contains { $0.hasPrefix("Spain ratified") })
    }

    @Test func theConventionAfterAnotherConventionsTitleStatesNoRelation() {
        let graph = ExtractionFixture.extract([
            Self.cmwCommittee,
            "The ILO had adopted the Domestic Workers Convention, 2011 (No. 189). The International Labour Organization had adopted the Convention after long debate.",
            "Chile had ratified the Convention in 2005.",
        ])
        let found = ExtractionFixture.statements(graph)
        #expect(!found.contains { $0.contains("adopted \(Self.cmw)") }, "\(found)")
        #expect(found.contains("International Labour Organization adopted Domestic Workers Convention, 2011 (No. 189)"))
        // Where nothing else is named, the Committee's documents mean its own treaty.
        #expect(found.contains("Chile ratified \(Self.cmw)"))
    }

    @Test func withoutATreatyBodyTheConventionIsTheOneLastNamed() {
        let graph = ExtractionFixture.extract([
            "The Domestic Workers Convention, 2011 (No. 189) entered into force in 2013.",
            "Chile had ratified the Convention in 2015.",
        ])
        #expect(ExtractionFixture.statements(graph).contains("Chile ratified Domestic Workers Convention, 2011 (No. 189)"))
    }

    @Test func everyExtractedRelationCarriesItsSentence() throws {
        let graph = ExtractionFixture.extract([
            Self.cmwCommittee,
            "The Committee met in May. Albania had ratified the Convention in 2007. Nothing else was said.",
        ])
        let relation = try #require(graph.relations.first { $0.predicate == "ratified" })
        #expect(relation.evidence == "Albania had ratified the Convention in 2007.")
        #expect(relation.source == "extracted")
        #expect(graph.relations.allSatisfy { $0.evidence != nil && $0.source == "extracted" })
    }
}
