import Foundation
import Testing
@testable import ConcordKit

/// The byte-level key of ASCII names gives what Foundation's folding gives.
@Suite struct NameNormalizerTests {
    @Test func everyASCIICharacterKeysAsFoundationKeysIt() {
        for code in 0..<0x80 {
            let character = String(UnicodeScalar(UInt8(code)))
            for name in ["A\(character)b", "\(character)", " \(character) ", "x \(character)\(character) Y"] {
                #expect(NameNormalizer.asciiKey(name) == NameNormalizer.foundationKey(name), "U+\(String(code, radix: 16))")
            }
        }
    }

    @Test func namesWithQuotesAndSpacesKeyAsFoundationKeysThem() {
        let names = [
            "Ms. Landazuri  de Mora", "  Committee on Migrant Workers\t", "Peoples’ Rights", "‘Quoted’ Name",
            "A/HRC/47/30", "Mr.\nLewis", "Law No. 23/2007\r\n", "", "   ", "COVID-19 Response", "O'Neil  ’ ‘",
        ]
        for name in names {
            #expect(NameNormalizer.asciiKey(name) == NameNormalizer.foundationKey(name), "\(name)")
            #expect(NameNormalizer.normalize(name) == NameNormalizer.foundationKey(name))
        }
    }

    @Test func otherNamesTakeFoundationsPath() {
        for name in ["Landázuri", "Ｗｉｄｅ", "Straße", "“Double”", "Côte d’Ivoire", "x\u{2019}\u{0301}", "\u{E2}"] {
            #expect(NameNormalizer.asciiKey(name) == nil)
            #expect(NameNormalizer.normalize(name) == NameNormalizer.foundationKey(name))
        }
        #expect(NameNormalizer.normalize("Ms. Landázuri  de Mora") == "ms. landazuri de mora")
    }

    @Test func keysOfGeneratedNamesMatchFoundations() {
        var generator = SeededGenerator.forTest("generated names", fixed: 0x4A3E)
        let pieces = ["a", "Z", " ", "\t", "’", "‘", "'", ".", "-", "9", "\n", "Q"]
        for _ in 0..<2_000 {
            let name = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(NameNormalizer.asciiKey(name) == NameNormalizer.foundationKey(name), "\(name.debugDescription)")
        }
    }
}
