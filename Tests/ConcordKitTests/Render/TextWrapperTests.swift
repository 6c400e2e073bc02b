import Testing
@testable import ConcordKit

/// Columns line up by characters, whatever the names are made of.
@Suite struct TextWrapperTests {
    @Test func paddingCountsCharactersSoDecomposedAccentsAndWideScalarsStillAlign() {
        let decomposed = "Jose\u{301} Mari\u{301}a"  // "José María" with combining accents: 12 UTF-16 units, 10 characters
        #expect(TextWrapper.padded(decomposed, to: 12) == decomposed + "  ")
        #expect(TextWrapper.padded(decomposed, to: 12).count == 12)
        #expect(TextWrapper.padded("𝐀BC", to: 5) == "𝐀BC  ")
        #expect(TextWrapper.padded("Geneva", to: 3) == "Geneva", "padding never cuts")
        #expect(TextWrapper.padded("", to: 2) == "  ")
    }

    @Test func truncatedNamesEndInAnEllipsisAtTheWidth() {
        #expect(TextWrapper.truncated("Office of the High Commissioner", to: 10) == "Office of…")
        #expect(TextWrapper.truncated("OHCHR", to: 10) == "OHCHR")
    }
}
