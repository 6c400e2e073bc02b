import Testing
@testable import ConcordKit

@Suite struct SpeakerRelationsTests {
    static let record = [
        "The meeting was called to order at 3.10 p.m.",
        "Meeting with States",
        "1. The Chair, welcoming the participants, said that migrant workers deserved protection during migration.",
        "2. Ms. Labiad (Morocco) said that her country had ratified the Convention.",
        "3. Mr. Nowosad (Office of the United Nations High Commissioner for Human Rights) said that he agreed.",
        "4. Mr. Corzo Sosa said that the meeting with States was useful.",
        "5. Ms. Kent (Observer for the Migrant Rights Alliance) said that more was needed.",
        "The meeting rose at 4.55 p.m.",
    ]

    @Test func speakersSpeakAtTheRecordedMeetingForWhomTheParenthesisSays() throws {
        let graph = ExtractionFixture.extract(Self.record, kind: .summaryRecord, sourceName: "record.txt")
        let meeting = "Meeting recorded in record.txt of the \(ExtractionFixture.migrantWorkersCommittee)"
        let statements = ExtractionFixture.statements(graph)
        for speaker in ["Ms. Labiad", "Mr. Nowosad", "Mr. Corzo Sosa", "Ms. Kent"] {
            #expect(statements.contains("\(speaker) spoke_at \(meeting)"))
        }
        #expect(statements.contains("Ms. Labiad represents Morocco"))
        #expect(statements.contains("Mr. Nowosad represents Office of the United Nations High Commissioner for Human Rights"))
        #expect(statements.contains("Ms. Kent represents Migrant Rights Alliance"))
        #expect(statements.contains("Morocco ratified \(ExtractionFixture.migrantWorkersConvention)"))
        // The Chair is a role, not a person.
        #expect(!ExtractionFixture.names(graph, .person).contains { $0.contains("Chair") })
    }

    @Test func theRecordedMeetingHasItsTimesAndHeadingAndIsHeldByTheCommittee() throws {
        let graph = ExtractionFixture.extract(Self.record, kind: .summaryRecord, sourceName: "record.txt")
        let meeting = try #require(graph.entities.first { $0.name.hasPrefix("Meeting recorded in") })
        let attributes = Dictionary(graph.attributes.filter { $0.entityID == meeting.id }.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        #expect(attributes["start_time"] == "15:10")
        #expect(attributes["end_time"] == "16:55")
        #expect(ExtractionFixture.aliases(graph, of: meeting.name).contains("Meeting with States"))
        #expect(ExtractionFixture.statements(graph).contains("\(meeting.name) held_by \(ExtractionFixture.migrantWorkersCommittee)"))
    }
}
