import Testing
@testable import ConcordKit

@Suite struct EventRecognizerTests {
    static let context = "The Committee on the Protection of the Rights of All Migrant Workers and Members of Their Families met on migration."

    @Test func sessionsBelongToTheBodyThatHoldsThem() {
        let graph = ExtractionFixture.extract([
            Self.context,
            "The Committee’s thirty-second session had been held online. It had been the Committee’s first online session.",
            "The General Assembly will consider it at its sixty-sixth session.",
        ])
        let events = ExtractionFixture.names(graph, .event)
        #expect(events.contains("Thirty-second session of the " + ExtractionFixture.migrantWorkersCommittee))
        #expect(events.contains("Sixty-sixth session of the General Assembly"))
        #expect(!events.contains { $0.hasPrefix("First session") })
    }

    @Test func describedMeetingsNeedCompanyOrADate() {
        let graph = ExtractionFixture.extract([
            Self.context,
            "On 22 April 2021, the Committee would participate in a joint meeting with the Committee on Enforced Disappearances.",
            "It would continue at additional online meetings to be held on 29 and 30 April 2021.",
            "In the ensuing dialogue, members spoke; the public meeting ended.",
        ])
        let events = ExtractionFixture.names(graph, .event)
        #expect(events.contains("Joint meeting with the Committee on Enforced Disappearances"))
        #expect(events.contains("Additional online meetings (2021-04-29/2021-04-30)"))
        #expect(ExtractionFixture.entity(graph, "Additional online meetings (2021-04-29/2021-04-30)")?.date == "2021-04-29/2021-04-30")
        #expect(events.count == 2)
    }

    @Test func aMeetingHeldSomewhereKeepsItsPlace() {
        let graph = ExtractionFixture.extract([
            Self.context,
            "Azerbaijan had hosted an informal brainstorming meeting held by the Committee in Baku in 2019.",
        ])
        let meeting = graph.entities.first { $0.kind == .event }
        #expect(meeting?.place == "Baku")
        #expect(ExtractionFixture.statements(graph).contains(
            "Informal brainstorming meeting in Baku held_by " + ExtractionFixture.migrantWorkersCommittee))
    }
}
