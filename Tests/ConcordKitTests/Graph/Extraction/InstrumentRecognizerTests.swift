import Testing
@testable import ConcordKit

@Suite struct InstrumentRecognizerTests {
    @Test func symbolsAndResolutionsAreInstruments() {
        let graph = ExtractionFixture.extract([
            "The Special Rapporteur had presented a report (A/HRC/47/30); see also CMW/C/MEX/CO/2 and www.ohchr.org/A/B/C.",
            "Pursuant to General Assembly resolutions 64/166 (sect. II) and 65/212. The report cites resolution 74/148.",
            "In its resolution 64/166, the Assembly decided.",
        ])
        let instruments = ExtractionFixture.names(graph, .instrument)
        #expect(instruments.isSuperset(of: [
            "A/HRC/47/30", "CMW/C/MEX/CO/2", "General Assembly resolution 64/166", "General Assembly resolution 65/212",
        ]))
        #expect(!instruments.contains { $0.contains("ohchr") })
        #expect(instruments.contains("Resolution 74/148"))
        #expect(ExtractionFixture.statements(graph).contains("General Assembly adopted General Assembly resolution 65/212"))
    }

    @Test func generalCommentsBelongToTheirCommittee() {
        let graph = ExtractionFixture.extract([
            "The Committee on the Protection of the Rights of All Migrant Workers and Members of Their Families met.",
            "The Committee finalized its general comment No. 5 (2021); general comment No. 5 was welcomed.",
        ])
        let name = "General comment No. 5 of the " + ExtractionFixture.migrantWorkersCommittee
        #expect(ExtractionFixture.names(graph, .instrument).contains(name))
        #expect(ExtractionFixture.aliases(graph, of: name).isSuperset(of: ["general comment No. 5 (2021)", "general comment No. 5"]))
        #expect(ExtractionFixture.entity(graph, name)?.date == "2021")
    }

    @Test func labourConventionsLawsReportsAndCommunications() {
        let graph = ExtractionFixture.extract([
            "States should ratify the Domestic Workers Convention, 2011 (No. 189) and apply Law No. 23/2007.",
            "The Committee had considered the second periodic report of Rwanda.",
            "Views adopted by the Human Rights Committee on communication No. 2728/2016 (Teitiota v. New Zealand).",
        ])
        let instruments = ExtractionFixture.names(graph, .instrument)
        #expect(instruments.isSuperset(of: [
            "Domestic Workers Convention, 2011 (No. 189)", "Law No. 23/2007", "Second periodic report of Rwanda",
            "Communication No. 2728/2016 (Teitiota v. New Zealand)",
        ]))
        let statements = ExtractionFixture.statements(graph)
        #expect(statements.contains("Rwanda submitted Second periodic report of Rwanda"))
        #expect(statements.contains("Human Rights Committee adopted Communication No. 2728/2016 (Teitiota v. New Zealand)"))
        #expect(statements.contains("Communication No. 2728/2016 (Teitiota v. New Zealand) refers_to New Zealand"))
    }
}
