import ConcordBenchKit
import Foundation
import Testing
@testable import ConcordKit

/// The hand-written scanners (``ScannedPattern``) find exactly what their regular
/// expressions find — same matches, same capture groups — on every seed paragraph,
/// on generated corpora and on random text made of the pieces the expressions look for.
@Suite struct ScannedPatternTests {
    static let patterns: [(String, ScannedPattern)] = [
        ("described", EventRecognizer.described), ("session", EventRecognizer.session), ("fullName", PersonRecognizer.fullName),
        ("named", BodyRecognizer.named),
    ]

    static func paragraph(_ text: String) -> ParagraphText {
        ParagraphText(ParsedParagraph(ordinal: 1, number: nil, kind: .text, section: nil, text: text), index: 0)
    }

    /// Compares scanner and expression on `paragraph`; returns the matches found, or `nil` when the scanner does not handle it.
    @discardableResult
    static func compare(_ paragraph: ParagraphText, _ name: String, _ pattern: ScannedPattern) -> Int? {
        guard let scanned = pattern.scannerMatches(in: paragraph) else { return nil }
        let expected = pattern.expressionMatches(in: paragraph)
        #expect(scanned == expected, "\(name) in \(paragraph.text.debugDescription)")
        return expected.count
    }

    @Test func scannersFindWhatTheExpressionsFindInEverySeedParagraph() throws {
        var handled = 0, found = [String: Int]()
        for file in try SeedCorpus.files(in: TestKnowledgeBase.repositoryRoot + "/seeds") {
            for (index, parsed) in DocumentReader().read(text: file.text, sourceName: file.name).paragraphs.enumerated() {
                let paragraph = ParagraphText(parsed, index: index)
                if paragraph.scanText != nil { handled += 1 }
                for (name, pattern) in Self.patterns { found[name, default: 0] += Self.compare(paragraph, name, pattern) ?? 0 }
            }
        }
        #expect(handled > 300)
        for (name, _) in Self.patterns { #expect(found[name, default: 0] > 5, "\(name)") }
    }

    @Test func scannersFindWhatTheExpressionsFindInAGeneratedCorpus() {
        let generator = CorpusGenerator(seed: 11, targetCharacters: 6_000)
        var found = [String: Int]()
        for index in 0..<60 {
            let document = generator.document(index)
            for (position, parsed) in DocumentReader().read(text: document.text, sourceName: "generated-\(index)").paragraphs.enumerated() {
                let paragraph = ParagraphText(parsed, index: position)
                #expect(paragraph.scanText != nil)
                for (name, pattern) in Self.patterns { found[name, default: 0] += Self.compare(paragraph, name, pattern) ?? 0 }
            }
        }
        for (name, _) in Self.patterns { #expect(found[name, default: 0] > 20, "\(name)") }
    }

    /// Pieces the expressions turn on: their words in several cases, spaces of several kinds,
    /// hyphens, apostrophes, initials, digits, capitals and small letters of Latin-1.
    static let pieces: [String] = EventScanners.adjectives + EventScanners.nouns + EventScanners.sessionQualifiers
        + ["Informal", "JOINT", "In-Depth", "Meeting", "meetings", "MEETING", "Dialogues", "session", "Session", "sessions",
           "twenty-first", "Thirty-Second", "first", "tenth", "452nd", "3RD", "11th", "fortieth", "sixty-", "x",
           "Lewis", "Benjamin", "Tirado", "Marie-Claire", "J.", "A. ", "McDonald", "Özil", "Ángel", "éclair", "Ab", "ab",
           "Peoples’", "O'Neil", "de", "Committee", "Council", "Office", "Group", "Working", "Inter-", "Unit", "United",
           "of", "on", "for", "the", "and", "or", "against", "in", "la", "des", "Human Rights", "A1", "’", "'", "-", "–", ".", ",", ";", "(", ")", "\"", "“", "”",
           "2019", "7", "_", "é", "É"]
    /// Pieces the scanners leave to the expressions (a paragraph holding one is not scanned).
    static let unhandled = ["ß", "ſ", "\u{00AD}", "\u{0301}", "Ω", "\u{2009}", "\u{2028}", "İ"]
    static let spaces = [" ", " ", " ", "  ", "\t", "\n", "\u{00A0}", ""]

    @Test(arguments: 0..<6)
    func scannersFindWhatTheExpressionsFindInRandomText(seed: Int) {
        var random = ConcordBenchKit.SeededGenerator(seed: UInt64(seed) &+ 101)
        var handled = 0, found = 0
        for _ in 0..<800 {
            let words = (0..<Int.random(in: 1...24, using: &random)).map { _ in
                (random.chance(0.01) ? random.pick(Self.unhandled) : random.pick(Self.pieces)) + random.pick(Self.spaces)
            }
            let paragraph = Self.paragraph(words.joined())
            for (name, pattern) in Self.patterns {
                if let count = Self.compare(paragraph, name, pattern) { handled += 1; found += count }
            }
        }
        #expect(handled > 1_500)
        #expect(found > 60)
    }

    @Test func scannersFindWhatTheExpressionsFindInTheseEdges() {
        let texts = [
            "an informal public private joint meeting", "informal formal public private closed meeting with States",
            "a non-formal meeting", "the informalmeeting", "informal  \t meetings’ end", "informal meetingsx", "INFORMAL Briefing.",
            "the twenty-first session", "twenty-firstsession", "452nd  resumed session", "the 3rd special  session’s",
            "fifth regular sessions", "A452nd session", "1st extraordinary session", "sixtieth session",
            "Cristina Tirado, professor", "by Benjamin J. Lewis Smith", "Ms Marie-Claire Dupont-Moretti", "Ab Cd-", "Ab Cd-ef",
            "Ab Cd Efg-", "Ab Cd Ef’", "Xyz Abc Def Ghi", "Mr Abc Def", "ABCDEFGHIJKLMNOPQRSTUVWXYZ Abc Def", "Über Ärger",
            "Ab\u{00A0}Cd", "Ab Cd\u{2019}s", "(Ab Cd)", "Ab Cd1", "Ab C. Dd", "Ab C.Dd", "-Ab Cd", "’Ab Cd", "",
            "The Committee on Migrant Workers", "United Nations Office at Geneva", "Inter- American Court of Human Rights",
            "Committees", "the Committee’s members", "Ministry of Labour, Employment and Social Security", "Office holders",
            "Abc12d Committee", "The Committee Committee", "A Working Group on Arbitrary Detention and the Council",
        ]
        for text in texts {
            for (name, pattern) in Self.patterns { Self.compare(Self.paragraph(text), name, pattern) }
        }
    }

    /// Why lowering A–Z alone finds the (ASCII) literals of handled paragraphs where full lowercasing does.
    @Test func lowercasingAHandledCharacterThatIsNotASCIIGivesNoASCII() {
        for unit in (UInt16(0x80)..<0x250).filter({ ScanClasses.flags($0).contains(.handled) }) + Array(0x2010...0x2027) {
            let lowered = String(decoding: [unit], as: UTF16.self).lowercased()
            #expect(lowered.utf8.allSatisfy { $0 >= 0x80 }, "U+\(String(unit, radix: 16))")
        }
        let text = "The COMMITTEE’s Thirty-Second SESSION in Zürich, ÉTATS and Ångström"
        #expect(Self.paragraph(text).scanText != nil)
        for literal in ["committee", "s thirty-second session", "in z", "tats and", "ngstr", "etats", "the committee's"] {
            #expect(Self.paragraph(text).contains(literal) == text.lowercased().contains(literal), "\(literal)")
        }
    }

    @Test func noWordOfAnAlternationStartsAnother() {
        for list in [EventScanners.adjectives, EventScanners.nouns, EventScanners.sessionQualifiers, PatternPiece.ordinalWords] {
            for word in list {
                for other in list where other != word { #expect(!other.hasPrefix(word), "\(word) starts \(other)") }
            }
        }
        for noun in EventScanners.nouns {
            for adjective in EventScanners.adjectives { #expect(!adjective.hasPrefix(noun)) }
        }
        for qualifier in EventScanners.sessionQualifiers { #expect(!"session".hasPrefix(qualifier) && !qualifier.hasPrefix("session")) }
    }

    /// Ignoring case, an ASCII letter matches only its two cases among the characters the scanners handle.
    @Test func caseInsensitiveLettersMatchOnlyTheirASCIICases() throws {
        let handled = (UInt16(1)..<0x250).filter { ScanClasses.flags($0).contains(.handled) }
            + (UInt16(0x2010)...0x2027).filter { ScanClasses.flags($0).contains(.handled) }
        let text = String(decoding: handled, as: UTF16.self)
        for letter in "abcdefghijklmnopqrstuvwxyz" {
            let expression = try NSRegularExpression(pattern: String(letter), options: [.caseInsensitive])
            let matched = expression.matches(in: text, range: NSRange(location: 0, length: handled.count)).map { handled[$0.range.location] }
            let ascii = UInt16(letter.asciiValue ?? 0)
            #expect(matched == [ascii - 0x20, ascii], "\(letter)")
        }
        let folds = try NSRegularExpression(pattern: "^(?:ss|st|ff|fi|fl|ffi|ffl|s|k|i\u{0307})$", options: [.caseInsensitive])
        for unit in handled where unit >= 0x80 {
            let character = String(decoding: [unit], as: UTF16.self)
            #expect(folds.firstMatch(in: character, range: NSRange(location: 0, length: 1)) == nil, "U+\(String(unit, radix: 16))")
        }
        #expect(ScanClasses.flags(0x41).contains([.handled, .letter, .upper, .word]))
        #expect(ScanClasses.flags(0x20).contains([.handled, .space]) && !ScanClasses.flags(0x20).contains(.word))
        #expect(ScanClasses.flags(0x2019) == [.handled])
        for unit: UInt16 in [0x00, 0xAD, 0xDF, 0x130, 0x17F, 0x300, 0x2009, 0x2028, 0x3A9] { #expect(ScanClasses.flags(unit).isEmpty) }
    }
}
