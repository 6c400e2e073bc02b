import Testing
@testable import ConcordKit

@Suite struct BodyRecognizerTests {
    @Test func findsBodiesByTheirOrganisationalWord() {
        let graph = ExtractionFixture.extract([
            "Corrections should be sent to the Documents Management Section and the Ministry of Labour of Qatar.",
        ])
        let bodies = ExtractionFixture.names(graph, .body)
        #expect(bodies.contains("Documents Management Section"))
        #expect(bodies.contains("Ministry of Labour of Qatar") || bodies.contains("Ministry of Labour"))
    }

    @Test func twoBodiesJoinedByAndStayTwo() {
        let graph = ExtractionFixture.extract([
            "A joint meeting with the Committee on Enforced Disappearances and the Working Group on Enforced or Involuntary Disappearances on enforced disappearances.",
        ])
        let bodies = ExtractionFixture.names(graph, .body)
        #expect(bodies.contains("Committee on Enforced Disappearances"))
        #expect(bodies.contains("Working Group on Enforced or Involuntary Disappearances"))
    }

    @Test func mandatesEndWhereTheSentenceGoesOn() {
        let graph = ExtractionFixture.extract([
            "The Committee held a discussion with the Special Rapporteur on the human rights of migrants about cooperation.",
            "The Special Rapporteur of the Human Rights Council on the human rights of migrants reported.",
        ])
        #expect(ExtractionFixture.names(graph, .body).contains("Special Rapporteur on the human rights of migrants"))
        #expect(ExtractionFixture.names(graph, .body).filter { $0.hasPrefix("Special Rapporteur") }.count == 1)
    }

    @Test func aUniversityKeepsItsCampusButNotTheCountry() {
        let graph = ExtractionFixture.extract([
            "Cristina Tirado, adjunct associate professor at the University of California, Los Angeles, in the United States of America, said so.",
        ])
        #expect(ExtractionFixture.names(graph, .body).contains("University of California, Los Angeles"))
        #expect(ExtractionFixture.names(graph, .state) == ["United States of America"])
        #expect(ExtractionFixture.statements(graph).contains("Cristina Tirado member_of University of California, Los Angeles"))
    }
}
