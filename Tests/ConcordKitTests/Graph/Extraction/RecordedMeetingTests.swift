import Testing
@testable import ConcordKit

/// The meeting a summary record records: one event named by its number, with the
/// meeting's date, time and place from the cover page, part of its session, chaired by
/// the Chair the header names, who speaks wherever "The Chair" does.
@Suite struct RecordedMeetingTests {
    static let committee = ExtractionFixture.migrantWorkersCommittee
    static let record = [
        "United Nations CMW/C/SR.451",
        "Distr.: General 12 April 2022",
        "Original: English",
        "Committee on the Protection of the Rights of All Migrant Workers and Members of Their Families",
        "Thirty-fourth session",
        "Summary record of the 451st meeting",
        "Held at the Palais Wilson, Geneva, on Thursday, 7 April 2022, at 3 p.m.",
        "Chair: Mr. Corzo Sosa",
        "The meeting was called to order at 3.05 p.m.",
        "1. The Chair said that the Committee would consider the report of Morocco.",
        "2. Ms. Labiad (Morocco) said that her country had ratified the Convention in 1993.",
        "3. Her Government had adopted a national strategy on migration.",
        "4. Ms. Dicko (Country Rapporteur) asked whether Morocco had signed the Optional Protocol.",
        "The meeting rose at 5.55 p.m.",
    ]
    static let meeting = "451st meeting of the \(committee)"

    @Test func theRecordedMeetingIsOneEventWithItsOwnDatePlaceAndTimes() throws {
        let graph = ExtractionFixture.extract(Self.record, kind: .summaryRecord, sourceName: "sr451.txt")
        let meetings = graph.entities.filter { $0.kind == .event && $0.name.lowercased().contains("meeting") }
        #expect(meetings.map(\.name) == [Self.meeting])
        let meeting = try #require(meetings.first)
        #expect(meeting.date == "2022-04-07")
        #expect(meeting.place == "Palais Wilson, Geneva")
        #expect(ExtractionFixture.aliases(graph, of: Self.meeting).contains("CMW/C/SR.451"))
        #expect(!graph.entities.contains { $0.kind == .instrument && $0.name == "CMW/C/SR.451" })
        let attributes = Dictionary(graph.attributes.filter { $0.entityID == meeting.id }.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        #expect(attributes["start_time"] == "15:05")
        #expect(attributes["end_time"] == "17:55")
    }

    @Test func theMeetingIsPartOfItsSessionAndChairedByTheChairTheHeaderNames() {
        let graph = ExtractionFixture.extract(Self.record, kind: .summaryRecord, sourceName: "sr451.txt")
        let statements = ExtractionFixture.statements(graph)
        let session = "Thirty-fourth session of the \(Self.committee)"
        #expect(statements.contains("\(Self.meeting) part_of \(session)"))
        #expect(statements.contains("\(session) held_by \(Self.committee)"))
        #expect(statements.contains("\(Self.meeting) held_by \(Self.committee)"))
        #expect(statements.contains("Mr. Corzo Sosa chaired \(Self.meeting)"))
        #expect(statements.contains("Mr. Corzo Sosa spoke_at \(Self.meeting)"))
    }

    @Test func speakersAndTheirStatesAndRolesInParentheses() {
        let graph = ExtractionFixture.extract(Self.record, kind: .summaryRecord, sourceName: "sr451.txt")
        let statements = ExtractionFixture.statements(graph)
        #expect(statements.contains("Ms. Labiad represents Morocco"))
        #expect(statements.contains("Morocco ratified \(ExtractionFixture.migrantWorkersConvention)"))
        // A question states no signature; a role in parentheses is not a body.
        #expect(!statements.contains { $0.hasPrefix("Morocco signed") })
        #expect(!graph.entities.contains { $0.kind == .body && $0.name.contains("Rapporteur") })
        #expect(!statements.contains { $0.hasPrefix("Ms. Dicko represents") })
        let dicko = ExtractionFixture.entity(graph, "Ms. Dicko")
        #expect(graph.attributes.contains { $0.entityID == dicko?.id && $0.name == "role" && $0.value == "Country Rapporteur" })
    }

    /// Older records print the title and the Chair's name in capitals and wrap the place and date over two lines.
    @Test func anOlderCapitalisedHeaderReadsTheSame() throws {
        let graph = ExtractionFixture.extract([
            "COMMITTEE ON MIGRANT WORKERS",
            "Twelfth session",
            "SUMMARY RECORD OF THE 180th MEETING",
            "Held at the Palais des Nations, Geneva,",
            "on Monday, 3 May 2010, at 10 a.m.",
            "Chairperson: Mr. EL JAMRI",
            "The meeting was called to order at 10.10 a.m.",
            "1. The CHAIRPERSON said that the Committee on Migrant Workers would begin its work.",
            "2. Mr. PEREZ (Chile) said that Chile had ratified the Convention.",
            "The meeting rose at 1 p.m.",
        ], kind: .summaryRecord, sourceName: "sr180.txt")
        let name = "180th meeting of the \(Self.committee)"
        let meeting = try #require(ExtractionFixture.entity(graph, name))
        #expect(meeting.date == "2010-05-03")
        #expect(meeting.place == "Palais des Nations, Geneva")
        let statements = ExtractionFixture.statements(graph)
        #expect(statements.contains("Mr. EL JAMRI chaired \(name)"))
        #expect(statements.contains("Mr. EL JAMRI spoke_at \(name)"))
        #expect(statements.contains("Mr. PEREZ represents Chile"))
        #expect(statements.contains("\(name) part_of Twelfth session of the \(Self.committee)"))
    }

    @Test func aRecordWithoutNumberIsNamedByWhatItIsFiledAsFirst() {
        let graph = ExtractionFixture.extract(
            ["The meeting was called to order at 3 p.m.", "1. The Committee on Migrant Workers discussed its methods."],
            kind: .summaryRecord, sourceName: "record-a.txt")
        #expect(graph.entities.contains { $0.kind == .event && $0.name.hasPrefix("Meeting recorded in record-a.txt") })
    }
}

/// Events described only generically are named with the document that describes them,
/// so that two documents' "constructive dialogue" do not become one event.
@Suite struct GenericEventNameTests {
    @Test func aConstructiveDialogueWithNoOneNamedCarriesItsDocument() {
        let graph = ExtractionFixture.extract(
            ["The Committee on Migrant Workers held a constructive dialogue on its methods."], sourceName: "report-b.txt")
        let events = ExtractionFixture.names(graph, .event)
        #expect(!events.contains("Constructive dialogue"))
        #expect(events.contains("Constructive dialogue (report-b.txt)"), "\(events)")
    }
}
