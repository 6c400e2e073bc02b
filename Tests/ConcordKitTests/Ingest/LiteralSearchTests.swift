import Foundation
import Testing
@testable import ConcordKit

/// The byte searches and prefilters that replaced Foundation calls in the reader find what
/// those calls found.
@Suite struct LiteralSearchTests {
    static let texts = [
        "the meeting was called to order at 3.10 p.m.",
        "Côte d’Ivoire’s report — the meeting rose at noon.",
        "no formula here, only “quotes” and accents: é, ü, ß",
        "the meeting rose at 4 p.m.; the meeting rose at 5 p.m.",
        "", "t", "the meeting rose a",
    ]
    static let phrases = ["the meeting rose at", "called to order at", "report", "t", "quotes", "zz"]

    @Test func bytesFindWhatFoundationFinds() {
        for text in Self.texts {
            for phrase in Self.phrases {
                let foundation = text.range(of: phrase).map { text.utf8.distance(from: text.startIndex, to: $0.upperBound) }
                #expect(LiteralSearch.endOffset(of: phrase, in: text) == foundation, "\(phrase) in \(text)")
                #expect(LiteralSearch.endIndex(of: phrase, in: text) == text.range(of: phrase)?.upperBound)
            }
        }
    }

    @Test func asciiLoweringFindsTheFormulasFullLoweringFinds() {
        let texts = Self.texts + ["THE MEETING WAS CALLED TO ORDER AT 10 A.M.", "The Present Report of Ÿves Émile"]
        for text in texts {
            let lowered = LiteralSearch.asciiLowercased(text)
            #expect(lowered.utf8.count == text.utf8.count)
            for formula in DocumentFacts.summaryRecordOpenings + DocumentFacts.summaryRecordClosings + ["the present report"] {
                #expect(LiteralSearch.contains(formula, in: lowered) == text.lowercased().contains(formula))
            }
        }
        // Only ASCII capitals change.
        #expect(LiteralSearch.asciiLowercased("ÉCOLE Été") == "École Été")
    }

    @Test func furnitureLinesAreStillRecognisedAfterTheirPrefilters() {
        #expect(PageFurniture.kind(of: "A/66/253") == .symbol("A/66/253"))
        #expect(PageFurniture.kind(of: "CMW/C/SR.452 3") == .symbol("CMW/C/SR.452"))
        #expect(PageFurniture.kind(of: "11-44251") == .jobNumber)
        #expect(PageFurniture.kind(of: "GE.19-15432 (E) 120819 130819") == .jobNumber)
        #expect(PageFurniture.kind(of: "*1144251*") == .jobNumber)
        #expect(PageFurniture.kind(of: "Page 3") == .pageNumber(0))
        #expect(PageFurniture.kind(of: "3/19") == .pageNumber(0))
        #expect(PageFurniture.kind(of: "– 3 –") == .pageNumber(0))
        #expect(PageFurniture.kind(of: "- 3 -") == .pageNumber(0))
        #expect(PageFurniture.kind(of: "12") == .pageNumber(12))
        #expect(PageFurniture.kind(of: "in 2019 the Committee") == nil)
        #expect(PageFurniture.kind(of: "a/66/253") == nil)
        #expect(!PageFurniture.isSymbol("A66253"))
    }

    @Test func datesNeedTheirMonthNamed() {
        #expect(DateExpressions.dates(in: "held from 12 to 14 September 2019 in Geneva") == ["2019-09-12", "2019-09-14"])
        #expect(DateExpressions.dates(in: "held from 12 to 14 september 2019") == [])
        #expect(DateExpressions.dates(in: "on 3 May 2020") == ["2020-05-03"])
    }
}
