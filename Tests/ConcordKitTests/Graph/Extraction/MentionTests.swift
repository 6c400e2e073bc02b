import Foundation
import Testing
@testable import ConcordKit

@Suite struct MentionTests {
    @Test func offsetsCountCodePointsAndPointAtTheSurface() throws {
        let text = "🌍 Delegates from Côte d’Ivoire and 𝐌 Chile met the ILO."
        let graph = ExtractionFixture.extract([text])
        #expect(graph.mentions.count == 3)
        let scalars = Array(text.unicodeScalars)
        for mention in graph.mentions {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[mention.startOffset..<mention.endOffset])
            #expect(String(view) == mention.surfaceText)
            #expect(mention.paragraphID == "doc:test:1")
        }
    }

    @Test func pageFurnitureYieldsNoMention() {
        let graph = ExtractionFixture.extract(["A/66/253", "Chile spoke.", "GE.21-05123"])
        #expect(graph.mentions.map(\.paragraphID) == ["doc:test:2"])
    }

    @Test func idsDependOnlyOnContent() {
        let first = ExtractionFixture.extract(["Mr. Lewis (Chile) spoke about resolution 74/148."])
        let second = ExtractionFixture.extract(["Mr. Lewis (Chile) spoke about resolution 74/148."])
        #expect(first == second)
        #expect(first.entities.allSatisfy { $0.id == StableID.entity(kind: $0.kind, canonicalName: $0.name) })
    }
}
