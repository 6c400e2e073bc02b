import Foundation
import Testing
@testable import ConcordKit

/// The hand-written topic-stem counter (``ParagraphText/occurrences(of:)``) finds what the
/// case-insensitive regular expression it replaced found, kept here as the reference.
@Suite struct TopicStemCountTests {
    static let stems = TreatyBodyGazetteer.all.flatMap(\.topicStems).map { $0.lowercased() }

    /// What `(?:stem|stem|…)` (case-insensitive) counted, by lowercased matched text.
    static func referenceCounts(_ paragraph: ParagraphText) throws -> [String: Int] {
        let source = "(?:" + stems.map(NSRegularExpression.escapedPattern(for:)).joined(separator: "|") + ")"
        let expression = try NSRegularExpression(pattern: source, options: [.caseInsensitive])
        var counts: [String: Int] = [:]
        for match in expression.matches(in: paragraph.text, range: NSRange(location: 0, length: paragraph.length)) {
            counts[paragraph.substring(match.range).lowercased(), default: 0] += 1
        }
        return counts
    }

    static func paragraph(_ text: String) -> ParagraphText {
        ParagraphText(ParsedParagraph(ordinal: 1, number: nil, kind: .text, section: nil, text: text), index: 0)
    }

    @Test func countsWhatTheRegularExpressionCountedInEverySeedParagraph() throws {
        var compared = 0, found = 0
        for file in try SeedCorpus.files(in: TestKnowledgeBase.repositoryRoot + "/seeds") {
            for (index, parsed) in DocumentReader().read(text: file.text, sourceName: file.name).paragraphs.enumerated() {
                let paragraph = ParagraphText(parsed, index: index)
                let counts = paragraph.occurrences(of: Self.stems)
                #expect(counts == (try Self.referenceCounts(paragraph)), "\(file.name) paragraph \(parsed.ordinal)")
                compared += 1
                found += counts.values.reduce(0, +)
            }
        }
        #expect(compared == 408)
        #expect(found > 100)
    }

    @Test(arguments: [
        "MIGRATION of Children; migrant women, WOMEN’s rights",
        "the prevention of torture and torture itself; Prevention Of Torture",
        "migramigra disappearing childchild",
        "Ünver’s report on disabilities, racial discrimination and cultural rights",
        "cultural  rights (two spaces) and political\nrights (a line break) are not the stems",
        "tortu", "",
        "Subcommittee on Prevention of Torture: prevention of tortur",
    ])
    func countsWhatTheRegularExpressionCountedOnEdgeCases(_ text: String) throws {
        let paragraph = Self.paragraph(text)
        #expect(paragraph.occurrences(of: Self.stems) == (try Self.referenceCounts(paragraph)))
    }
}
