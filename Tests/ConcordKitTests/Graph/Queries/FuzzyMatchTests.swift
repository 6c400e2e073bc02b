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
}
