import Testing
@testable import ConcordKit

/// Names as printed, repaired: non-breaking and soft hyphens, OCR letter spacing,
/// titles wrapped onto the next line, glued cover-page lines, people introduced by
/// their title without an honorific, and cities that hold a State's name.
@Suite struct RepairedNamesTests {
    @Test func aNonBreakingHyphenKeepsNamesAndOrdinalsWhole() {
        let graph = ExtractionFixture.extract([
            "The Committee on Migrant Workers held its ninety\u{2011}third session.",
            "Ms. Kyung\u{2011}wha Kang addressed the Committee.",
        ])
        let people = ExtractionFixture.names(graph, .person)
        #expect(people.contains("Ms. Kyung-wha Kang"), "\(people)")
        #expect(!people.contains("Ms. Kyung"))
        let events = ExtractionFixture.names(graph, .event)
        #expect(events.contains { $0.hasPrefix("Ninety-third session") }, "\(events)")
        #expect(!events.contains { $0.hasPrefix("Third session") })
    }

    @Test func mentionsOfRepairedTextPointIntoTheStoredText() throws {
        let text = "Ms. Kyung\u{00AD}wha Kang spoke for Chile."
        let graph = ExtractionFixture.extract([text])
        let chile = try #require(ExtractionFixture.entity(graph, "Chile"))
        let mention = try #require(graph.mentions.first { $0.entityID == chile.id })
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[mention.startOffset..<mention.endOffset])) == "Chile")
        #expect(ExtractionFixture.names(graph, .person).contains("Ms. Kyungwha Kang"))
    }

    @Test func ocrLetterSpacingInATitleIsMended() {
        let graph = ExtractionFixture.extract([
            "Chile had ratified the International Convention on the Elimination of A ll Forms of Racial Discrimination.",
        ])
        let instruments = ExtractionFixture.names(graph, .instrument)
        #expect(!instruments.contains("Convention on the Elimination of A"))
        #expect(instruments.contains { $0.contains("All Forms of Racial Discrimination") }, "\(instruments)")
    }

    @Test func aTitleWrappedOntoTheNextLineIsTheWholeBody() {
        let graph = ExtractionFixture.extract([
            "Committee on the Protection of the Rights of All",
            "Migrant Workers and Members of Their Families",
        ])
        let bodies = ExtractionFixture.names(graph, .body)
        #expect(!bodies.contains("Committee on the Protection of the Rights of All"))
        #expect(bodies.contains(ExtractionFixture.migrantWorkersCommittee), "\(bodies)")
    }

    @Test func aGluedCoverPageLineIsNotPartOfTheName() {
        let graph = ExtractionFixture.extract(["Original: English Human Rights Council Fifty-second session"])
        let bodies = ExtractionFixture.names(graph, .body)
        #expect(!bodies.contains { $0.hasPrefix("English") }, "\(bodies)")
    }

    @Test func aTitleThenACommaIntroducesAPerson() {
        let graph = ExtractionFixture.extract([
            "The report was presented by the Special Rapporteur on the human rights of migrants, Felipe González Morales, in June.",
        ])
        #expect(ExtractionFixture.names(graph, .person).contains("Felipe González Morales"))
    }

    @Test func aNationalLawCitedByDateAndSubjectIsAnInstrument() {
        let graph = ExtractionFixture.extract([
            "Belgium had adopted the Act of 21 February 2013 on the protection of foreign workers, which entered into force in May.",
        ])
        #expect(ExtractionFixture.names(graph, .instrument).contains("Act of 21 February 2013 on the protection of foreign workers"))
    }

    @Test func aCityHoldingAStatesNameIsNotTheState() {
        let graph = ExtractionFixture.extract(["The Committee on Migrant Workers took part in a regional consultation held in Santiago de Chile on 3 May 2019."])
        #expect(!ExtractionFixture.names(graph, .state).contains("Chile"))
        let consultation = graph.entities.first { $0.kind == .event }
        #expect(consultation?.place == "Santiago de Chile", "\(graph.entities)")
        #expect(!ExtractionFixture.statements(graph).contains { $0.contains("held_in") })
    }
}

/// A document's symbol and its title are one entity: the symbol's, with the title as an alias.
@Suite struct OwnSymbolTests {
    @Test func theSymbolAndTitleOfTheDocumentAreOneEntity() {
        let parsed = ParsedDocument(
            sourceName: "report.txt", symbol: "A/HRC/99/1", title: "Human rights of migrants",
            paragraphs: [
                ParsedParagraph(ordinal: 1, number: nil, kind: .text, section: nil, text: "A/HRC/99/1"),
                ParsedParagraph(ordinal: 2, number: nil, kind: .heading, section: nil, text: "Human rights of migrants"),
                ParsedParagraph(ordinal: 3, number: 1, kind: .text, section: nil, text: "The present report (A/HRC/99/1) is submitted pursuant to Human Rights Council resolution 43/6."),
            ])
        let graph = GraphExtractor().extract(parsed, documentID: "doc:test")
        let symbol = graph.entities.filter { $0.name == "A/HRC/99/1" }
        #expect(symbol.count == 1)
        #expect(ExtractionFixture.aliases(graph, of: "A/HRC/99/1").contains("Human rights of migrants"))
    }
}
