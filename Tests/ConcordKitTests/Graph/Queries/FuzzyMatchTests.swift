import Testing
@testable import ConcordKit

@Suite struct FuzzyMatchTests {
    @Test func approximateSubstringDistanceForgivesOCRAndTypos() {
        #expect(FuzzyMatch.substringDistance("lewsi", in: "mrlewis") == 1)
        #expect(FuzzyMatch.substringDistance(FuzzyMatch.compact("Workersand Membersof Thelr Families"),
                                             in: FuzzyMatch.compact("Migrant Workers and Members of Their Families")) == 1)
        #expect(FuzzyMatch.substringDistance("ohchr", in: "ohchr") == 0)
        #expect(FuzzyMatch.substringDistance("xyz", in: "ohchr") == 3)
    }

    @Test func compactKeysIgnoreCaseAccentsSpacesAndPunctuation() {
        #expect(FuzzyMatch.compact("Ms. Landázuri  de Mora") == "mslandazuridemora")
        #expect(FuzzyMatch.words("Ms. Landázuri-de Mora") == ["ms", "landazuri", "de", "mora"])
    }

    static let asciiNames = [
        "Ms. Ana  Kabedori", "  UN\tHuman Rights\nOffice ", "OHCHR", "Workersand Membersof Thelr Families",
        "Convention of Kabedori-Luz (1990)", "A\r\nB", "", "   ", "x/y_z", "Mr. O'Neil, Jr.",
    ]

    @Test(arguments: asciiNames)
    func theByteFastPathsGiveWhatTheCharacterCallsTheyReplaceGave(name: String) {
        let normalized = name.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        #expect(NameNormalizer.normalize(name) == normalized)
        let words = normalized.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
        #expect(FuzzyMatch.words(normalized: normalized) == words)
        let line = " " + words.joined(separator: " ")
        #expect(FuzzyMatch.wordLine(normalized: normalized) == line)
        for part in [" ana kabe", " kabedori", " human rights", " of", "rs o", " nope", ""] {
            #expect(FuzzyMatch.wordLine(line, contains: part) == line.contains(part), "\(line) / \(part)")
        }
    }

    @Test func aBoundedDistanceIsTheDistanceWhenWithinTheBoundAndAboveItOtherwise() {
        var random = SeededGenerator.forTest("bounded distance", fixed: 0xF022)
        let letters = Array("abcde")
        for _ in 0..<500 {
            let needle = String((0..<Int.random(in: 1...8, using: &random)).map { _ in letters.randomElement(using: &random)! })
            let haystack = String((0..<Int.random(in: 0...14, using: &random)).map { _ in letters.randomElement(using: &random)! })
            let full = FuzzyMatch.substringDistance(needle, in: haystack)
            for bound in 0...3 {
                let bounded = FuzzyMatch.substringDistance(needle, in: haystack, atMost: bound)
                if full <= bound { #expect(bounded == full, "\(needle) in \(haystack)") } else { #expect(bounded > bound) }
            }
        }
    }
}
